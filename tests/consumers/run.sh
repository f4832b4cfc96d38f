#!/usr/bin/env bash
# Exports the fixture corpus in every format and loads the results in their real consumers
# (spaCy, seqeval, plain Python slicing). Creates target/consumers-venv once and reuses it.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/consumers-venv
if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c "import spacy, seqeval" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check spacy seqeval
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

# Suggestions (SPEC §9): the shipped spaCy example over the --command protocol on a copy of the
# seeds writes a file per document that validates, and the pattern matcher finds exactly the
# spans of spaCy's own EntityRuler on the seeds and the fixture texts.
seeds="$out/seeds-copy"
cp -r seeds "$seeds"
"$bin" suggest "$seeds" --command "$venv/bin/python examples/suggest_spacy.py"
written=$(find "$seeds" -name '*.txt.suggest.ron' | wc -l)
documents=$(find "$seeds" -name '*.txt' | wc -l)
if [[ $written -ne $documents ]]; then
  echo "suggest --command wrote $written files for $documents documents" >&2
  exit 1
fi
"$bin" validate "$seeds"
patterns_corpus="$out/patterns-corpus"
mkdir "$patterns_corpus"
cp seeds/*.txt "$corpus"/*.txt "$patterns_corpus"/
"$bin" suggest "$patterns_corpus" --patterns tests/consumers/patterns.jsonl --as patterns
"$bin" export "$patterns_corpus" --format jsonl --annotator patterns -o "$out/patterns.jsonl"
"$venv/bin/python" tests/consumers/suggest_check.py tests/consumers/patterns.jsonl "$patterns_corpus" "$out/patterns.jsonl"
echo "suggest: spaCy example and EntityRuler comparison passed"
