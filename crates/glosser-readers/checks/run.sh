#!/usr/bin/env bash
# Checks glosser-readers against the tools' own Python packages: spaCy (conll_ner_to_docs and
# `spacy convert -c ner`, docs_to_json), seqeval, Hugging Face datasets, gatenlp,
# label-studio-converter and Argilla 2 (and Argilla 1.29 in a venv of its own, which needs
# older numpy and pyarrow; GLOSSER_READERS_ARGILLA_V1=0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
fi
"$venv/bin/pip" install --quiet spacy seqeval datasets gatenlp label-studio-converter argilla

if [ "${GLOSSER_READERS_ARGILLA_V1:-1}" != 0 ]; then
    legacy=target/venv-argilla1
    if [ ! -x "$legacy/bin/python" ]; then
        python3 -m venv "$legacy"
    fi
    "$legacy/bin/pip" install --quiet "argilla==1.29.1" "datasets<3" "pyarrow<17"
fi

cargo build --quiet --example readers_check
target_dir=$(cargo metadata --format-version 1 --no-deps | "$venv/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
export READERS_CHECK_BIN="$target_dir/debug/examples/readers_check"
"$venv/bin/python" checks/check.py
