#!/usr/bin/env bash
# docs/performance.md's "how cost grows" table in one run: every command (wall time as a ratio to
# `cat` of the same files, and peak RSS) and `import` against `export` of the same records, over
# 1,000 / 10,000 / 100,000 generated documents and over one 50 KB / 5 MB / 60 MB article (two
# annotators' files on each); then the TUI's first frame, move, search and `G` on the same corpora
# (examples/tui_cost.rs).
#
#   benches/growth.sh [--runs N] [--skip-100k] [DIR]
#
# DIR (default /tmp/glosser-growth) holds the generated corpora; each is made once by
# examples/gen_corpus (deterministic) and reused. Times are the best of N runs (default 3; the
# 100,000-document rows use 1, they take minutes), peak RSS the largest (benches/support/
# measure.py). Imported folders stay until the end: deleting them between rows would slow the
# next rows' imports (ext4 without a journal skips recently freed inodes), so DIR's file system
# needs room for every import (about 2 GB with the 100,000-document row).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
skip_100k=""
dir=/tmp/glosser-growth
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --skip-100k) skip_100k=1; shift ;;
    *) dir=$1; shift ;;
  esac
done
cargo build --release --quiet --bin glosser --example gen_corpus --example tui_cost
bin=$PWD/target/release/glosser
gen=$PWD/target/release/examples/gen_corpus
mkdir -p "$dir"

# corpus NAME ARGS...: generates $dir/NAME once.
corpus() {
  local name=$1; shift
  if [[ ! -d $dir/$name ]]; then
    "$gen" --out "$dir/$name" --annotators 2 --share 1.0 "$@" >/dev/null
  fi
}
corpus docs-1000 --docs 1000
corpus docs-10000 --docs 10000
[[ -n $skip_100k ]] || corpus docs-100000 --docs 100000
corpus article-50KB --docs 1 --min-bytes 50000 --max-bytes 50000
corpus article-5MB --docs 1 --min-bytes 5000000 --max-bytes 5000000
corpus article-60MB --docs 1 --min-bytes 60000000 --max-bytes 60000000

# measure N CMD...: best wall time of N runs and the largest peak RSS in MB
# (benches/support/measure.py).
measure() { python3 benches/support/measure.py "$@"; }
ratio() { python3 -c "print(f'{$1 / max($2, 0.001):.2f}')"; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
names=(docs-1000 docs-10000)
[[ -n $skip_100k ]] || names+=(docs-100000)
names+=(article-50KB article-5MB article-60MB)

echo "Commands: seconds (× cat of the same files), peak RSS; import against export of ann1's jsonl"
echo
echo "| corpus | cat | stats | validate | export jsonl (ann1, stdout) | agree | export -o FILE (ann1) | import of that file |"
echo "|---|---|---|---|---|---|---|---|"
for name in "${names[@]}"; do
  c=$dir/$name
  n=$runs
  [[ $name == docs-100000 ]] && n=1
  (cd "$c" && find . -type f | sort) >"$scratch/files"
  read -r cat_s _ < <(measure "$n" sh -c "cd '$c' && xargs cat < '$scratch/files' > /dev/null")
  cells=("$cat_s s")
  for cmd in "stats $c" "validate $c" "export $c --format jsonl --annotator ann1" "agree $c --annotators ann1,ann2"; do
    rc=0
    # shellcheck disable=SC2086
    "$bin" $cmd >/dev/null 2>"$scratch/err" || rc=$?
    # Exit 1 means problems found (a finding, not a failure); 2 is a usage or I/O error.
    if ((rc == 2)); then
      echo "growth.sh: glosser $cmd failed: $(head -1 "$scratch/err")" >&2
    fi
    # shellcheck disable=SC2086
    read -r s m < <(measure "$n" "$bin" $cmd)
    cells+=("$s s ($(ratio "$s" "$cat_s")×), $m MB")
  done
  "$bin" export "$c" --format jsonl --annotator ann1 -o "$scratch/ann1.jsonl" >/dev/null 2>&1
  read -r e_s e_m < <(measure "$n" "$bin" export "$c" --format jsonl --annotator ann1 -o "$scratch/out.jsonl")
  read -r i_s i_m < <(measure "$n" --fresh-in "$scratch" "$bin" import "$scratch/ann1.jsonl" --format jsonl --corpus '{fresh}')
  cells+=("$e_s s, $e_m MB" "$i_s s ($(ratio "$i_s" "$e_s")× export), $i_m MB")
  printf '| %s |' "$name"
  printf ' %s |' "${cells[@]}"
  echo
done

echo
echo "TUI (examples/tui_cost.rs, 200×60, best of $runs): milliseconds"
echo
dirs=()
for name in "${names[@]}"; do dirs+=("$dir/$name"); done
target/release/examples/tui_cost "${dirs[@]}" --runs "$runs"
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
