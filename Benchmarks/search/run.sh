#!/usr/bin/env bash
# Benchmarks/search/run.sh [N ...]   (default: 1000 10000)
#
# The search benchmark: Kirameki's prebuilt sharded index against Pagefind (the anchor) on the
# same built site. Prints a Markdown table and writes it, with the raw JSON, to
# Benchmarks/search/results/. See Benchmarks/search/README.md for what each figure means.
#
# For each N, in ${BENCH_DIR:-/tmp/kirameki-bench}/nN:
#   1. kirameki-bench corpus --entries N --seed $SEED   -> content/, needles.tsv
#   2. RUNS times, alternating: a clean `kirameki build` (wall, peak RSS, per-stage lines on
#      stderr) and, when pagefind_extended is installed, a clean `pagefind_extended --site site`
#   3. bytes per query and needle recall for both clients under node
# then, at the largest N, query latency in headless Chromium (browser_latency.py).
#
# Env: RUNS (1) builds per tool, medians reported; SEED (1); NOW (2026-11-25T12:00:00+09:00);
#      LATENCY_RUNS (3); BENCH_DIR; NO_BUILD=1 uses the existing .build/release binaries;
#      NO_INSTALL=1 never installs missing tools (pip/apt); NO_LATENCY=1 skips Chromium.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/kirameki-bench}
RUNS=${RUNS:-1}
SEED=${SEED:-1}
NOW=${NOW:-2026-11-25T12:00:00+09:00}
LATENCY_RUNS=${LATENCY_RUNS:-3}
QUERIES=("内視鏡" "ISO 13485" "周産期 モニタリング")
if [ $# -gt 0 ]; then NS=("$@"); else NS=(1000 10000); fi
for n in "${NS[@]}"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "not a number of entries: $n" >&2; exit 64; }; done

T_START=$(date +%s)
log() { printf '== %s\n' "$*" >&2; }
install_ok() { [ "${NO_INSTALL:-0}" != 1 ]; }

# ---- tools ------------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  install_ok && { apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1; } || true; }
  [ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install -y time" >&2; exit 1; }
fi
command -v node >/dev/null || { echo "node missing (node >= 18 runs both search clients)" >&2; exit 1; }

find_pagefind() {
  python3 -c 'import pagefind_bin_extended as p; print(p.get_executable())' 2>/dev/null \
    || command -v pagefind_extended 2>/dev/null || true
}
PAGEFIND=$(find_pagefind)
if [ -z "$PAGEFIND" ] && install_ok; then
  log "installing pagefind[extended] with pip"
  python3 -m pip install --quiet 'pagefind[extended]' >/dev/null 2>&1 || echo "pip install 'pagefind[extended]' failed: Pagefind columns will be empty" >&2
  PAGEFIND=$(find_pagefind)
fi
if [ "${NO_LATENCY:-0}" != 1 ] && install_ok; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing chromium and chromium-driver (Debian)"
    { apt-get install -y chromium chromium-driver >/dev/null 2>&1 \
      || { apt-get update >/dev/null 2>&1 && apt-get install -y chromium chromium-driver >/dev/null 2>&1; }; } \
      || echo "chromium install failed: latency will be skipped" >&2
  fi
  python3 -c 'import selenium' 2>/dev/null || python3 -m pip install --quiet selenium >/dev/null 2>&1 \
    || echo "pip install selenium failed: latency will be skipped" >&2
fi

if [ "${NO_BUILD:-0}" != 1 ]; then
  [ "${NO_INSTALL:-0}" = 1 ] || "$REPO/scripts/install-deps" build
  # one product at a time (building both in one command is not supported by this package's setup)
  for product in kirameki-bench kirameki; do
    log "swift build -c release --product $product"
    (cd "$REPO" && swift build -c release --product "$product" >&2)
  done
fi
KB="$REPO/.build/release/kirameki-bench"
KIRAMEKI="$REPO/.build/release/kirameki"
[ -x "$KB" ] && [ -x "$KIRAMEKI" ] || { echo "missing $KB or $KIRAMEKI (swift build -c release --product …)" >&2; exit 1; }

mkdir -p "$BENCH_DIR"
ENV_JSON="$BENCH_DIR/env.json"
python3 - "$ENV_JSON" "$PAGEFIND" "$KIRAMEKI" "$RUNS" "$SEED" "$NOW" "$LATENCY_RUNS" <<'PY'
import hashlib, json, os, platform, subprocess, sys, datetime
out, pf, kir, runs, seed, now, lat = sys.argv[1:]
def cmd(*a):
    try: return subprocess.run(a, capture_output=True, text=True, timeout=60).stdout.strip().splitlines()[0]
    except Exception: return None
cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), None)
mem = next((int(l.split()[1]) for l in open('/proc/meminfo') if l.startswith('MemTotal')), 0)
json.dump({
  'date': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'),
  'cores': os.cpu_count(), 'cpu': cpu, 'mem_gib': round(mem / 1048576, 1), 'kernel': platform.release(),
  'node': cmd('node', '--version'), 'swift': cmd('swift', '--version'),
  'pagefind': cmd(pf, '--version') if pf else None, 'pagefind_path': pf or None,
  'chromium': cmd('chromium', '--version'),
  'kirameki_sha256': hashlib.sha256(open(kir, 'rb').read()).hexdigest()[:16],
  'runs': int(runs), 'seed': int(seed), 'now': now, 'latency_runs': int(lat),
}, open(out, 'w'), indent=1)
PY

