#!/usr/bin/env bash
# A/B timing verdict that holds on any machine: two real release builds of dedupbench — the base
# (BASE_REF, checked out under .build-base/src and built in release into .build-base/build) and the
# candidate (this tree's .build/release/dedupbench) — run the CI experiment ALTERNATELY, repeat by
# repeat, in this job on this machine: round k adds repeat k of every cell to each side
# (`run --repeats k --resume`, the same seeds a plain k-repeat run uses), swapping who goes first
# each round, so drift (thermal, noisy neighbours) spreads over both sides' repeats alike instead of
# landing on all repeats of one side's cells. The two sides are compared; timings count
# (--timing-across-machines) because both ran here, interleaved. Deterministic metrics (rows,
# bytes, requests, cost, checksum) must still match exactly.
#
#   make ci-ab BASE_REF=origin/main AB_ROUNDS=5 AB_THRESHOLD=10%
#
# .build-base/ (gitignored) keeps the base checkout (src/) and its build products (build/) between
# runs, so a later run with another BASE_REF rebuilds only what changed. Exit status: compare's
# (0 no regression, 1 regression, 2 bad input); 2 also when BASE_REF is not a commit or a binary is
# missing; the build's own status when the base does not build.
#
# Environment:
#   BASE_REF      base commit-ish (default HEAD~1)
#   AB_ROUNDS     rounds = repeats per cell on each side (default 5; the spec's repeats are ignored)
#   AB_SPEC       experiment file (default experiments/ci.yaml)
#   CI_THRESHOLD  timing threshold for compare (default 10%)
#   AB_CAND_BIN   candidate binary (default .build/release/dedupbench)
#   AB_BASE_BIN   a prebuilt base binary (e.g. cached by CI) instead of building BASE_REF
#   AB_BASE_DIR   scratch folder for the base worktree and build (default .build-base)
#   AB_OUT        results folder (default results/ab; replaced)
#   AB_RUN_ARGS   extra arguments for every `run` (e.g. --set generation.scale=5000)
#   AB_COMPARE_ARGS extra arguments for `compare` (e.g. --threshold-metric gen_s=200%)
#   AB_BUILD_ONLY 1: build the base and stop (to warm a CI cache)
#   SWIFT         the swift driver (default swift)
set -euo pipefail
cd "$(dirname "$0")/.."
BASE_REF=${BASE_REF:-HEAD~1}
ROUNDS=${AB_ROUNDS:-5}
SPEC=${AB_SPEC:-experiments/ci.yaml}
THRESHOLD=${CI_THRESHOLD:-10%}
CAND_BIN=${AB_CAND_BIN:-.build/release/dedupbench}
OUT=${AB_OUT:-results/ab}
BASE_DIR=${AB_BASE_DIR:-.build-base}
SWIFT=${SWIFT:-swift}
RUN_ARGS=${AB_RUN_ARGS:-}
COMPARE_ARGS=${AB_COMPARE_ARGS:-}
log() { echo "ci-ab: $*" >&2; }
seconds_since() { echo $(( $(date +%s) - $1 )); }

case $ROUNDS in '' | *[!0-9]* | 0) log "AB_ROUNDS must be a positive integer, got '$ROUNDS'"; exit 2 ;; esac

if [ -n "${AB_BASE_BIN:-}" ]; then
  BASE_BIN=$AB_BASE_BIN
  BASE_DESC="prebuilt $AB_BASE_BIN"
else
  commit=$(git rev-parse --verify --quiet "$BASE_REF^{commit}") || { log "BASE_REF '$BASE_REF' is not a commit here"; exit 2; }
  mkdir -p "$BASE_DIR"
  BASE_DIR=$(cd "$BASE_DIR" && pwd)
  src=$BASE_DIR/src
  # The base checkout is a clone sharing this repository's objects (git clone --shared: nothing is
  # copied, and no worktree is registered here). Reusing it keeps the build incremental: a checkout
  # touches only the files that differ between the old and the new base.
  if [ ! -d "$src/.git" ]; then
    rm -rf "$src"
    git clone --quiet --shared --no-checkout "$(git rev-parse --path-format=absolute --git-common-dir)" "$src"
  fi
  git -C "$src" checkout --quiet --force --detach "$commit"
  git -C "$src" clean --quiet -fdx -e Package.resolved
  log "building base $BASE_REF ($(git rev-parse --short "$commit")) in release → ${BASE_DIR}/build"
  t0=$(date +%s)
  (cd "$src" && "$SWIFT" build -c release --product dedupbench --scratch-path "$BASE_DIR/build") >&2
  log "base built in $(seconds_since "$t0") s"
  BASE_BIN=$BASE_DIR/build/release/dedupbench
  BASE_DESC="$BASE_REF = $(git rev-parse --short "$commit") (built in $BASE_DIR)"
fi
[ "${AB_BUILD_ONLY:-0}" = 1 ] && { log "base ready: $BASE_BIN"; exit 0; }
[ -x "$BASE_BIN" ] || { log "no base binary $BASE_BIN"; exit 2; }
[ -x "$CAND_BIN" ] || { log "no candidate binary $CAND_BIN (make release)"; exit 2; }
CAND_DESC="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- 2>/dev/null || echo '+uncommitted changes') ($CAND_BIN)"
log "base:      $BASE_DESC"
log "candidate: $CAND_DESC"
log "experiment $SPEC, $ROUNDS round(s), threshold $THRESHOLD"

rm -rf "$OUT"
mkdir -p "$OUT"
# Which build is which. Both sides run in this working tree, so each manifest's git_commit names
# this tree; the builds' own commits are here (the base's binary lives outside its checkout, so its
# --version is told the commit).
{
  echo "base:      $BASE_DESC — $(DEDUPBENCH_BUILD_COMMIT=${commit:-} "$BASE_BIN" --version 2>&1 || true)"
  echo "candidate: $CAND_DESC — $("$CAND_BIN" --version 2>&1 || true)"
} > "$OUT/sides.txt"
t0=$(date +%s)
for k in $(seq 1 "$ROUNDS"); do
  if [ $((k % 2)) -eq 1 ]; then order="base cand"; else order="cand base"; fi
  resume=""; [ "$k" -gt 1 ] && resume="--resume"
  for side in $order; do
    bin=$CAND_BIN; [ "$side" = base ] && bin=$BASE_BIN
    log "round $k/$ROUNDS: $side"
    # shellcheck disable=SC2086
    "$bin" run "$SPEC" --repeats "$k" $resume --results "$OUT/$side" --progress none $RUN_ARGS >/dev/null
  done
done
log "measured both sides in $(seconds_since "$t0") s"
status=0
# shellcheck disable=SC2086
"$CAND_BIN" compare --baseline "$OUT/base" --candidate "$OUT/cand" --threshold "$THRESHOLD" \
  --timing-across-machines --out "$OUT/compare.md" $COMPARE_ARGS || status=$?
[ -f "$OUT/compare.md" ] && cat "$OUT/compare.md"
case $status in
  0) verdict="no regression (timings within $THRESHOLD or not significant; deterministic metrics equal)" ;;
  1) verdict="REGRESSION (see $OUT/compare.md)" ;;
  *) verdict="no verdict: compare exited $status" ;;
esac
echo "ci-ab verdict: $verdict — base $BASE_DESC vs candidate $CAND_DESC" | tee "$OUT/verdict.txt"
exit "$status"
