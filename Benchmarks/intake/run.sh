#!/usr/bin/env bash
# Load benchmark of the intake receiver on loopback, with a kill -9 in the middle.
#   Benchmarks/intake/run.sh [seconds=10] [threads=2] [connections=16]
# Starts `kirameki-intake serve` (release build), lets wrk post urlencoded need forms, kills the
# receiver with SIGKILL halfway through, then checks that every submission wrk saw acknowledged
# (2xx) is a complete record in the spool. Prints req/s, latency percentiles and the counts; exits
# non-zero when an acknowledged submission is missing. Requests in flight at the kill are
# unacknowledged by definition: they may or may not be in the spool.
# KIRAMEKI_BENCH_CONFIG=debug uses a debug build instead; KIRAMEKI_BENCH_KEEP=1 keeps the spool.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"
threads="${2:-2}"
connections="${3:-16}"
config="${KIRAMEKI_BENCH_CONFIG:-release}"

if ! command -v wrk >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing wrk (Debian package)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >&2
fi
command -v python3 >/dev/null || { echo "python3 is needed to read the spool" >&2; exit 2; }

[ "${NO_INSTALL:-0}" = 1 ] || scripts/install-deps build
swift build -c "$config" --product kirameki-intake >&2
binary="$(swift build -c "$config" --show-bin-path)/kirameki-intake"

work="$(mktemp -d)"
spool="$work/spool"
origin="https://hub.example.org"
"$binary" serve --spool "$spool" --port 0 --rate-limit 0 --allowed-origin "$origin" >"$work/server.out" 2>"$work/server.err" &
server=$!
cleanup() {
  kill -9 "$server" 2>/dev/null || true
  # KIRAMEKI_BENCH_KEEP=1 keeps the spool and wrk's output for inspection.
  if [ "${KIRAMEKI_BENCH_KEEP:-}" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  grep -q "listening on" "$work/server.out" 2>/dev/null && break
  sleep 0.1
done
port="$(grep -o '[0-9]*$' "$work/server.out" | head -1)"
[ -n "$port" ] || { echo "the receiver did not start" >&2; cat "$work/server.err" >&2; exit 2; }

kill_after=$(awk "BEGIN { print $seconds / 2 }")
( sleep "$kill_after"; kill -9 "$server" 2>/dev/null ) 2>/dev/null &
killer=$!
BENCH_IDS="$work/acknowledged-ids.txt" BENCH_ORIGIN="$origin" \
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 2s -s Benchmarks/intake/post.lua \
  "http://127.0.0.1:$port/forms/need" | tee "$work/wrk.out"
wait "$killer" || true

python3 - "$spool" "$work/acknowledged-ids.txt" "$kill_after" "$threads" "$connections" "$seconds" "$config" <<'PY'
import json, os, sys
spool, ids_file, alive, threads, connections, seconds, config = sys.argv[1:]
acked = [line.strip() for line in open(ids_file) if line.strip()]
records, temporary, broken = {}, 0, 0
for name in os.listdir(spool):
    if name.startswith(".") and name.endswith(".tmp"):
        temporary += 1
        continue
    if name.startswith(".") or not name.endswith(".json"):
        continue
    try:
        record = json.load(open(os.path.join(spool, name), encoding="utf-8"))
        records[record["id"]] = record
    except Exception:
        broken += 1
found = [i for i in acked if i in records and records[i]["fields"]]
alive = float(alive)
print()
print(f"receiver: {config} build; wrk {threads} threads, {connections} connections, {seconds} s; kill -9 after {alive:g} s")
print(f"throughput while alive: {len(acked) / alive:.0f} acknowledged submissions/s")
print(f"acknowledged: {len(acked)}")
print(f"acknowledged and found in the spool: {len(found)}")
print(f"records in the spool: {len(records)} (in flight at the kill, spooled but unanswered: {len(records) - len(found)})")
print(f"temporary files left (never records): {temporary}; unreadable records: {broken}")
ok = len(found) == len(acked) and broken == 0 and len(acked) > 0
print("RESULT: " + ("PASS, every acknowledged submission survived kill -9" if ok else "FAIL"))
sys.exit(0 if ok else 1)
PY
