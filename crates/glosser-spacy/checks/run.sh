#!/usr/bin/env bash
# Checks the crate against real spaCy 3.8, pyarrow, DuckDB and Hugging Face datasets:
#   tokens   — the Rust tokens equal spacy.blank("en")(text) on glosser's seeds, the format
#              fixtures, every tokenizer exception in context and N random/hostile texts;
#   docbin   — the .spacy bytes equal spaCy's own DocBin (msgpack, byte for byte) and load back;
#   train    — the config equals `spacy init config`, debug config/data pass, one epoch of
#              spancat+ner trains, and the suggester proposes every span;
#   parquet  — pyarrow, DuckDB and datasets.load_dataset read the rows and ClassLabel names back.
# Uses the venv of tests/consumers/run.sh (GLOSSER_SPACY_PYTHON overrides it), which that script
# makes with spaCy, pyarrow, datasets, duckdb and msgpack; run that script, or this one after it.
# GLOSSER_SPACY_DATASETS3=1 also reads the Parquet file with datasets 3.6 (a second venv under
# target/, about 40 s once).
# GLOSSER_SPACY_RANDOM sets the number of random texts (default 3000).
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$PWD
python=${GLOSSER_SPACY_PYTHON:-$root/target/consumers-venv/bin/python}
probe="import spacy, pyarrow, duckdb, datasets, msgpack; assert spacy.__version__.startswith('3.8')"
if ! "$python" -c "$probe" 2>/dev/null; then
  echo "glosser-spacy checks: $python lacks spaCy 3.8, pyarrow, duckdb, datasets or msgpack; run tests/consumers/run.sh first" >&2
  exit 2
fi
random=${GLOSSER_SPACY_RANDOM:-3000}
crate=crates/glosser-spacy
shopt -s nullglob
files=(seeds/*.txt tests/fixtures/formats/corpus/*.txt tests/fixtures/formats/corpus/*.md
  tests/fixtures/formats/corpus/cjk/*.txt "$crate"/fixtures/*.txt)
shopt -u nullglob
# Release: the tokenizer's backtracking patterns are ~10× slower unoptimised.
cargo build --quiet --release -p glosser-spacy --examples
examples=$root/target/release/examples
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
cd "$crate"
files=("${files[@]/#/$root/}")
"$python" checks/tokens_check.py "$examples/spacy_tokens" "$random" "${files[@]}" || status=1
"$python" checks/docbin_check.py "$examples/spacy_docbin" "$out/docbin" 1000 "${files[@]}" || status=1
"$python" checks/train_check.py "$examples" "$out/train" "${files[@]}" 2>&1 | grep -v '^\s*$' | tail -n 4 || status=1
"$python" checks/parquet_check.py "$examples/hf_parquet" "$out/parquet" 500 "${files[@]}" 2>&1 | grep -v 'examples/s' || status=1
if [[ ${GLOSSER_SPACY_DATASETS3:-0} != 0 ]]; then
  # An older datasets reads the same file (its own venv: datasets 3.6 pins what it needs).
  old=$root/target/venv-datasets3
  if [[ ! -x $old/bin/python ]] || ! "$old/bin/python" -c "import datasets" 2>/dev/null; then
    python3 -m venv "$old"
    "$old/bin/pip" install --quiet --disable-pip-version-check "datasets==3.6.0"
  fi
  "$old/bin/python" checks/parquet_datasets3.py "$out/parquet/rows.parquet" "$(cat "$out/parquet/tag_names.txt")" 2>&1 |
    grep -v 'examples/s' || status=1
fi
exit $status
