#!/usr/bin/env bash
# Quality gates: runs the evaluations on ../shared/eval (PolNeAR dev for statements and
# actor clustering, the meeting development gold in tests/gold/, the near-miss pairs),
# prints the figures, and fails when any falls below quality/reference.json minus its
# margin (or when a near-miss pair that must stay apart is merged).
# Usage: scripts/quality.sh [path/to/newsgraph]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-target/release/newsgraph}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$bin" eval statements ../shared/eval/polnear/dev --json > "$out/statements.json"
# The gated meeting figures are those of the four files the reference was set on;
# tests/gold/meetings-m2e2-more.json (125 later M2E2 sentences) is printed beside them.
"$bin" eval meetings tests/gold/meetings-corpus.json tests/gold/meetings-m2e2.json \
    tests/gold/meetings-plover.json tests/gold/meetings-polnear.json --json > "$out/meetings.json"
"$bin" eval meetings tests/gold/meetings-m2e2-more.json --json > "$out/meetings-more.json"
"$bin" eval actors --json > "$out/actors.json"
"$bin" eval near-misses --json > "$out/near.json"
# The held-out meeting set is printed, not gated (15 meetings: one meeting moves recall
# by 0.07), and never tuned on: read its figures, not its --errors.
"$bin" eval meetings tests/gold/heldout-meetings-m2e2.json --json > "$out/heldout.json"

python3 - "$out" <<'PY'
import json, sys, os
out = sys.argv[1]
ref = json.load(open("quality/reference.json"))
margin = ref["margin"]
st = json.load(open(os.path.join(out, "statements.json")))["figures"]
me = json.load(open(os.path.join(out, "meetings.json")))["overall"]
ac = json.load(open(os.path.join(out, "actors.json")))["pairs"]
nm = json.load(open(os.path.join(out, "near.json")))
ac_fig = {
    "pairwise_precision": ac["tp"] / max(ac["predicted"], 1),
    "pairwise_recall": ac["tp"] / max(ac["gold"], 1),
}
failed = []
def check(group, figures):
    for k, want in ref[group].items():
        got = figures[k]
        ok = got >= want - margin
        print(f"  {group:<24} {k:<26} {got:.3f}  (reference {want:.3f}) {'ok' if ok else 'BELOW'}")
        if not ok:
            failed.append(f"{group}.{k}")
print("quality figures:")
check("statements_polnear_dev", st)
check("meetings_dev_gold", me)
check("actors_polnear_dev", ac_fig)
for kind in ("actor", "meeting", "statement"):
    c = nm.get(f"{kind} distinct", {"wrong": 0, "pairs": 0, "right": 0})
    cap = ref["near_misses"][f"{kind}_distinct_wrong_max"]
    ok = c["wrong"] <= cap
    print(f"  near-misses {kind} distinct: {c['right']} right, {c['wrong']} merged (max {cap}) {'ok' if ok else 'BELOW'}")
    if not ok:
        failed.append(f"near_misses.{kind}")
mm = json.load(open(os.path.join(out, "meetings-more.json")))["overall"]
print(f"  meetings m2e2-more (not gated): P {mm['precision']:.3f} R {mm['recall']:.3f} F1 {mm['f1']:.3f}")
ho = json.load(open(os.path.join(out, "heldout.json")))["overall"]
print(f"  meetings held-out (not gated): P {ho['precision']:.3f} R {ho['recall']:.3f} F1 {ho['f1']:.3f}")
if failed:
    print("quality gate FAILED: " + ", ".join(failed))
    sys.exit(1)
print("quality gates passed")
PY
