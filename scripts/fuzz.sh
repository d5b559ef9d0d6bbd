#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a bounded time, then minimises its corpus.
#
#   scripts/fuzz.sh                      # every target, 60 s each
#   FUZZ_SECONDS=600 scripts/fuzz.sh extract_text
#
# Targets: read_plaintext (plain-text reader on any bytes), read_jsonl (JSON Lines
# reader on any bytes), extract_text (the whole extractor on any text; checks that
# every span lies inside the body and equals body[start..end] by characters),
# sparql_request (any bytes as what a client sends on one connection: the server's
# own HTTP/1.1 reader and request handler, no socket; answers must be well-formed and
# never a 500).
#
# Toolchain: cargo fuzz's default AddressSanitizer needs nightly (`-Zsanitizer`). On a
# stable toolchain (tested with 1.95) this script passes `--sanitizer none`: libFuzzer's
# coverage instrumentation (`-Cpasses=sancov-module`, `-Cllvm-args=...`) is stable, so
# the targets build and run on stable with no RUSTC_BOOTSTRAP. The crate has no
# `unsafe`, so ASan adds little; panics, failed assertions, overflow checks (cargo fuzz
# builds with debug assertions), timeouts (-timeout) and memory blow-ups (-rss_limit_mb)
# are all still caught. With a nightly toolchain the script uses ASan.
#
# Inputs: the corpus of each target lives in fuzz/corpus/<target> and is committed
# after `cargo fuzz cmin` keeps it small (inputs over 4 KB are not committed); it is seeded from tests/nasty/files and
# corpus/. Crashes land in fuzz/artifacts/<target> (not committed): reproduce one with
# `cargo fuzz run --sanitizer none <target> <file>`, fix it, and add it to the tests.
#
# Exit code: 0 when every target ran its time without a finding, 1 otherwise.
set -uo pipefail

secs="${FUZZ_SECONDS:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/fuzz/target}"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked || exit 1
fi
if rustc --version | grep -q nightly; then sanitizer=address; else sanitizer=none; fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(read_plaintext read_jsonl extract_text sparql_request); fi

seed() { # seed TARGET GLOB...
    local dir="corpus/$1"
    shift
    mkdir -p "$dir"
    for f in "$@"; do
        [ -f "$f" ] && cp -n "$f" "$dir/seed-$(basename "$f")"
    done
}
seed read_plaintext "$root"/tests/nasty/files/*.txt "$root"/corpus/*.txt
seed read_jsonl "$root"/tests/nasty/files/*.jsonl
seed extract_text "$root"/tests/nasty/files/*.txt "$root"/corpus/*.txt

status=0
for t in "${targets[@]}"; do
    echo "fuzz.sh: $t for ${secs}s (sanitizer: $sanitizer)" >&2
    mkdir -p "corpus/$t"
    if ! cargo fuzz run --sanitizer "$sanitizer" "$t" "corpus/$t" -- \
        -max_total_time="$secs" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1; then
        echo "fuzz.sh: $t FOUND A PROBLEM: see fuzz/artifacts/$t" >&2
        status=1
        continue
    fi
    cargo fuzz cmin --sanitizer "$sanitizer" "$t" "corpus/$t" >/dev/null 2>&1 ||
        echo "fuzz.sh: cmin of $t failed; corpus left as is" >&2
done
exit "$status"
