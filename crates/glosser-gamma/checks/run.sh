#!/usr/bin/env bash
# Compares glosser-gamma with the reference implementations:
#   gamma, gamma-cat, gamma-k  vs pygamma-agreement 0.5.9 (checks/compare_gamma.py)
#   Gwet's AC1                 vs irrCAC 0.4.4            (checks/compare_ac1.py)
# Creates two venvs under the workspace's target/ (pip from PyPI; kept and reused while the
# requirements are unchanged), builds the JSON examples in release mode.
# Arguments are passed to compare_gamma.py (e.g. --corpora 5 for a quick run).
set -euo pipefail
crate="$(cd "$(dirname "$0")/.." && pwd)"
cd "$crate/../.."
PYTHON=${PYTHON:-python3}

venv() {
    local dir=$1 requirements=$2
    if [ ! -x "$dir/bin/python" ] || ! cmp -s "$requirements" "$dir/requirements.txt"; then
        rm -rf "$dir"
        "$PYTHON" -m venv "$dir"
        "$dir/bin/pip" install --quiet --disable-pip-version-check --upgrade pip
        "$dir/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
        cp "$requirements" "$dir/requirements.txt"
    fi
}

venv target/checks-gamma "$crate/checks/requirements-gamma.txt"
venv target/checks-ac1 "$crate/checks/requirements-ac1.txt"
cargo build --quiet --release -p glosser-gamma --examples

echo "== Gwet's AC1 vs irrCAC"
target/checks-ac1/bin/python "$crate/checks/compare_ac1.py"
echo "== gamma vs pygamma-agreement"
target/checks-gamma/bin/python "$crate/checks/compare_gamma.py" "$@"
