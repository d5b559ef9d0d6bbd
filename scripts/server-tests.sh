#!/usr/bin/env bash
# Runs the endpoint's outside-client tests: SPARQLWrapper and rdflib (tests/clients)
# and the explorer in headless Chromium via playwright-core (tests/browser), against
# `newsgraph serve` on 127.0.0.1 (ephemeral port) serving a store that this script
# ingests from corpus/ (`newsgraph ingest corpus/ --store TMPDIR`); then a short load
# test (scripts/soak.sh with SOAK_SECONDS, default 20).
#
# Installs what it needs if missing: Debian's chromium (apt-get), SPARQLWrapper and
# rdflib (pip), playwright-core (npm ci in tests/browser). Nothing here contacts a host
# other than the package registries and 127.0.0.1.
#
# Environment: CARGO_TARGET_DIR (as for cargo), OUT_DIR (where the browser test saves
# its screenshots 01-overview.png … 05-error.png; default
# ${TMPDIR:-/tmp}/newsgraph-browser-out), SKIP_INSTALL=1 to use what is already
# installed, SOAK_SECONDS (the load test's length; 0 skips it).
# Exit status: 0 when every test passed, 1 otherwise.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
out_dir="${OUT_DIR:-${TMPDIR:-/tmp}/newsgraph-browser-out}"

if [[ "${SKIP_INSTALL:-0}" != 1 ]]; then
  if [[ ! -x /usr/bin/chromium ]]; then
    echo "server-tests: installing chromium (apt-get)"
    sudo_cmd=""; [[ "$(id -u)" != 0 ]] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
  fi
  if ! python3 -c 'import SPARQLWrapper, rdflib' 2>/dev/null; then
    echo "server-tests: installing SPARQLWrapper and rdflib (pip)"
    python3 -m pip install --quiet SPARQLWrapper rdflib
  fi
  if [[ ! -d tests/browser/node_modules/playwright-core ]]; then
    echo "server-tests: installing playwright-core (npm ci)"
    (cd tests/browser && npm ci --no-audit --no-fund --silent)
  fi
fi

echo "server-tests: building the server (release)"
cargo build --quiet --release --bin newsgraph
bin="$target/release/newsgraph"

work="$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-server-tests.XXXXXX")"
log="$work/server.log"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "server-tests: ingesting corpus/"
"$bin" ingest corpus/ --store "$work/store" >/dev/null
"$bin" serve --store "$work/store" --bind 127.0.0.1:0 --timeout 30 2>"$log" &
server_pid=$!

url=""
for _ in $(seq 1 300); do
  url="$(sed -n 's/^newsgraph: listening on \(http:\/\/127\.0\.0\.1:[0-9]*\)\/$/\1/p' "$log" | head -n1)"
  [[ -n "$url" ]] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "server-tests: the server exited early:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.1
done
if [[ -z "$url" ]]; then
  echo "server-tests: the server did not report its address" >&2
  cat "$log" >&2
  exit 1
fi
echo "server-tests: server at $url"

status=0
echo "server-tests: python clients (SPARQLWrapper, rdflib SPARQLStore)"
NEWSGRAPH_ENDPOINT="$url" python3 tests/clients/test_clients.py || status=1

echo "server-tests: browser (playwright-core + /usr/bin/chromium)"
NEWSGRAPH_URL="$url" OUT_DIR="$out_dir" node tests/browser/explorer.test.mjs || status=1

soak_seconds="${SOAK_SECONDS:-20}"
if [[ "$soak_seconds" != 0 ]]; then
  echo "server-tests: load test (${soak_seconds} s; scripts/soak.sh)"
  SOAK_SECONDS="$soak_seconds" bash scripts/soak.sh || status=1
fi

if [[ "$status" == 0 ]]; then
  echo "server-tests: all passed (screenshots in $out_dir)"
else
  echo "server-tests: FAILED" >&2
fi
exit "$status"
