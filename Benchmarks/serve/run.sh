#!/usr/bin/env bash
# Benchmarks/serve/run.sh [N]   (default: 10000)
#
# The live-preview benchmark: time from saving an entry to `kirameki serve` serving the page
# with the edit, against a full `kirameki build` of the same site (the anchor).
#   1. kirameki-bench corpus --entries N --seed $SEED into ${BENCH_DIR:-/tmp/kirameki-serve-bench}/nN
#   2. RUNS full release builds (`kirameki build --drafts`, the same pages the preview shows): wall time
#   3. `kirameki serve` on a free port; the first (full, in-memory) build's time from its log
#   4. EDITS edits of random entries (measure.py): append a marker paragraph to the body, wait for
#      the reload event, fetch the page until the marker is there; median, p90, max. Between edits
#      it waits for the server to finish the search index in the background.
# Env: RUNS (3), EDITS (20), SEED (1), NOW (2026-11-25T12:00:00+09:00), BENCH_DIR,
#      NO_BUILD=1 uses the existing .build-release binaries.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
N=${1:-10000}
RUNS=${RUNS:-3}
EDITS=${EDITS:-20}
SEED=${SEED:-1}
NOW=${NOW:-2026-11-25T12:00:00+09:00}
BENCH_DIR=${BENCH_DIR:-/tmp/kirameki-serve-bench}
[[ "$N" =~ ^[1-9][0-9]*$ ]] || { echo "not a number of entries: $N" >&2; exit 64; }
log() { printf '== %s\n' "$*" >&2; }

BIN="$REPO/.build-release/release"
if [ "${NO_BUILD:-0}" != 1 ]; then
  [ "${NO_INSTALL:-0}" = 1 ] || "$REPO/scripts/install-deps" build
  log "release build"
  (cd "$REPO" && swift build -c release --scratch-path .build-release --product kirameki >&2 \
    && swift build -c release --scratch-path .build-release --product kirameki-bench >&2)
fi

SITE="$BENCH_DIR/n$N"
mkdir -p "$SITE"
log "corpus of $N entries in $SITE"
(cd "$REPO" && "$BIN/kirameki-bench" corpus --entries "$N" --seed "$SEED" --out "$SITE" --themes "$REPO/themes" >&2)

builds=()
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  "$BIN/kirameki" build --root "$SITE" --now "$NOW" --drafts >/dev/null 2>"$SITE/build.log"
  end=$(date +%s%N)
  builds+=($(( (end - start) / 1000000 )))
  log "full build $run: ${builds[-1]} ms"
done
BUILD_MEDIAN=$(printf '%s\n' "${builds[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log "kirameki serve on port $PORT"
"$BIN/kirameki" serve --root "$SITE" --now "$NOW" --port "$PORT" >"$SITE/serve.out" 2>"$SITE/serve.log" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q "Serving on" "$SITE/serve.out" 2>/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$SITE/serve.log" >&2; echo "kirameki serve exited" >&2; exit 1; }
  sleep 0.1
done
FIRST=$(grep -m1 -o 'rebuilt site in [0-9]* ms' "$SITE/serve.log" | grep -o '[0-9]*' || echo "?")

RESULT=$(python3 "$HERE/measure.py" --port "$PORT" --root "$SITE" --edits "$EDITS" --seed "$SEED")
kill "$SERVER" 2>/dev/null || true
for _ in $(seq 1 50); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.1; done
kill -0 "$SERVER" 2>/dev/null && { echo "kirameki serve did not stop on SIGTERM within 5 s" >&2; kill -9 "$SERVER"; }
wait "$SERVER" 2>/dev/null || true
trap - EXIT
echo "$RESULT" >"$SITE/serve-result.json"
REBUILDS=$(grep -o 'rebuilt content/[^ ]* in [0-9]* ms' "$SITE/serve.log" | grep -o '[0-9]* ms' | grep -o '[0-9]*' | sort -n \
  | awk '{a[NR]=$1} END {if (NR) printf "%d / %d", a[int((NR+1)/2)], a[int(NR*0.9+0.5)]; else print "?"}')

LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
python3 - "$RESULT" "$N" "$BUILD_MEDIAN" "$FIRST" "$REBUILDS" "${builds[*]}" "$LOAD" "$(nproc)" <<'PY'
import json, sys
result, n, build, first, rebuilds, all_builds = json.loads(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
load, cores = sys.argv[7], sys.argv[8]
median, p90 = result["page_median_ms"], result["page_p90_ms"]
print(f"kirameki serve, {n} entries, {result['edits']} edits of random entries (a paragraph appended to the body); {cores} cores, load average at the end {load}")
print()
print("| figure | ms |")
print("| --- | ---: |")
print(f"| full release `kirameki build --drafts` (median of {all_builds.replace(' ', ', ')}) | {build} |")
print(f"| first in-memory build when `serve` starts | {first} |")
print(f"| save → reload event, median / p90 | {result['event_median_ms']:.0f} / {result['event_p90_ms']:.0f} |")
print(f"| **save → page served with the edit, median / p90 / max** | **{median:.0f} / {p90:.0f} / {result['page_max_ms']:.0f}** |")
print(f"| server-side rebuild until the page can be served (its log), median / p90 | {rebuilds} |")
print(f"| save → search index of the edit written (background), median | {result['index_median_ms']:.0f} |")
print()
print(f"Ratio of the median edit-to-page time to the full build: {median / build:.2e} (the full build takes {build / median:,.0f}× as long); goal: under 100 ms.")
PY
