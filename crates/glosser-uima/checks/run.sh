#!/usr/bin/env bash
# Checks the XMI and JSON writers and readers against dkpro-cassis (PyPI), the Python UIMA CAS
# implementation INCEpTION documents for its XMI and JSON exports:
#   1. glosser-uima writes every fixture and 220 random documents (emoji, ZWJ, flags, CJK,
#      combining marks, CRLF, astral characters) as CAS XMI + TypeSystem.xml and as CAS JSON;
#   2. cassis loads each file and must find exactly the expected spans and relations;
#   3. cassis writes each CAS again, and glosser-uima must read back the original document.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/checks-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "dkpro-cassis>=0.10"
"$venv/bin/python" -c 'import importlib.metadata as m; print("dkpro-cassis", m.version("dkpro-cassis"))'
out=target/checks
rm -rf "$out"
cargo run --quiet --example uima_check -- generate "$out"
"$venv/bin/python" checks/check.py "$out"
cargo run --quiet --example uima_check -- verify "$out"
