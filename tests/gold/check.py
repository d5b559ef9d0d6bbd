#!/usr/bin/env python3
"""Checks the hand-written gold files in tests/gold/.

For every gold file: it parses; every document id exists in its dataset; the document
date matches the source; every evidence / content string is an exact substring of the
document text; every date is a valid ISO date or a {"start","end"} range with
start <= end; modes, reasons and kinds are from the allowed sets; every meeting has at
least one participant with at least one non-empty name.

Texts are read from ../shared/eval (or $NEWSGRAPH_EVAL_DIR) and from corpus/, the same
way src/eval/sources.rs reads them. Documents of a dataset whose files are absent are
skipped with a note (the corpus is always checked). Exit status 1 on any error.
Usage: python3 tests/gold/check.py  (from anywhere)
"""
import csv
import datetime as dt
import json
import os
import re
import sys
import zipfile
from pathlib import Path

GOLD = Path(__file__).resolve().parent
PROJECT = GOLD.parent.parent
MODES = {"in_person", "phone", "video", "visit", "unknown"}
REASONS = {"future", "intent", "generic", "negated", "call_for", "message", "speech", "other"}
KINDS = {"direct", "indirect", "mixed"}


def find_eval_dir():
    env = os.environ.get("NEWSGRAPH_EVAL_DIR")
    if env:
        return Path(env) if Path(env).is_dir() else None
    for a in [PROJECT, *PROJECT.parents]:
        if (a / "shared" / "eval").is_dir():
            return a / "shared" / "eval"
    return None


EVAL = find_eval_dir()
_cache = {}


def m2e2_table():
    if "m2e2" not in _cache:
        table = {}
        with zipfile.ZipFile(EVAL / "m2e2" / "m2e2_annotations.zip") as z:
            for name in sorted(z.namelist()):
                if name.startswith("__MACOSX") or not name.endswith("_event.json") or "text_" not in name:
                    continue
                for s in json.loads(z.read(name)):
                    table.setdefault(s["sentence_id"], s["sentence"])
        _cache["m2e2"] = table
    return _cache["m2e2"]


def plover_table():
    if "plover" not in _cache:
        recs = json.load(open(EVAL / "plover" / "PLOVER_GSR_CAMEO.json", encoding="utf-8"))
        _cache["plover"] = {r["id"]: (r["text"], r.get("date")) for r in recs if "text" in r}
    return _cache["plover"]


def polnear_dates():
    if "polnear" not in _cache:
        with open(EVAL / "polnear" / "metadata.tsv", encoding="utf-8") as f:
            _cache["polnear"] = {r["filename"]: r["publication_date"] for r in csv.DictReader(f, delimiter="\t")}
    return _cache["polnear"]


def corpus_text(doc):
    raw = (PROJECT / "corpus" / f"{doc}.txt").read_bytes()
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    m = re.match(r"[ \t]*date[ \t]+(\d{4}-\d\d-\d\d)(?=\s|$)", text)
    if not m:
        return text, None
    end = m.end()
    if end < len(text) and text[end].isspace():
        end += 1
    return text[end:], m.group(1)


def load(dataset, doc):
    """(text, date string or None), or None when the dataset is not available."""
    if dataset == "corpus":
        return corpus_text(doc)
    if EVAL is None:
        return None
    if dataset == "m2e2":
        t = m2e2_table()[doc]
        y, mo, d = re.match(r"VOA_EN_NW_(\d{4})\.(\d\d)\.(\d\d)", doc).groups()
        return t, f"{y}-{mo}-{d}"
    if dataset == "plover":
        return plover_table()[doc]
    if dataset == "polnear":
        for part in ("train", "dev"):
            p = EVAL / "polnear" / part / "text" / f"{doc}.txt"
            if p.is_file():
                return p.read_text(encoding="utf-8"), polnear_dates().get(doc) or None
        raise KeyError(doc)
    raise KeyError(f"unknown dataset {dataset}")


errors = []
skipped = set()


def err(where, msg):
    errors.append(f"{where}: {msg}")


def valid_day(s):
    try:
        return dt.date.fromisoformat(s) if isinstance(s, str) and len(s) == 10 else None
    except ValueError:
        return None


def check_date(where, d):
    if d is None:
        return
    if isinstance(d, str):
        if not valid_day(d):
            err(where, f"bad date {d!r}")
    elif isinstance(d, dict) and set(d) == {"start", "end"}:
        a, b = valid_day(d["start"]), valid_day(d["end"])
        if not a or not b or a > b:
            err(where, f"bad date range {d!r}")
    else:
        err(where, f"bad date {d!r}")


def check_names(where, names):
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        err(where, f"bad names {names!r}")


def text_of(fname, dataset, doc):
    try:
        got = load(dataset, doc)
    except KeyError:
        err(f"{fname}:{doc}", f"no such document in {dataset}")
        return None, None
    if got is None:
        skipped.add(dataset)
    return got if got else (None, None)


