#!/bin/bash
# Prints the search-index stage's wall and CPU seconds (stage [5/7] of `kirameki build`), the
# whole build's wall/CPU/peak RSS, and whether the output matches a checksum list.
#
#   Benchmarks/search/index-stage.sh KIRAMEKI_BINARY CORPUS_DIR [CHECKSUMS]
#
# CPU seconds of the stage come from /proc/<pid>/stat (utime+stime) read when the build prints
# the lines [4/7] and [5/7], so they are exact to the polling interval (20 ms).
set -euo pipefail
bin=$1
corpus=$2
sums=${3:-}
log=$(mktemp)
timing=$(mktemp)
tick=$(getconf CLK_TCK)
cd "$corpus"
rm -rf site
/usr/bin/time -v -o "$timing" "$bin" build --now 2026-11-25T12:00:00+09:00 >"$log" 2>&1 &
sleep 0.05
pid=$(pgrep -P $! -n || echo $!)
cpu() { awk -v t="$tick" '{print ($14 + $15) / t}' "/proc/$pid/stat" 2>/dev/null || echo 0; }
while ! grep -q '^\[4/7\]' "$log"; do sleep 0.02; done
before=$(cpu)
while ! grep -q '^\[5/7\]' "$log"; do sleep 0.02; done
after=$(cpu)
wait
grep -E '^\[[0-9]/7\]' "$log"
echo "index stage CPU seconds: $(echo "$after - $before" | bc)"
grep -E 'Elapsed|User time|System time|Maximum resident' "$timing"
if [ -n "$sums" ]; then
  cd site
  failed=$(sha256sum --quiet -c "$sums" 2>/dev/null | wc -l || true)
  echo "files: $(find . -type f ! -name .kirameki-site | wc -l) (expected $(wc -l <"$sums")), checksum mismatches: $failed"
fi
rm -f "$log" "$timing"
