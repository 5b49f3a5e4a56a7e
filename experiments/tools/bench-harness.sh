#!/usr/bin/env bash
# Harness figures (docs/EXPERIMENTS.md): cost per run with a trivial child (spawn, bookkeeping, CSV
# append + fsync), from the slope between 20 and 200 runs so start-up costs cancel out; and the
# time to expand a 10,000-cell matrix. Usage: bench-harness.sh [path/to/dedupbench]
set -euo pipefail
BIN=${1:-.build/release/dedupbench}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
now() { date +%s%N; }

sweep() {  # $1 = runs; prints nanoseconds
  local t0 t1
  t0=$(now)
  "$BIN" run "$HERE/harness-overhead.yaml" --executable "$HERE/trivial-child.sh" --repeats "$1" \
    --results "$WORK/r$1" --progress none >/dev/null 2>&1 || true
  t1=$(now)
  [ "$(($(wc -l < "$WORK/r$1/results.csv") - 1))" -eq "$1" ] || { echo "bench-harness: expected $1 rows" >&2; exit 1; }
  echo $((t1 - t0))
}
child() {  # the trivial child alone, $1 times, from a shell loop
  local t0 t1 i
  t0=$(now)
  for ((i = 0; i < $1; i++)); do "$HERE/trivial-child.sh" >/dev/null; done
  t1=$(now)
  echo $((t1 - t0))
}

small=$(sweep 20)
large=$(sweep 200)
alone=$(child 200)
per_run=$(( (large - small) / 180 ))
awk -v p="$per_run" -v a="$alone" -v s="$small" 'BEGIN {
  printf "harness: %.2f ms per run with a trivial child (the child alone: %.2f ms); start-up and provenance: %.0f ms once\n",
    p / 1e6, a / 200 / 1e6, (s - 20 * p) / 1e6 }'
"$BIN" run "$HERE/matrix-10k.yaml" --dry-run --count-only
