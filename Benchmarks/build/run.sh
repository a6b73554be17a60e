#!/usr/bin/env bash
# Benchmarks/build/run.sh [N ...]   (default: 1000 10000 100000)
#
# Side-by-side build benchmark (issue #7): a clean `kirameki build` against Hugo building the
# same corpus with the comparable site in Benchmarks/hugo/, and Kirameki's search-index stage
# against Pagefind indexing Kirameki's output. Prints a Markdown table and writes
# Benchmarks/build/results/{table.md,results.json,chart.svg}. See Benchmarks/build/README.md.
#
# For each N, in ${BENCH_DIR:-/tmp/kirameki-bench}/nN:
#   1. the corpus, generated once: kirameki-bench corpus --entries N --seed $SEED
#   2. RUNS rounds; each round runs the tools one after the other, in an order that rotates from
#      round to round (kirameki, hugo, pagefind, floor; hugo, pagefind, floor, kirameki; ...), so
#      drift on a shared machine hits all of them. Every run is clean (output moved aside, `sync`),
#      starts with its tool's inputs read once, untimed, and is measured by /usr/bin/time -v
#      (with the machine's CPU counters around it, and a timed `sync` right after it: the writeback
#      it left); Kirameki's per-stage lines come from its stderr. "floor" is `kirameki-bench floor`: a
#      filler copy of Kirameki's output written by a plain writer, the machine's cost of that
#      output without rendering (it times itself).
#   3. RUNS no-change rebuilds of Kirameki (output kept), then the byte-identity check: the
#      SHA-256 of every clean build's output (and of the rebuilds) must be the same.
#
# Env: RUNS (3); RUNS_LARGE (1), the rounds for N >= 50,000; SEED (1); NOW (2026-11-25T12:00:00+09:00), the --now of every kirameki build;
#      BENCH_DIR (/tmp/kirameki-bench; Benchmarks/search/run.sh uses it too: do not run both at
#      once); NO_BUILD=1 uses existing binaries; KIRAMEKI_BIN / KIRAMEKI_BENCH_BIN override them;
#      NO_INSTALL=1 never installs missing tools; NO_HUGO=1 / NO_PAGEFIND=1 skip a tool;
#      PAGEFIND_MAX_N (20000): larger corpora skip Pagefind, whose peak RSS on Kirameki's output
#      grows ~0.75 GiB per 1,000 entries (7.6 GiB at 10k) and would not fit in memory at 100k;
#      HUGO_RELATED=1 switches on the Hugo site's related-content block (roughly quadratic in Hugo);
#      TRASH_PAUSE (361), the seconds waited after deleting one N's outputs (0 only for trying
#      the script: the next N's first builds then pay for the freed inodes).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
HUGO_SITE="$REPO/Benchmarks/hugo"
BENCH_DIR=${BENCH_DIR:-/tmp/kirameki-bench}
RUNS=${RUNS:-3}
RUNS_LARGE=${RUNS_LARGE:-1}
SEED=${SEED:-1}
NOW=${NOW:-2026-11-25T12:00:00+09:00}
PAGEFIND_MAX_N=${PAGEFIND_MAX_N:-20000}
if [ $# -gt 0 ]; then NS=("$@"); else NS=(1000 10000 100000); fi
for n in "${NS[@]}"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "not a number of entries: $n" >&2; exit 64; }; done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive number: $RUNS" >&2; exit 64; }
[[ "$RUNS_LARGE" =~ ^[1-9][0-9]*$ ]] || { echo "RUNS_LARGE must be a positive number: $RUNS_LARGE" >&2; exit 64; }
ALL_RUNS=$RUNS

log() { printf '== %s\n' "$*" >&2; }
# The Hugo site's labels come from the committed JSON Schemas; refresh them so they match.
python3 "$HUGO_SITE/gen_labels.py" "$REPO/schema" "$HUGO_SITE/data/labels.json"
install_ok() { [ "${NO_INSTALL:-0}" != 1 ]; }
apt_install() {
  install_ok || return 1
  apt-get install -y "$@" >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y "$@" >/dev/null 2>&1; }
}
NOTES=()
HUGO_RELATED_PARAM=false
if [ "${HUGO_RELATED:-0}" = 1 ]; then
  HUGO_RELATED_PARAM=true
  NOTES+=("HUGO_RELATED=1: the Hugo site rendered its related-content block (.Site.RegularPages.Related).")
