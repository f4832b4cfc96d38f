#!/usr/bin/env bash
# Checks glosser-models against reference implementations in Python (see checks/README.md).
# Run from anywhere; creates a venv under the workspace's target/ once and installs
# checks/requirements.txt from PyPI into it. Builds the examples in the debug profile that
# `cargo test` already built the dependencies for.
set -euo pipefail
crate="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$crate/../.." && pwd)"
cd "$root"
venv=target/models-checks-venv
if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c "import sklearn, numpy, regex, openai" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$crate/checks/requirements.txt"
fi
py="$venv/bin/python"
cargo build --quiet -p glosser-models --features test-server --examples
examples=target/debug/examples
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "== placement against the Python reference"
"$py" "$crate/checks/placement_check.py" "$examples/place_cases"
echo "== the OpenAI Python SDK against the test server, and the cache layout"
"$py" "$crate/checks/protocol_check.py" "$examples/fake_server"
echo "== the learner against scikit-learn on the same folds"
"$examples/learner_eval" --main "$root" --dump "$out/seeds.jsonl" --summary "$out/learner_summary.json" >"$out/learner_eval.md"
"$py" "$crate/checks/learner_check.py" "$out/seeds.jsonl" "$out/learner_summary.json"
