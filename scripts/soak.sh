#!/usr/bin/env bash
# Load and soak test of the endpoint: ingests corpus/ into a temporary store, starts
# `newsgraph serve` (release build) on 127.0.0.1 with an ephemeral port, and runs the
# load generator (examples/load.rs) against it: CONCURRENCY keep-alive clients
# sending a canned mix of queries, the service description and the explorer page,
# while the server's resident memory is sampled from /proc.
#
#   scripts/soak.sh            # 10 minutes
#   scripts/soak.sh 30         # 30 minutes
#   SOAK_SECONDS=20 scripts/soak.sh   # the short run CI does (scripts/server-tests.sh)
#
# Environment: CARGO_TARGET_DIR (as for cargo), CONCURRENCY (default 4, the server's
# default --max-queries, so no request is refused as busy), SAMPLE_SECONDS (RSS sample
# interval; default 30, or 5 for runs under two minutes).
# Output: the load generator's report (throughput, latency median/p95/p99/max,
# errors, RSS start/end/max). Exit status: 0 when no request failed and the server's
# memory at the end is within 1.5 times (+8 MiB) its memory after the first sample;
# 1 otherwise.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
seconds="${SOAK_SECONDS:-$(( ${1:-10} * 60 ))}"
concurrency="${CONCURRENCY:-4}"
if [[ -z "${SAMPLE_SECONDS:-}" ]]; then
  if (( seconds < 120 )); then SAMPLE_SECONDS=5; else SAMPLE_SECONDS=30; fi
fi

echo "soak: building (release)"
cargo build --quiet --release --bin newsgraph --example load
bin="$target/release/newsgraph"
load="$target/release/examples/load"

work="$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-soak.XXXXXX")"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" ingest corpus/ --store "$work/store" >/dev/null
"$bin" serve --store "$work/store" --bind 127.0.0.1:0 2>"$work/server.log" &
server_pid=$!

addr=""
for _ in $(seq 1 300); do
  addr="$(sed -n 's/^newsgraph: listening on http:\/\/\(127\.0\.0\.1:[0-9]*\)\/$/\1/p' "$work/server.log" | head -n1)"
  [[ -n "$addr" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$addr" ]] || { echo "soak: the server did not report its address" >&2; exit 1; }
# `newsgraph serve` supervises a child process that does the serving: measure that one.
child="$(cat "/proc/$server_pid/task/$server_pid/children" 2>/dev/null | awk '{print $1}')"
measured="${child:-$server_pid}"
echo "soak: server at $addr (pid $measured), ${seconds} s, $concurrency clients"

report="$work/report.txt"
status=0
"$load" --addr "$addr" --seconds "$seconds" --concurrency "$concurrency" \
  --pid "$measured" --sample-seconds "$SAMPLE_SECONDS" | tee "$report" || status=1

# Memory must stay steady: compare the end with the first sample.
read -r start end < <(sed -n 's/^load: server RSS MiB: start \([0-9.]*\), end \([0-9.]*\),.*/\1 \2/p' "$report")
if [[ -n "${start:-}" ]] && ! awk -v s="$start" -v e="$end" 'BEGIN { exit !(e <= s * 1.5 + 8) }'; then
  echo "soak: server memory grew from $start MiB to $end MiB" >&2
  status=1
fi
if ! grep -q '^newsgraph: listening' "$work/server.log"; then status=1; fi
if grep -q 'restarting the server' "$work/server.log"; then
  echo "soak: the server was restarted during the run" >&2
  status=1
fi
if [[ "$status" == 0 ]]; then echo "soak: passed"; else echo "soak: FAILED" >&2; fi
exit "$status"
