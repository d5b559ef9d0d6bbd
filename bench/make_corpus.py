#!/usr/bin/env python3
"""Builds a benchmark corpus of N articles as JSON Lines from the PolNeAR train texts.

Each copy of an article gets a new id (`<name>~<copy>`) and its publication date
shifted by 3 days per copy, so relative dates ("yesterday", "on Monday") resolve to
different days in every copy. Deterministic: same arguments, same bytes.
Usage: make_corpus.py SOURCE_DIR N OUT.jsonl
"""
import datetime
import json
import os
import re
import sys


def main():
    src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    names = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
    base = []
    for f in names:
        m = re.search(r"_(\d{4}-\d{2}-\d{2})_", f)
        day = datetime.date.fromisoformat(m.group(1)) if m else datetime.date(2016, 1, 1)
        with open(os.path.join(src, f), encoding="utf-8") as fh:
            base.append((f[:-4], day, fh.read()))
    with open(out, "w", encoding="utf-8") as w:
        for i in range(n):
            copy, k = divmod(i, len(base))
            name, day, text = base[k]
            shifted = day + datetime.timedelta(days=3 * copy)
            rec = {"id": f"{name}~{copy}", "date": shifted.isoformat(), "text": text}
            w.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
