#!/usr/bin/env python3
"""Planted-duplicate benchmark corpus for deboil's dedup stage (issue 3, item 7).

Reads real text at run time (never committed): the dev set's gold bodies and the seed dumps.
Writes a JSONL corpus (one record per document: id, text; paragraphs one per line) and a labels
JSONL file: one line per paragraph {"id", "para", "label"} with label one of
  base      an original paragraph (must be kept)
  other     a fresh paragraph in a planted document (must be kept)
  exact     a verbatim copy of a base paragraph (must be removed)
  near      a base paragraph of 20+ words with one or two small edits (must be removed)
  hardneg   the opening of one base paragraph glued to the end of another (must be kept)

Usage: python3 bench/gen_planted.py [--gold DIR] [--seeds DIR] [--out corpus.jsonl]
           [--labels labels.jsonl] [--seed N] [--docs N]
Python 3.11 standard library only.
"""

import argparse
import glob
import json
import os
import random
import re

SPELLING = [("colour", "color"), ("favour", "favor"), ("honour", "honor"), ("labour", "labor"),
            ("centre", "center"), ("theatre", "theater"), ("organise", "organize"),
            ("organisation", "organization"), ("realise", "realize"), ("analyse", "analyze"),
            ("defence", "defense"), ("licence", "license"), ("travelled", "traveled"),
            ("programme", "program"), ("neighbour", "neighbor"), ("recognise", "recognize")]
FILLER = ["also", "very", "new", "major", "local", "several", "recent", "main", "other", "key"]


def norm_key(p):
    p = p.lower().replace("\u2019", "'")
    return " ".join(re.findall(r"[^\W_]+(?:'[^\W_]+)*", p))


def paragraphs_of(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError:
        return []
    out = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            out.append(line)
    return out


def edit_once(words, rng):
    """One small edit on a word list; returns (new words, kind)."""
    kinds = ["change", "drop", "spelling", "punct", "quote", "number", "spacing"]
    kind = rng.choice(kinds)
    w = list(words)
    idx = [i for i in range(len(w)) if re.search(r"[A-Za-z]", w[i])] or list(range(len(w)))
    if kind == "spelling":
        for i, t in enumerate(w):
            for uk, us in SPELLING:
                for a, b in ((uk, us), (us, uk)):
                    if t.lower().startswith(a):
                        w[i] = t[: 0] + (b if t[0].islower() else b.capitalize()) + t[len(a):]
                        return w, kind
        kind = "change"
    if kind == "number":
        for i, t in enumerate(w):
            m = re.search(r"\d", t)
            if m:
                d = str((int(m.group()) + rng.randint(1, 8)) % 10)
                w[i] = t[: m.start()] + d + t[m.end():]
                return w, kind
        kind = "change"
    if kind == "quote":
        for i, t in enumerate(w):
            if '"' in t or "\u201c" in t or "\u201d" in t or "'" in t:
                w[i] = (t.replace('"', "\u201c") if '"' in t else
                        t.replace("\u201c", '"').replace("\u201d", '"').replace("'", "\u2019"))
                return w, kind
        i = rng.choice(idx)
        w[i] = '"' + w[i] + '"'
        return w, kind
    if kind == "punct":
        i = rng.choice(idx)
        w[i] = w[i].rstrip(",;:") if w[i][-1:] in ",;:" else w[i] + ","
        return w, kind
    if kind == "spacing":
        i = rng.randrange(max(1, len(w) - 1))
        w[i] = w[i] + " "  # a double space once joined
        return w, kind
    if kind == "drop":
        del w[rng.choice(idx)]
        return w, kind
    i = rng.choice(idx)
    choice = rng.choice(FILLER)
    if w[i].lower() == choice:
        choice = "former"
    w[i] = choice
    return w, "change"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default="/work/shared/devset/gold")
    ap.add_argument("--seeds", default="/work/shared/seeds")
    ap.add_argument("--out", default="planted.jsonl")
    ap.add_argument("--labels", default="planted-labels.jsonl")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--docs", type=int, default=600, help="planted documents")
    a = ap.parse_args()
    rng = random.Random(a.seed)

    files = sorted(glob.glob(os.path.join(a.gold, "*", "*.txt")))
    files += sorted(glob.glob(os.path.join(a.seeds, "*.txt")))
    seen = set()
    sources = []
    for f in files:
        paras = []
        for p in paragraphs_of(f):
            k = norm_key(p)
            if len(k.split()) >= 4:
                if k in seen:
                    continue  # natural repeats are not labelled: drop them
                seen.add(k)
            paras.append(p)
        if paras:
            sources.append((f, paras))
    rng.shuffle(sources)
    # a held-out pool gives the fresh "other" paragraphs of planted documents
    n_pool = len(sources) // 4
    pool = [p for _, ps in sources[:n_pool] for p in ps]
    base = sources[n_pool:]
    long_paras = [p for _, ps in base for p in ps if len(norm_key(p).split()) >= 20]

    recs, labels = [], []
    for i, (f, ps) in enumerate(base):
        rid = "base/%05d" % i
        recs.append({"id": rid, "text": "\n".join(ps)})
        labels += [{"id": rid, "para": j, "label": "base"} for j in range(len(ps))]
    pool_at = 0
    kinds = {"exact": 0, "near": 0, "hardneg": 0}
    for d in range(a.docs):
        rid = "planted/%05d" % d
        ps, ls = [], []
        for _ in range(rng.randint(3, 8)):
            r = rng.random()
            if r < 0.25:
                ps.append(rng.choice(long_paras if rng.random() < 0.7 else
                                     [p for p in pool[:0]] or long_paras))
                ls.append("exact")
            elif r < 0.55:
                src = rng.choice(long_paras)
                w = src.split()
                for _ in range(rng.choice([1, 2])):
                    w, _k = edit_once(w, rng)
                ps.append(" ".join(w).replace("  ", "  "))
                ls.append("near")
            elif r < 0.75:
                x, y = rng.sample(long_paras, 2)
                xw, yw = x.split(), y.split()
                cut = int(len(xw) * rng.uniform(0.4, 0.6))
                tail = yw[len(yw) // 2:]
                ps.append(" ".join(xw[:cut] + tail))
                ls.append("hardneg")
            else:
                if pool_at >= len(pool):
                    continue
                ps.append(pool[pool_at])
                pool_at += 1
                ls.append("other")
        if not ps:
            continue
        for lab in ls:
            if lab in kinds:
                kinds[lab] += 1
        recs.append({"id": rid, "text": "\n".join(ps)})
        labels += [{"id": rid, "para": j, "label": l} for j, l in enumerate(ls)]
    with open(a.out, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(a.labels, "w", encoding="utf-8") as f:
        for l in labels:
            f.write(json.dumps(l) + "\n")
    print("records %d, paragraphs %d, planted %s" % (len(recs), len(labels), kinds))


if __name__ == "__main__":
    main()
