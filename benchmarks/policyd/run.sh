#!/usr/bin/env bash
# spf-policyd against the stock policyd-spf over loopback, same machine, same run, same Knot DNS:
# decisions per second and latency at 1, 8 and 64 connections, then the fault runs (DNS killed and
# restarted mid-run, 64 junk connections). See benchmarks/README.md, "Policy servers".
#   mvn -q -B -pl spf-policyd,benchmarks -am package -DskipTests
#   bash benchmarks/policyd/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
work=$(mktemp -d "${TMPDIR:-/tmp}/policyd-bench.XXXXXX")
knot_port=15353; ours=10023; stock=10024
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/knot.pid" ] && kill "$(cat "$work/knot.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

start_knot() {
  mkdir -p "$work/knot/run" "$work/knot/db"
  cat > "$work/knot/knot.conf" <<CONF
server:
    listen: 127.0.0.1@$knot_port
    rundir: $work/knot/run
    pidfile: $work/knot/run/knot.pid
    udp-workers: 1
    tcp-workers: 1
    background-workers: 1
database:
    storage: $work/knot/db
log:
  - target: stderr
    any: warning
zone:
  - domain: bench
    file: $PWD/benchmarks/policyd/bench.zone
    zonefile-sync: -1
    journal-content: none
CONF
  knotd -c "$work/knot/knot.conf" 2>>"$work/knot.log" &
  echo $! > "$work/knot.pid"
  sleep 0.5
}

load() { java -cp benchmarks/target/benchmarks.jar io.github.spfkit.benchmarks.policyd.PolicyLoad "$@"; }

start_knot
java -jar spf-policyd/target/spf-policyd.jar --listen 127.0.0.1:$ours --dns 127.0.0.1:$knot_port \
  --config benchmarks/policyd/bench.conf --deadline 8s 2>"$work/spf-policyd.log" &
pids+=($!)
/usr/bin/python3 benchmarks/policyd/policyd-spf-spawn.py $stock $knot_port \
  "$PWD/benchmarks/policyd/bench.conf" >"$work/spawn.log" 2>&1 &
pids+=($!)
sleep 2

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
for c in 1 8 64; do
  load --target 127.0.0.1:$ours --connections $c --seconds "$seconds" --warmup 3 --label spf-policyd | tail -1
  load --target 127.0.0.1:$stock --connections $c --seconds "$seconds" --warmup 3 --label policyd-spf | tail -1
done

echo "fault: DNS killed at t=5s and restarted at t=10s (fresh names: every decision asks DNS)"
( sleep 8; kill "$(cat "$work/knot.pid")"; sleep 5; start_knot; sleep 30 ) &
fault=$!
load --target 127.0.0.1:$ours --connections 8 --seconds 15 --warmup 3 --fresh --label spf-policyd-dns-fault
kill "$fault" 2>/dev/null || true

echo "fault: 64 junk connections beside 8 real ones"
load --target 127.0.0.1:$ours --connections 8 --seconds "$seconds" --warmup 3 --junk 64 --label spf-policyd-junk | tail -1
kill -0 "${pids[0]}" && echo "spf-policyd still running after the junk"
grep -c "closing a connection" "$work/spf-policyd.log" | sed 's/^/connections closed for bad input: /'
