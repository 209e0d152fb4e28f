#!/usr/bin/env python3
"""Counts the paragraphs (non-empty lines of the text field) a tool's output keeps, and stores
the count in the last row measure.py wrote, so the table shows that each tool did its work.

    python3 bench/count_kept.py --rows ROWS.jsonl --paragraphs-in N jsonl FILE_OR_DIR...
    python3 bench/count_kept.py --rows ROWS.jsonl --paragraphs-in N dolma ATTRIBUTES_DIR

`jsonl` reads output documents (.jsonl, .jsonl.gz); `dolma` reads dolma's attribute files and
subtracts the duplicate paragraph spans it marked from the paragraphs in.
"""

import argparse
import glob
import gzip
import json
import os


def files(paths, pattern):
    for p in paths:
        if os.path.isdir(p):
            yield from sorted(glob.glob(os.path.join(p, "**", pattern), recursive=True))
        elif os.path.exists(p):
            yield p


def opener(path):
    return gzip.open(path, "rt", encoding="utf-8") if path.endswith(".gz") else open(path, encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", required=True)
    ap.add_argument("--paragraphs-in", type=int, required=True)
    ap.add_argument("mode", choices=["jsonl", "dolma"])
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()

    if a.mode == "jsonl":
        kept = 0
        for path in files(a.paths, "*.jsonl*"):
            with opener(path) as f:
                for line in f:
                    if line.strip():
                        kept += sum(1 for l in json.loads(line).get("text", "").split("\n") if l.strip())
    else:
        spans = 0
        for path in files(a.paths, "*.jsonl*"):
            with opener(path) as f:
                for line in f:
                    attrs = json.loads(line).get("attributes", {})
                    spans += sum(len(v) for v in attrs.values() if isinstance(v, list))
        kept = a.paragraphs_in - spans

    with open(a.rows) as f:
        rows = [json.loads(l) for l in f if l.strip()]
    if rows and rows[-1].get("ok"):
        rows[-1]["paragraphs_out"] = kept
        rows[-1]["paragraphs_in"] = a.paragraphs_in
    with open(a.rows, "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