# ---- per N ------------------------------------------------------------------------------------
for N in "${NS[@]}"; do
  W="$BENCH_DIR/n$N"
  log "N=$N in $W"
  rm -rf "$W"
  mkdir -p "$W/logs"
  /usr/bin/time -v -o "$W/logs/corpus.time" \
    "$KB" corpus --entries "$N" --seed "$SEED" --out "$W" --themes "$REPO/themes" > "$W/logs/corpus.out" 2>&1
  sed 's/^/  /' "$W/logs/corpus.out" >&2

  for i in $(seq 1 "$RUNS"); do
    rm -rf "$W/site"; sync
    /usr/bin/time -v -o "$W/logs/ours.$i.time" \
      "$KIRAMEKI" build --root "$W" --out "$W/site" --now "$NOW" > "$W/logs/ours.$i.out" 2> "$W/logs/ours.$i.err" \
      || { echo "kirameki build failed (N=$N run $i):" >&2; tail -20 "$W/logs/ours.$i.err" >&2; exit 1; }
    log "  kirameki run $i: $(grep -m1 'Indexed' "$W/logs/ours.$i.err" || true); $(grep 'Elapsed' "$W/logs/ours.$i.time" | sed 's/^\s*//')"
    if [ -n "$PAGEFIND" ]; then
      rm -rf "$W/site/pagefind"; sync
      /usr/bin/time -v -o "$W/logs/pagefind.$i.time" "$PAGEFIND" --site "$W/site" > "$W/logs/pagefind.$i.out" 2>&1 \
        || { echo "pagefind failed (N=$N run $i):" >&2; tail -20 "$W/logs/pagefind.$i.out" >&2; }
      log "  pagefind run $i: $(grep 'Elapsed' "$W/logs/pagefind.$i.time" | sed 's/^\s*//')"
    fi
  done

  log "  queries under node: ours"
  node "$HERE/ours_query.mjs" bytes "$W/site" "${QUERIES[@]}" > "$W/logs/ours_bytes.json"
  node "$HERE/ours_query.mjs" recall "$W/site" "$W/needles.tsv" 10 > "$W/logs/ours_recall.json"
  if [ -n "$PAGEFIND" ] && [ -f "$W/site/pagefind/pagefind.js" ]; then
    log "  queries under node: pagefind"
    node "$HERE/pf_query.mjs" bytes "$W/site" "${QUERIES[@]}" > "$W/logs/pf_bytes.json"
    node "$HERE/pf_query.mjs" recall "$W/site" "$W/needles.tsv" 10 > "$W/logs/pf_recall.json"
    node "$HERE/pf_query.mjs" recall-pagelang "$W/site" "$W/needles.tsv" 10 > "$W/logs/pf_recall_pagelang.json"
  fi
done

# ---- latency at the largest N -----------------------------------------------------------------
MAXN=$(printf '%s\n' "${NS[@]}" | sort -n | tail -1)
if [ "${NO_LATENCY:-0}" != 1 ]; then
  log "latency in headless Chromium at N=$MAXN ($LATENCY_RUNS cold runs per query)"
  python3 "$HERE/browser_latency.py" "$BENCH_DIR/n$MAXN/site" "$BENCH_DIR/n$MAXN/logs/latency.json" \
    --runs "$LATENCY_RUNS" --pagefind "${QUERIES[@]}" || echo "latency measurement failed" >&2
fi

T_END=$(date +%s)
python3 "$HERE/summarize.py" --bench-dir "$BENCH_DIR" --out "$HERE/results" --seconds $((T_END - T_START)) \
  --latency-n "$MAXN" "${NS[@]}"
