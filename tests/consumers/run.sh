#!/usr/bin/env bash
# Exports the fixture corpus in every format and loads the results in their real consumers
# (spaCy — including one epoch of spancat training —, seqeval, Hugging Face datasets, plain Python
# slicing). Creates target/consumers-venv once and reuses it. GLOSSER_CONSUMERS_DATASETS=0 skips
# Hugging Face datasets (it pulls pyarrow: about 35 s and 300 MB on first install).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/consumers-venv
packages=(spacy seqeval)
probe="import spacy, seqeval"
if [[ ${GLOSSER_CONSUMERS_DATASETS:-1} != 0 ]]; then
  packages+=(datasets)
  probe+=", datasets"
fi
if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c "$probe" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${packages[@]}"
fi
cargo build --quiet --bin glosser
bin=target/debug/glosser
corpus=tests/fixtures/formats/corpus
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for format in jsonl spacy prodigy doccano label-studio conll hf csv w3c; do
  "$bin" export "$corpus" --format "$format" --annotator ann -o "$out/export.$format" 2>"$out/stderr.$format"
done
"$bin" export "$corpus" --format hf --annotator ann --overlaps layers -o "$out/export.hf-layers" 2>"$out/stderr.hf-layers"
"$bin" export "$corpus" --format hf --annotator ann --split train=.5,dev=.25,test=.25 -o "$out/hf-split" 2>/dev/null
"$bin" export "$corpus" --format spacy --annotator ann --split train=.75,dev=.25 -o "$out/spacy-split" 2>/dev/null
"$bin" export "$corpus" --format brat --annotator ann -o "$out/brat"
"$venv/bin/python" tests/consumers/check.py "$out" "$corpus"
