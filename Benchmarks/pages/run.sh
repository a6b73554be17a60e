#!/usr/bin/env bash
# Benchmarks/pages/run.sh — page speed at 10k entries: bytes transferred on first load, number of
# requests and time to first search result for the home page, a guide and the search page, in
# headless Chromium. Prints a Markdown table and writes it to Benchmarks/pages/results.md.
#
#   1. swift build -c release --scratch-path .build-release (kirameki-bench and kirameki)
#   2. kirameki-bench corpus --entries $ENTRIES --seed $SEED --out $BENCH_DIR
#   3. kirameki build --now $NOW inside $BENCH_DIR
#   4. measure.py: serves $BENCH_DIR/site on 127.0.0.1, $RUNS cold loads per page, medians
#
# Env: ENTRIES (10000), SEED (1), RUNS (3), QUERY (内視鏡), NOW (2026-11-25T12:00:00+09:00),
#      BENCH_DIR (/tmp/kirameki-pages-bench), NO_BUILD=1 uses the existing .build-release binaries,
#      NO_INSTALL=1 never installs missing tools.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
ENTRIES=${ENTRIES:-10000}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
QUERY=${QUERY:-内視鏡}
NOW=${NOW:-2026-11-25T12:00:00+09:00}
BENCH_DIR=${BENCH_DIR:-/tmp/kirameki-pages-bench}
BIN="$REPO/.build-release/release"
log() { printf '== %s\n' "$*" >&2; }

cd "$REPO"
[ "${NO_INSTALL:-0}" = 1 ] || scripts/install-deps test
if [ "${NO_BUILD:-0}" != 1 ]; then
  log "swift build -c release (kirameki-bench, kirameki)"
  swift build -c release --scratch-path .build-release --product kirameki-bench >&2
  swift build -c release --scratch-path .build-release --product kirameki >&2
fi

log "corpus: $ENTRIES entries into $BENCH_DIR"
"$BIN/kirameki-bench" corpus --entries "$ENTRIES" --seed "$SEED" --out "$BENCH_DIR" --themes "$REPO/themes" >&2
log "kirameki build in $BENCH_DIR"
(cd "$BENCH_DIR" && "$BIN/kirameki" build --now "$NOW" >&2)

log "measuring in headless Chromium ($RUNS cold loads per page)"
python3 "$HERE/measure.py" "$BENCH_DIR/site" "$HERE/results.md" --runs "$RUNS" --query "$QUERY" \
  --label "kirameki-bench corpus --entries $ENTRIES --seed $SEED, built with --now $NOW"
