#!/usr/bin/env bash
# Whole-process figures for issue 7's table: each command's wall time over 10,000 generated
# documents (2 annotators) as a ratio to `cat` over the same files, and its peak RSS; then
# `import` of ann1's jsonl export as a ratio to that export (issue 14).
#
#   benches/ratio.sh [DIR [DOCS]]   (default DIR: /tmp/glosser-ratio, DOCS: 10000; the corpus is
#                                    generated once, then reused)
#
# Times are the best of 3 warm runs; the page cache is warmed by the first `cat`. The imported
# folders are deleted at the end: on ext4 without a journal, creating files soon after a big
# delete is slow (the inode allocator skips inodes freed in the last minutes), so a run right
# after another one, or after deleting a corpus, shows a slower import.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/glosser-ratio}
ndocs=${2:-10000}
cargo build --release --quiet --bin glosser --example gen_corpus
bin=target/release/glosser
if [[ ! -d $dir ]]; then
  target/release/examples/gen_corpus --out "$dir" --docs "$ndocs" --annotators 2 --share 1.0
fi

# measure CMD...: best wall time of 3 runs and the largest peak RSS (benches/support/measure.py).
measure() { python3 benches/support/measure.py 3 "$@"; }

files=$(mktemp)
scratch=$(mktemp -d)
trap 'rm -rf "$files" "$scratch"' EXIT
(cd "$dir" && find . -type f | sort) > "$files"
docs=$(grep -c '\.txt$' "$files" || true)
echo "corpus: $dir ($docs documents, $(wc -l < "$files") files, $(du -sh "$dir" | cut -f1))"
read -r cat_s cat_rss < <(measure sh -c "cd '$dir' && xargs cat < '$files' > /dev/null")
printf '%-34s %8s %8s %10s\n' command seconds "x cat" "peak RSS"
printf '%-34s %8.3f %8s %8.1f MB\n' "cat (all files)" "$cat_s" "1.00" "$cat_rss"
row() {
  local name=$1; shift
  local rc=0
  "$@" >/dev/null 2>&1 || rc=$?
  if [[ $rc -eq 2 ]]; then
    printf '%-34s %8s\n' "$name" "(not available in this build)"
    return
  fi
  read -r s rss < <(measure "$@")
  printf '%-34s %8.3f %8.2f %8.1f MB\n' "$name" "$s" "$(python3 -c "print($s / $cat_s)")" "$rss"
}
row "glosser stats" "$bin" stats "$dir"
row "glosser validate" "$bin" validate "$dir"
row "glosser export --format jsonl" "$bin" export "$dir" --format jsonl --annotator ann1
# Issue 30: hf within 3× of jsonl (JSON lines and Parquet); spacy's DocBin for reference.
row "glosser export --format hf" "$bin" export "$dir" --format hf --annotator ann1
row "glosser export hf --parquet -o" "$bin" export "$dir" --format hf --parquet --annotator ann1 -o "$scratch/hf.parquet"
row "glosser export --format spacy -o" "$bin" export "$dir" --format spacy --annotator ann1 -o "$scratch/export.spacy"
row "glosser agree (2 annotators)" "$bin" agree "$dir" --annotators ann1,ann2 --no-gamma
# γ (on by default since issue 32) aligns every document once per chance sample: no ratio target.
row "glosser agree (with gamma)" "$bin" agree "$dir" --annotators ann1,ann2

# Import against export: the same records, each way. Every import goes into a new empty folder;
# the folders are deleted after the runs, never inside a timed command.
"$bin" export "$dir" --format jsonl --annotator ann1 -o "$scratch/ann1.jsonl" >/dev/null 2>&1
records=$(wc -l < "$scratch/ann1.jsonl")
echo
echo "import vs export: $records jsonl records ($(du -h "$scratch/ann1.jsonl" | cut -f1))"
read -r exp_s exp_rss < <(measure "$bin" export "$dir" --format jsonl --annotator ann1 -o "$scratch/out.jsonl")
read -r imp_s imp_rss < <(measure --fresh-in "$scratch" "$bin" import "$scratch/ann1.jsonl" --format jsonl --corpus '{fresh}')
rm -rf "$scratch"/imported.*
printf '%-34s %8s %8s %10s\n' command seconds "x export" "peak RSS"
printf '%-34s %8.3f %8s %8.1f MB\n' "glosser export -o FILE" "$exp_s" "1.00" "$exp_rss"
printf '%-34s %8.3f %8.2f %8.1f MB\n' "glosser import (jsonl)" "$imp_s" "$(python3 -c "print($imp_s / $exp_s)")" "$imp_rss"
