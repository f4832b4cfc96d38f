#!/usr/bin/env bash
# Exports the fixture corpus in every format and loads the results in their real consumers
# (spaCy, seqeval, label-studio-converter, plain Python slicing). Creates target/consumers-venv
# once and reuses it.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/consumers-venv
if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c "import spacy, seqeval" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check spacy seqeval
fi
if ! "$venv/bin/python" -c "import label_studio_converter" 2>/dev/null; then
  # Optional: check.py falls back to Label Studio's documented import rules without it.
  "$venv/bin/pip" install --quiet --disable-pip-version-check label-studio-converter ||
    echo "label-studio-converter did not install; checking Label Studio's rules only" >&2
fi
cargo build --quiet --bin glosser
bin=target/debug/glosser
corpus=tests/fixtures/formats/corpus
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for format in jsonl spacy prodigy doccano label-studio conll hf csv w3c; do
  "$bin" export "$corpus" --format "$format" --annotator ann -o "$out/export.$format" 2>>"$out/stderr"
done
"$bin" export "$corpus" --format brat --annotator ann -o "$out/brat"
"$venv/bin/python" tests/consumers/check.py "$out" "$corpus"