def check_meetings(path):
    data = json.load(open(path, encoding="utf-8"))
    ds = data.get("dataset")
    if ds not in {"m2e2", "plover", "polnear", "corpus"}:
        err(path.name, f"bad dataset {ds!r}")
        return {}
    counts = {"docs": 0, "meetings": 0, "optional": 0, "non_meetings": {}}
    seen = set()
    for d in data["docs"]:
        doc = d["doc"]
        w = f"{path.name}:{doc}"
        if doc in seen:
            err(w, "duplicate doc")
        seen.add(doc)
        counts["docs"] += 1
        text, date = text_of(path.name, ds, doc)
        if d.get("date") is not None and not valid_day(d["date"]):
            err(w, f"bad document date {d['date']!r}")
        if text is not None and (d.get("date") or None) != (date or None):
            err(w, f"document date {d.get('date')!r} but source says {date!r}")
        for i, m in enumerate(d.get("meetings", [])):
            mw = f"{w}: meeting {i}"
            counts["meetings"] += 1
            counts["optional"] += bool(m.get("optional"))
            if set(m) != {"participants", "mode", "date", "date_text", "place", "optional", "evidence"}:
                err(mw, f"fields {sorted(m)}")
            parts = m.get("participants") or []
            if not parts:
                err(mw, "no participants")
            for p in parts:
                check_names(mw, p.get("names"))
                if not isinstance(p.get("required"), bool):
                    err(mw, "required must be a boolean")
            if m.get("mode") not in MODES:
                err(mw, f"bad mode {m.get('mode')!r}")
            check_date(mw, m.get("date"))
            if m.get("place") is not None:
                check_names(mw, m["place"])
            if text is not None:
                if m.get("evidence", "") == "" or m["evidence"] not in text:
                    err(mw, f"evidence not in text: {m.get('evidence')!r}")
                if m.get("date_text") and m["date_text"] not in text:
                    err(mw, f"date_text not in text: {m['date_text']!r}")
        for nm in d.get("non_meetings", []):
            r = nm.get("reason")
            counts["non_meetings"][r] = counts["non_meetings"].get(r, 0) + 1
            if r not in REASONS:
                err(w, f"bad reason {r!r}")
            if text is not None and (not nm.get("evidence") or nm["evidence"] not in text):
                err(w, f"non-meeting evidence not in text: {nm.get('evidence')!r}")
    return counts


def check_statements(path):
    data = json.load(open(path, encoding="utf-8"))
    n = 0
    for d in data["docs"]:
        text, _ = text_of(path.name, "corpus", d["doc"])
        for s in d["statements"]:
            n += 1
            w = f"{path.name}:{d['doc']}: statement {s.get('content', '')[:40]!r}"
            check_names(w, s.get("speaker"))
            if s.get("kind") not in KINDS:
                err(w, f"bad kind {s.get('kind')!r}")
            if not isinstance(s.get("optional"), bool):
                err(w, "optional must be a boolean")
            if text is not None and (not s.get("content") or s["content"] not in text):
                err(w, "content not in text")
    return n


def check_near_misses(path):
    data = json.load(open(path, encoding="utf-8"))
    for i, p in enumerate(data["pairs"]):
        w = f"{path.name}: pair {i}"
        if p.get("kind") not in {"actor", "meeting", "statement"}:
            err(w, f"bad kind {p.get('kind')!r}")
        if p.get("relation") not in {"distinct", "same"}:
            err(w, f"bad relation {p.get('relation')!r}")
        for side in ("a", "b"):
            x = p.get(side) or {}
            if "dataset" in x:
                text, _ = text_of(path.name, x["dataset"], x["doc"])
                if text is not None and x.get("evidence") not in text:
                    err(w, f"{side}: evidence not in text: {x.get('evidence')!r}")
            elif not x.get("text"):
                err(w, f"{side}: needs dataset+doc+evidence or text")
    return len(data["pairs"])


def check_clusters(path):
    data = json.load(open(path, encoding="utf-8"))
    for mt in data["mentions"]:
        w = f"{path.name}:{mt['doc']}:{mt['start']}"
        text, _ = text_of(path.name, "polnear", mt["doc"])
        if text is not None and text[mt["start"]:mt["end"]] != mt["text"]:
            err(w, f"span gives {text[mt['start']:mt['end']]!r}, not {mt['text']!r}")
        if not mt.get("cluster"):
            err(w, "no cluster")
    return len(data["mentions"])


def main():
    for p in sorted(GOLD.glob("meetings-*.json")) + sorted(GOLD.glob("heldout-meetings-*.json")):
        c = check_meetings(p)
        print(f"{p.name}: {c['docs']} docs, {c['meetings']} meetings ({c['optional']} optional), "
              f"non-meetings {dict(sorted(c['non_meetings'].items()))}")
    if (GOLD / "corpus-statements.json").exists():
        print(f"corpus-statements.json: {check_statements(GOLD / 'corpus-statements.json')} statements")
    if (GOLD / "near-misses.json").exists():
        print(f"near-misses.json: {check_near_misses(GOLD / 'near-misses.json')} pairs")
    if (GOLD / "actor-clusters-dev.json").exists():
        print(f"actor-clusters-dev.json: {check_clusters(GOLD / 'actor-clusters-dev.json')} mentions")
    for s in sorted(skipped):
        print(f"note: {s} texts not found (no shared/eval); their evidence was not checked")
    for e in errors:
        print("ERROR", e)
    print("ok" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
