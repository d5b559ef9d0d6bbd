#!/usr/bin/env bash
# Validates newsgraph's output against ontology/shapes.ttl with pySHACL.
#
# Ingests corpus/ (or the paths given as arguments) into a temporary store, exports
# it as Turtle, and validates it. Prints pySHACL's report; exits non-zero on any
# violation. Needs `pip install pyshacl` (PYTHON picks the interpreter, default
# python3) and builds newsgraph with cargo unless NEWSGRAPH names a binary.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -n "${NEWSGRAPH:-}" ]]; then
    bin="$NEWSGRAPH"
else
    cargo build --quiet --manifest-path "$root/Cargo.toml"
    target="${CARGO_TARGET_DIR:-$root/target}"
    bin="$target/debug/newsgraph"
fi

if [[ $# -eq 0 ]]; then
    set -- "$root/corpus"
fi

"$bin" ingest --store "$work/store" "$@"
"$bin" export --store "$work/store" --format turtle -o "$work/graph.ttl"
# Hand-made records with a meeting, a statement and a role, so every shape has
# something to check even while extraction finds few facts.
"$bin" ingest --store "$work/records" --records "$root/scripts/shacl-records.jsonl" >/dev/null
"$bin" export --store "$work/records" --format turtle -o "$work/records.ttl"
# The corpus again with the example actor dictionary (sameAs, dictionary roles).
"$bin" ingest --store "$work/dictionary" --actors "$root/examples/actors.tsv" "$root/corpus" >/dev/null
"$bin" export --store "$work/dictionary" --format turtle -o "$work/dictionary.ttl"

status=0
for data in "$work/graph.ttl" "$work/records.ttl" "$work/dictionary.ttl"; do
    echo "== $(basename "$data")"
    if ! "$python" -m pyshacl --shacl "$root/ontology/shapes.ttl" --format human "$data"; then
        status=1
    fi
done
exit "$status"
