#!/usr/bin/env bash
# Push test against a real server: starts the Oxigraph server from PyPI (`pip install
# oxigraph`, in bench/.venv) on loopback, ingests a few articles, pushes them with
# `newsgraph push`, pushes again (everything must be unchanged), reads the dataset
# back and compares it with the local store (article graphs as N-Quads plus the
# merged default graph as N-Triples; no blank nodes, so equal sorted lines =
# isomorphic). Exit code 0 when they match.
# Usage: scripts/push-test.sh [N_ARTICLES]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-60}
venv=$root/bench/.venv
[ -x "$venv/bin/oxigraph" ] || { python3 -m venv "$venv"; "$venv/bin/pip" install -q oxigraph; }
target=${CARGO_TARGET_DIR:-$root/target}
(cd "$root" && cargo build --release --quiet)
bin=$target/release/newsgraph
polnear=/work/shared/eval/polnear/train/text
[ -d "$polnear" ] || polnear=$root/../shared/eval/polnear/train/text
tmp=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
"$venv/bin/oxigraph" serve --location "$tmp/oxi" --bind "127.0.0.1:$port" > "$tmp/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
python3 "$root/bench/make_corpus.py" "$polnear" "$n" "$tmp/corpus.jsonl"
"$bin" ingest --store "$tmp/store" "$tmp/corpus.jsonl" > /dev/null
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
"$bin" push --store "$tmp/store" --to "http://127.0.0.1:$port" --header 'Authorization: Bearer test' | tee "$tmp/push1.txt"
"$bin" push --store "$tmp/store" --to "http://127.0.0.1:$port" | tee "$tmp/push2.txt"
grep -q ' 0 graphs sent' "$tmp/push2.txt" || { echo "FAIL: second push sent graphs"; exit 1; }
curl -s -H 'Accept: application/n-quads' "http://127.0.0.1:$port/store" | sort > "$tmp/remote.nq"
{ "$bin" export --store "$tmp/store" --format nquads; "$bin" export --store "$tmp/store" --format ntriples; } | grep -v '^$' | sort > "$tmp/local.nq"
if cmp -s "$tmp/remote.nq" "$tmp/local.nq"; then
  echo "OK: remote dataset equals the local store ($(wc -l < "$tmp/local.nq") quads)"
else
  echo "FAIL: remote and local differ"; diff "$tmp/remote.nq" "$tmp/local.nq" | head; exit 1
fi
