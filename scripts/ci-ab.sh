#!/usr/bin/env bash
# A/B timing verdict that holds on any machine: builds BASE_REF in a temporary git worktree, then
# runs the CI experiment with the base and the candidate binaries ALTERNATELY, shard by shard
# (--shard k/n), in this job on this machine, swapping who goes first each round so drift (thermal,
# noisy neighbours) hits both sides alike. Each side's shards are merged and compared; timings count
# (--timing-across-machines) because both sides ran here, interleaved.
#
#   make ci-ab BASE_REF=origin/main AB_ROUNDS=5 CI_THRESHOLD=10%
set -euo pipefail
cd "$(dirname "$0")/.."
BASE_REF=${BASE_REF:-HEAD~1}
ROUNDS=${AB_ROUNDS:-5}
SPEC=${AB_SPEC:-experiments/ci.yaml}
THRESHOLD=${CI_THRESHOLD:-10%}
CAND_BIN=${AB_CAND_BIN:-.build/release/dedupbench}
OUT=${AB_OUT:-results/ab}
# AB_BASE_BIN: a prebuilt base binary (e.g. cached by CI) instead of building BASE_REF here.
# AB_RUN_ARGS: extra arguments for every `run` (e.g. --set generation.scale=5000).
RUN_ARGS=${AB_RUN_ARGS:-}
[ -x "$CAND_BIN" ] || { echo "ci-ab: build the candidate first (make release)" >&2; exit 2; }

rm -rf "$OUT"
mkdir -p "$OUT"
if [ -n "${AB_BASE_BIN:-}" ]; then
  BASE_BIN=$AB_BASE_BIN
else
  WT=$(mktemp -d)/base
  git worktree add --detach "$WT" "$BASE_REF" >/dev/null
  trap 'git worktree remove --force "$WT" >/dev/null 2>&1 || true' EXIT
  echo "ci-ab: building base $BASE_REF ($(git rev-parse --short "$BASE_REF"))" >&2
  (cd "$WT" && swift build -c release --product dedupbench >/dev/null)
  BASE_BIN="$WT/.build/release/dedupbench"
fi

for k in $(seq 1 "$ROUNDS"); do
  if [ $((k % 2)) -eq 1 ]; then order="base cand"; else order="cand base"; fi
  for side in $order; do
    bin=$CAND_BIN; [ "$side" = base ] && bin=$BASE_BIN
    echo "ci-ab: round $k/$ROUNDS $side" >&2
    # shellcheck disable=SC2086
    "$bin" run "$SPEC" --shard "$k/$ROUNDS" --results "$OUT/$side-$k" --progress none $RUN_ARGS >/dev/null
  done
done
"$CAND_BIN" merge "$OUT"/base-* --out "$OUT/base" >/dev/null
"$CAND_BIN" merge "$OUT"/cand-* --out "$OUT/cand" >/dev/null
"$CAND_BIN" compare --baseline "$OUT/base" --candidate "$OUT/cand" --threshold "$THRESHOLD" --timing-across-machines