fi

# ---- tools ------------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  log "installing Debian time"
  apt_install time || true
  [ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install -y time" >&2; exit 1; }
fi

HUGO=""
if [ "${NO_HUGO:-0}" != 1 ]; then
  if ! command -v hugo >/dev/null; then
    log "installing Debian hugo"
    apt_install hugo || true
  fi
  HUGO=$(command -v hugo || true)
  [ -n "$HUGO" ] || NOTES+=("hugo is not installed (apt-get install -y hugo): the Hugo columns are empty.")
else
  NOTES+=("NO_HUGO=1: Hugo was not run.")
fi

find_pagefind() {
  python3 -c 'import pagefind_bin_extended as p; print(p.get_executable())' 2>/dev/null \
    || command -v pagefind_extended 2>/dev/null || true
}
PAGEFIND=""
if [ "${NO_PAGEFIND:-0}" != 1 ]; then
  PAGEFIND=$(find_pagefind)
  if [ -z "$PAGEFIND" ] && install_ok; then
    log "installing pagefind[extended] with pip"
    python3 -m pip install --quiet 'pagefind[extended]' >/dev/null 2>&1 || true
    PAGEFIND=$(find_pagefind)
  fi
  [ -n "$PAGEFIND" ] || NOTES+=("pagefind is not installed (pip install 'pagefind[extended]'): the Pagefind columns are empty.")
else
  NOTES+=("NO_PAGEFIND=1: Pagefind was not run.")
fi

if [ "${NO_BUILD:-0}" != 1 ]; then
  [ "${NO_INSTALL:-0}" = 1 ] || "$REPO/scripts/install-deps" build
  for product in kirameki kirameki-bench; do
    log "swift build -c release --scratch-path .build-release --product $product"
    (cd "$REPO" && swift build -c release --scratch-path .build-release --product "$product" >&2)
  done
fi
KIRAMEKI=${KIRAMEKI_BIN:-$REPO/.build-release/release/kirameki}
KB=${KIRAMEKI_BENCH_BIN:-$REPO/.build-release/release/kirameki-bench}
[ -x "$KB" ] && [ -x "$KIRAMEKI" ] || { echo "missing $KIRAMEKI or $KB (swift build -c release …)" >&2; exit 1; }

mkdir -p "$BENCH_DIR"
KIRAMEKI_SHA=$(sha256sum "$KIRAMEKI" | cut -c1-16)

tree() { python3 "$HERE/bench.py" tree "$@"; }
# Outputs are moved aside, not deleted, before a clean build: ext4 without a journal skips inodes
# deleted in the last 60 s (360 s while unwritten) when it allocates new ones, and creating ~33k
# files right after deleting ~33k others cost 2-20 s of kernel time, varying run to run, for
# whichever tool came next. The moved trees are deleted at the end of each N, then sync and 361 s.
clear_out() {
  local path
  mkdir -p "$TRASH"
  for path in "$@"; do
    [ -e "$path" ] && mv "$path" "$TRASH/$(basename "$path").$(date +%s%N)"
  done
  sync
}
# Every timed run starts with its inputs in the page cache, as an editor's rebuild does: each tool's
# input files are read once, untimed, just before it runs. Without this, whichever tool followed
# Hugo (a peak of 20 GiB at 100k) found the content evicted and paid for reading it from disk
# (hashing the 100k inputs took 8.9 s after Hugo and 0.7 s otherwise, 5 December).
warm() {
  local path
  for path in "$@"; do
    [ -e "$path" ] && find "$path" -type f -print0 | xargs -0 -r cat > /dev/null
  done
  return 0
}
elapsed() { grep 'Elapsed' "$1" | sed 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //'; }
# The whole machine's CPU counters (the `cpu` line of /proc/stat) before and after a timed run:
# what else the cores did meanwhile (the kernel writing earlier pages back, reclaiming memory).
cpu_counters() { head -1 /proc/stat; }
# A `sync` right after a run, timed: the writeback the run left to the kernel. Start and end times.
timed_sync() {
  local start
  start=$(date +%s.%N)
  sync
  echo "$start $(date +%s.%N)" > "$1"
}

# ---- per N ------------------------------------------------------------------------------------
SIZES_DONE=0
for N in "${NS[@]}"; do
  RUNS=$ALL_RUNS
  [ "$N" -ge 50000 ] && RUNS=$RUNS_LARGE
  W="$BENCH_DIR/n$N"
  L="$W/logs-build"
  MARK="$W/.build-bench-corpus"
  if [ ! -f "$MARK" ] || [ "$(cat "$MARK")" != "entries=$N seed=$SEED" ] || [ ! -d "$W/content" ]; then
    log "N=$N: generating the corpus in $W (seed $SEED)"
    rm -rf "$W"
    mkdir -p "$W"
    "$KB" corpus --entries "$N" --seed "$SEED" --out "$W" --themes "$REPO/themes" > "$W/corpus.out" 2>&1 \
      || { cat "$W/corpus.out" >&2; exit 1; }
    echo "entries=$N seed=$SEED" > "$MARK"
  else
    log "N=$N: reusing the corpus in $W"
  fi
  rm -rf "$L"
  TRASH="$W/trash"
  mkdir -p "$L"
  python3 "$HERE/bench.py" env "$L/env.start.json" "pagefind=$PAGEFIND" "runs=$RUNS" "seed=$SEED" "now=$NOW" \
    "kirameki_sha256=$KIRAMEKI_SHA"
  log "N=$N start: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  PAGE_SIZE=$(sed -n 's/^page_size:[[:space:]]*\([0-9][0-9]*\).*/\1/p' "$W/kirameki.yaml")
  PAGE_SIZE=${PAGE_SIZE:-12}
  if [ -n "$PAGEFIND" ] && [ "$N" -gt "$PAGEFIND_MAX_N" ]; then
    NOTES+=("N=$N: Pagefind skipped (N > PAGEFIND_MAX_N=$PAGEFIND_MAX_N; its peak RSS would exceed this machine's memory).")
  fi

  if [ "$RUNS" = 1 ]; then
    # Byte-identity needs two clean builds: one more, first, not counted in the timings.
    clear_out "$W/site.extra" "$W/.kirameki-cache"
    "$KIRAMEKI" build --root "$W" --out "$W/site.extra" --now "$NOW" > "$L/determinism.out" 2> "$L/determinism.err"
    tree "$W/site.extra" > "$L/kirameki.extra.hash.json"
    clear_out "$W/site.extra"
  fi
  run_kirameki() {
    # A clean build: no output and no build cache from an earlier run.
    clear_out "$W/site" "$W/.kirameki-cache"
    warm "$W/content" "$W/themes" "$W/kirameki.yaml"
    cpu_counters > "$L/kirameki.$i.stat"
    /usr/bin/time -v -o "$L/kirameki.$i.time" \
      "$KIRAMEKI" build --root "$W" --out "$W/site" --now "$NOW" > "$L/kirameki.$i.out" 2> "$L/kirameki.$i.err" \
      || { echo "kirameki build failed (N=$N run $i):" >&2; tail -20 "$L/kirameki.$i.err" >&2; exit 1; }
    cpu_counters >> "$L/kirameki.$i.stat"
    timed_sync "$L/kirameki.$i.sync"
    log "N=$N round $i: kirameki $(elapsed "$L/kirameki.$i.time") ($(grep -o 'Indexed.*' "$L/kirameki.$i.err" | sed 's/.* in /index /'))"
    tree "$W/site" > "$L/kirameki.$i.hash.json"
  }
  run_hugo() {
    [ -n "$HUGO" ] || return 0
    clear_out "$W/hugo-public" "$W/hugo-cache"
    warm "$W/content" "$HUGO_SITE"
    cpu_counters > "$L/hugo.$i.stat"
    HUGO_PAGINATE=$PAGE_SIZE HUGO_PARAMS_RELATED=$HUGO_RELATED_PARAM /usr/bin/time -v -o "$L/hugo.$i.time" \
      "$HUGO" --source "$HUGO_SITE" --contentDir "$W/content" --destination "$W/hugo-public" \
      --cacheDir "$W/hugo-cache" --noBuildLock > "$L/hugo.$i.out" 2>&1 \
      || { echo "hugo failed (N=$N run $i):" >&2; tail -20 "$L/hugo.$i.out" >&2; }
    cpu_counters >> "$L/hugo.$i.stat"
    timed_sync "$L/hugo.$i.sync"
    log "N=$N round $i: hugo $(elapsed "$L/hugo.$i.time")"
  }
  run_pagefind() {
    [ -n "$PAGEFIND" ] && [ "$N" -le "$PAGEFIND_MAX_N" ] || return 0
    # Pagefind indexes the latest clean build (round 1 starts with Kirameki, and all of its builds
    # are byte-identical, which is checked); the bundle goes beside the site, so Kirameki's output
    # stays exactly as built.
    clear_out "$W/pagefind-out"
    warm "$W/site"
    /usr/bin/time -v -o "$L/pagefind.$i.time" \
      "$PAGEFIND" --site "$W/site" --output-path "$W/pagefind-out" > "$L/pagefind.$i.out" 2>&1 \
      || { echo "pagefind failed (N=$N run $i):" >&2; tail -20 "$L/pagefind.$i.out" >&2; }
    log "N=$N round $i: pagefind $(elapsed "$L/pagefind.$i.time")"
  }
  run_floor() {
    # The machine's floor: a plain writer makes a filler copy of Kirameki's output (same folders,
    # names and sizes) and times only that. The site is there: round 1 starts with Kirameki.
    clear_out "$W/floor-out"
    "$KB" floor --like "$W/site" --out "$W/floor-out" > "$L/floor.$i.out" 2>&1 \
      || { echo "kirameki-bench floor failed (N=$N run $i):" >&2; tail -5 "$L/floor.$i.out" >&2; exit 1; }
    timed_sync "$L/floor.$i.sync"
    log "N=$N round $i: floor $(cat "$L/floor.$i.out")"
  }
  # The order rotates each round (kirameki, hugo, pagefind, floor; then hugo, pagefind, floor,
  # kirameki; ...): whatever a tool leaves behind (Pagefind's ~7.5 GiB of freed memory, Hugo's
  # written pages) then falls on each of the others in turn, not always on the same one.
  TOOLS=(run_kirameki run_hugo run_pagefind run_floor)
  for i in $(seq 1 "$RUNS"); do
    for k in 0 1 2 3; do
      "${TOOLS[$(( (i - 1 + k) % 4 ))]}"
    done
  done
  tree "$W/site" > "$L/kirameki.tree.json"
  [ -n "$HUGO" ] && [ -d "$W/hugo-public" ] && tree "$W/hugo-public" > "$L/hugo.tree.json"


  for i in $(seq 1 "$RUNS"); do
    sync
    /usr/bin/time -v -o "$L/rebuild.$i.time" \
      "$KIRAMEKI" build --root "$W" --out "$W/site" --now "$NOW" > "$L/rebuild.$i.out" 2> "$L/rebuild.$i.err" \
      || { echo "no-change rebuild failed (N=$N run $i):" >&2; tail -20 "$L/rebuild.$i.err" >&2; exit 1; }
    log "N=$N no-change rebuild $i: $(elapsed "$L/rebuild.$i.time")"
    tree "$W/site" > "$L/rebuild.$i.hash.json"
  done
  python3 "$HERE/bench.py" env "$L/env.end.json"
  # ext4 without a journal (as here) skips inodes freed in the last 60 s (360 s while their inode
  # table block is unwritten) when it allocates new ones. After sync and 62 s, writing files still
  # cost 15x the kernel time it did before the deletion, so the pause covers the whole window.
  rm -rf "$TRASH"; sync
  SIZES_DONE=$((SIZES_DONE + 1))
  # Nothing is timed after the last size.
  [ "$SIZES_DONE" -eq "${#NS[@]}" ] || sleep "${TRASH_PAUSE:-361}"
  log "N=$N end: load average $(cut -d' ' -f1-3 /proc/loadavg)"
done

NOTE_ARGS=()
for note in "${NOTES[@]+"${NOTES[@]}"}"; do NOTE_ARGS+=(--note "$note"); done
python3 "$HERE/bench.py" summarize --bench-dir "$BENCH_DIR" --out "$HERE/results" "${NOTE_ARGS[@]+"${NOTE_ARGS[@]}"}" "${NS[@]}"
