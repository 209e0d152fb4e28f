#!/usr/bin/env python3
"""Fits the weights of C001's line model (src/rules/classifier/model.rs): a logistic model
over the generic per-line features that `examples/c001_vectors.rs` writes.

Labels come from a boilerplate dev set laid out like ../shared/devset (manifest.jsonl with
set, id, input, gold, with, without), read at run time; nothing of it is written anywhere but
the numeric weights. A line is content when its token sequence occurs in the page's gold text,
or overlaps a `with` snippet; chrome when it occurs nowhere in the gold, or overlaps a
`without` snippet. Pages weigh the same; within a page a line weighs by its tokens (+1).

    cargo run --release --example c001_vectors -- FLATDIR > vectors.jsonl
    python3 tools/fit_c001.py --devset ../shared/devset --vectors vectors.jsonl [--ids TUNE_MANIFEST]

FLATDIR holds the pages to fit on as <set>__<id>.txt (fit on one half, check on the other).
Needs numpy. Prints the weights (paste them into model::WEIGHTS; C001_WEIGHTS=FILE makes
examples/classify_dump.rs try a --out file first).
"""
import argparse
import json
import re
from collections import defaultdict

import numpy as np

TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def tnorm(text):
    return " ".join(TOKEN_RE.findall(text.lower()))


def parse(line):
    # the example writes Rust's Debug escapes for a few characters: \u{301} -> JSON \u0301
    line = re.sub(r"\\u\{([0-9a-f]+)\}", lambda m: chr(int(m.group(1), 16)).encode(
        "unicode_escape").decode() if int(m.group(1), 16) > 0xFFFF else "\\u%04x" % int(m.group(1), 16), line)
    return json.loads(line)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--devset", required=True)
    ap.add_argument("--vectors", required=True)
    ap.add_argument("--snippet-weight", type=float, default=1.0,
                    help="weight of a page labelled by snippets relative to a page with gold text")
    ap.add_argument("--ridge", type=float, default=1.0)
    ap.add_argument("--out", default=None, help="also write the weights, space-separated, here")
    args = ap.parse_args()

    man = {}
    for l in open(f"{args.devset}/manifest.jsonl", encoding="utf-8"):
        r = json.loads(l)
        man[f"{r['set']}__{r['id']}.txt"] = r
    pages = defaultdict(list)
    for l in open(args.vectors, encoding="utf-8"):
        d = parse(l)
        if d["o"]:
            continue  # another rule removes it anyway
        pages[d["f"]].append(d)

    X, y, w = [], [], []
    for f, lines in pages.items():
        r = man[f]
        rows = []
        if r.get("gold"):
            gold = " " + tnorm(open(f"{args.devset}/{r['gold']}", encoding="utf-8").read()) + " "
            for d in lines:
                t = tnorm(d["t"])
                if not t:
                    continue
                rows.append((d["x"], 1.0 if f" {t} " in gold else 0.0, len(t.split()) + 1.0))
            scale = 1.0
        else:
            pos = [tnorm(s) for s in r.get("with") or [] if tnorm(s)]
            neg = [tnorm(s) for s in r.get("without") or [] if tnorm(s)]
            for d in lines:
                t = tnorm(d["t"])
                if not t:
                    continue
                lab = None
                if any(t in s or s[:60] in t for s in pos if len(t) >= 8 or t == s):
                    lab = 1.0
                elif any(t in s or s[:60] in t for s in neg if len(t) >= 4 or t == s):
                    lab = 0.0
                if lab is not None:
                    rows.append((d["x"], lab, 1.0))
            scale = args.snippet_weight
        tot = sum(r_[2] for r_ in rows)
        for x, lab, wt in rows:
            X.append(x)
            y.append(lab)
            w.append(scale * wt / tot)
    X, y, w = np.array(X, dtype=float), np.array(y), np.array(w)
    w = w / w.mean()
    beta = np.zeros(X.shape[1])
    lam = args.ridge * np.eye(X.shape[1])
    lam[0, 0] = 0.0
    for _ in range(30):  # iteratively reweighted least squares
        p = 1 / (1 + np.exp(-(X @ beta)))
        g = X.T @ (w * (p - y)) + lam @ beta
        h = (X * (w * p * (1 - p))[:, None]).T @ X + lam
        step = np.linalg.solve(h, g)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    p = 1 / (1 + np.exp(-(X @ beta)))
    acc = np.sum(w * ((p >= 0.5) == (y == 1))) / w.sum()
    print(f"// {len(y)} lines from {len(pages)} pages, weighted accuracy {acc:.3f}")
    print("[" + ", ".join(f"{b:.4f}" for b in beta) + "]")
    if args.out:
        open(args.out, "w").write(" ".join(f"{b:.6f}" for b in beta) + "\n")


if __name__ == "__main__":
    main()
