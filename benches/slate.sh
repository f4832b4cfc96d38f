#!/usr/bin/env bash
# glosser and SLATE (https://github.com/jkkummerfeld/slate) side by side in tmux, on the same
# articles (50 KB and 5 MB, made from the seeds): time to the first screen, and 20 cursor moves
# down, each tool in its own 200x60 tmux session, one after the other, best of 3.
#
#   benches/slate.sh [WORKDIR]      (default WORKDIR: /tmp/glosser-slate)
#
# Needs tmux and python3; SLATE is used when `slate` is on PATH, and the script says so when it
# is not (glosser's figures are printed either way). Times are wall clock as seen through
# `tmux capture-pane` polling every 10 ms, so they include tmux's own latency: compare the two
# columns, not the absolute figures.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/glosser-slate}
command -v tmux >/dev/null || { echo "slate.sh needs tmux" >&2; exit 2; }
cargo build --release --quiet --bin glosser
glosser=$PWD/target/release/glosser
have_slate=1
if ! command -v slate >/dev/null; then
  have_slate=0
  echo "SLATE is not installed (no \`slate\` on PATH): measuring glosser alone."
  echo "Install SLATE (pip install from https://github.com/jkkummerfeld/slate) and run again to compare."
fi

mkdir -p "$work"
python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
paras = []
for name in sorted(os.listdir("seeds")):
    if name.endswith(".txt"):
        paras += [l.strip() for l in open(os.path.join("seeds", name), encoding="utf-8") if len(l.strip()) > 40]
for label, size in (("50KB", 50_000), ("5MB", 5_000_000)):
    d = os.path.join(work, label)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, "article.txt")
    if os.path.exists(path):
        continue
    out, n, i = [], 0, 0
    while n < size:
        p = paras[(i * 7919) % len(paras)]
        out.append(p); n += len(p.encode()) + 1; i += 1
    open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
PY

now() { python3 -c 'import time; print(time.monotonic())'; }

# wait_for SOCKET TEXT: polls the screen until TEXT shows (at most 30 s).
wait_for() {
  local socket=$1 text=$2
  for _ in $(seq 3000); do
    if tmux -L "$socket" capture-pane -p -t main 2>/dev/null | grep -qF -- "$text"; then return 0; fi
    sleep 0.01
  done
  return 1
}

# run TOOL DIR: prints "first-screen-seconds moves-seconds" for one run.
run() {
  local tool=$1 dir=$2 socket="glosser-slate-$$" first t0 t1 t2 marker
  marker=$(head -c 60 "$dir/article.txt" | awk '{print $1, $2, $3}')
  local cmd
  if [[ $tool == glosser ]]; then
    cmd="env TERM=xterm-256color GLOSSER_CONFIG=/nonexistent GLOSSER_ANNOTATOR=bench $glosser '$dir'"
  else
    cmd="env TERM=xterm-256color slate '$dir/article.txt'"
  fi
  t0=$(now)
  tmux -L "$socket" new-session -d -s main -x 200 -y 60 "$cmd"
  wait_for "$socket" "$marker" || { echo "$tool did not show $dir" >&2; tmux -L "$socket" kill-server; return 1; }
  t1=$(now)
  sleep 0.2
  local before after
  before=$(tmux -L "$socket" capture-pane -p -t main | md5sum)
  t2=$(now)
  for _ in $(seq 20); do tmux -L "$socket" send-keys -t main Down; done
  # Until the screen has changed and then stayed the same for two polls (the last move drawn).
  local last="" same=0
  for _ in $(seq 1000); do
    after=$(tmux -L "$socket" capture-pane -p -t main | md5sum)
    if [[ $after != "$before" && $after == "$last" ]]; then
      same=$((same + 1))
      (( same >= 2 )) && break
    else
      same=0
    fi
    last=$after
    sleep 0.01
  done
  local t3
  t3=$(now)
  tmux -L "$socket" send-keys -t main q
  sleep 0.3
  tmux -L "$socket" kill-server 2>/dev/null || true
  python3 -c "print(f'{$t1 - $t0:.3f} {$t3 - $t2:.3f}')"
}

best() {
  local tool=$1 dir=$2 b1="" b2="" a b
  for _ in 1 2 3; do
    read -r a b < <(run "$tool" "$dir") || return 1
    if [[ -z $b1 ]] || python3 -c "import sys; sys.exit(0 if $a < $b1 else 1)"; then b1=$a; fi
    if [[ -z $b2 ]] || python3 -c "import sys; sys.exit(0 if $b < $b2 else 1)"; then b2=$b; fi
  done
  echo "$b1 $b2"
}

printf '%-8s %-8s %14s %14s\n' article tool "first screen" "20 moves"
for size in 50KB 5MB; do
  tools=(glosser)
  (( have_slate )) && tools+=(slate)
  for tool in "${tools[@]}"; do
    if read -r f m < <(best "$tool" "$work/$size"); then
      printf '%-8s %-8s %12s s %12s s\n' "$size" "$tool" "$f" "$m"
    else
      printf '%-8s %-8s %14s\n' "$size" "$tool" "(failed)"
    fi
  done
done
