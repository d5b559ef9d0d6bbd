#!/usr/bin/env bash
# Runs the endpoint's outside-client tests: SPARQLWrapper and rdflib (tests/clients)
# and the explorer in headless Chromium via playwright-core (tests/browser), against a
# newsgraph server started here on 127.0.0.1 with an ephemeral port and stopped after.
#
# Installs what it needs if missing: Debian's chromium (apt-get), SPARQLWrapper and
# rdflib (pip), playwright-core (npm ci in tests/browser). Nothing here contacts a host
# other than the package registries and 127.0.0.1.
#
# Environment: CARGO_TARGET_DIR (as for cargo), OUT_DIR (screenshots; default
# $TMPDIR/newsgraph-browser-out), SKIP_INSTALL=1 to use what is already installed.
# Exit status: 0 when every test passed, 1 otherwise.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
out_dir="${OUT_DIR:-${TMPDIR:-/tmp}/newsgraph-browser-out}"
fixture="tests/clients/fixture.trig"

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

echo "server-tests: building the server"
cargo build --quiet --example serve_files
server_bin="$target/debug/examples/serve_files"

log="$(mktemp "${TMPDIR:-/tmp}/newsgraph-server-log.XXXXXX")"
"$server_bin" --bind 127.0.0.1:0 --timeout 30 "$fixture" 2>"$log" &
server_pid=$!
cleanup() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT

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

if [[ "$status" == 0 ]]; then
  echo "server-tests: all passed (screenshots in $out_dir)"
else
  echo "server-tests: FAILED" >&2
fi
exit "$status"
