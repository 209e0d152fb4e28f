#!/usr/bin/env python3
"""How much article text C001 could still win back outside the article core, and at what cost.

Issue 4 asks for with_kept >= 0.95 with without_removed >= 0.85. Most lost `with` snippets are
lines C001 removes as "outside the article core". This script measures whether any line-level
signal separates the content among those lines from the chrome: it runs deboil once over each
half of the dev set (TUNE: md5("set/id") even, HOLDOUT: odd, as tools/devset_halves.py),
labels every outside-core line the way tools/fit_c001.py does (its token sequence occurs in the
page's gold text or a `with` snippet: content; nowhere in the gold or in a `without` snippet:
chrome), and prints
  - for slices of the removal's features (class, words, distance to the core, topic overlap
    with the kept text, the weight of its region), the share of content tokens and the `with`
    and `without` snippet lines a rescue of that slice would bring back;
  - a logistic model over all those features fitted on TUNE, scored on HOLDOUT at several
    thresholds: the best any rule over these features could do.
A rescue pays only where content clearly outweighs chrome; with_kept needs about +70 `with`
snippets on the whole set (14 pages' worth), while without_removed has 0.003 to spare.

    cargo build --release
    python3 tools/outside_core_ceiling.py --devset ../shared/devset --bin target/release/deboil

Needs numpy. Reads the pages at run time and writes only to a temporary folder.
"""
import argparse
import bisect
import hashlib
import json
import math
import os
import re
import subprocess
import tempfile
from collections import Counter, defaultdict

import numpy as np

TOKEN_RE = re.compile(r"\w+")
NOTE_RE = re.compile(
    r"^outside the article core \((\S+) line, weight (-?[\d.]+); (\d+) words?, "
    r"stopwords (?:unknown|([\d.]+) \w+)(.*)\)$")
CLASSES = {"good": 0, "near-good": 1, "short": 2, "bad": 3}


def tnorm(text):
    return " ".join(TOKEN_RE.findall(text.lower()))


def half(page):
    digest = hashlib.md5(f"{page['set']}/{page['id']}".encode()).digest()
    return "TUNE" if digest[-1] % 2 == 0 else "HOLDOUT"


def run_half(args, pages, tmp, name):
    """Cleans one half in one batch (`--dedup doc`: each page alone, as score.py runs it)."""
    flat = os.path.join(tmp, name)
    os.mkdir(flat)
    for p in pages:
        os.symlink(os.path.abspath(os.path.join(args.devset, p["input"])),
                   os.path.join(flat, f"{p['set']}__{p['id']}.txt"))
    report = os.path.join(tmp, name + ".json")
    subprocess.run([args.bin, "clean", flat, "-q", "--dedup", "doc", "-o", flat + ".out",
                    "--report", report], check=True)
    return json.load(open(report, encoding="utf-8"))


def label_fn(args, page):
    if page.get("gold"):
        gold = " " + tnorm(open(os.path.join(args.devset, page["gold"]), encoding="utf-8",
                                errors="replace").read()) + " "
        return lambda t: 1 if f" {t} " in gold else 0, False
    pos = [tnorm(s) for s in page.get("with") or [] if tnorm(s)]
    neg = [tnorm(s) for s in page.get("without") or [] if tnorm(s)]

    def lab(t):
        if any(t in s or s[:60] in t for s in pos if len(t) >= 8 or t == s):
            return 1
        if any(t in s or s[:60] in t for s in neg if len(t) >= 4 or t == s):
            return 0
        return None
    return lab, True


def outside_core_rows(args, page, docs, half_name):
    """One row per line C001 removed as outside the core: its features and its label."""
    lines = open(os.path.join(args.devset, page["input"]), encoding="utf-8",
                 errors="replace").read().split("\n")
    removed = {}
    for d in docs:
        for x in d["removals"]:
            for ln in range(x["lines"][0], x["lines"][1] + 1):
                removed.setdefault(ln - 1, (x["rule"], x.get("note", "")))
    nonblank = [i for i, l in enumerate(lines) if l.strip()]
    kept = [i for i in nonblank if i not in removed]
    kept_words = {w for i in kept for w in TOKEN_RE.findall(lines[i].lower()) if len(w) >= 5}
    total = sum(len(TOKEN_RE.findall(lines[i])) for i in nonblank) or 1
    kept_total = sum(len(TOKEN_RE.findall(lines[i])) for i in kept)
    ordinal = {i: k for k, i in enumerate(nonblank)}
    kept_ord = [ordinal[i] for i in kept]
    parsed = {}
    for i in nonblank:
        rule, note = removed.get(i, ("", ""))
        m = NOTE_RE.match(note) if rule == "C001" else None
        if m:
            parsed[i] = m
    region, rid, inside = {}, 0, False
    for i in nonblank:
        if i in parsed:
            rid += not inside
            region[i], inside = rid, True
        else:
            inside = False
    region_weight = Counter()
    for i, m in parsed.items():
        region_weight[region[i]] += max(0.0, float(m.group(2)))
    label, by_snippet = label_fn(args, page)
    rows = []
    for i, m in parsed.items():
        t = tnorm(lines[i])
        lab = label(t) if t else None
        if lab is None:
            continue
        o = ordinal[i]
        k = bisect.bisect_left(kept_ord, o)
        core_below = kept_ord[k] - o if k < len(kept_ord) else None
        core_above = o - kept_ord[k - 1] if k > 0 else None
        long_words = {w for w in TOKEN_RE.findall(lines[i].lower()) if len(w) >= 5}
        extra = m.group(5)
        rows.append(dict(
            half=half_name, label=lab, tokens=len(t.split()), snippet=by_snippet,
            cls=CLASSES[m.group(1)], weight=float(m.group(2)), words=int(m.group(3)),
            stopwords=float(m.group(4)) if m.group(4) else -1.0,
            separators=1 if "separator" in extra else 0, links=1 if "link" in extra else 0,
            bullet=1 if "bullet" in extra else 0,
            to_core_below=min(core_below or 50, 50), to_core_above=min(core_above or 50, 50),
            above_core=1 if core_above is None else 0, below_core=1 if core_below is None else 0,
            region_weight=region_weight[region[i]],
            topic=len(long_words & kept_words) / len(long_words) if long_words else 0.0,
            kept_share=kept_total / total, kept_words=kept_total,
            ends_sentence=1 if lines[i].rstrip().endswith((".", "!", "?")) else 0))
    return rows


SLICES = [
    ("all outside-core lines", lambda r: True),
    ("good lines", lambda r: r["cls"] == 0),
    ("good, >= 20 words", lambda r: r["cls"] == 0 and r["words"] >= 20),
    ("good, >= 20 words, topic >= 0.3", lambda r: r["cls"] == 0 and r["words"] >= 20
     and r["topic"] >= 0.3),
    ("good, above the core", lambda r: r["cls"] == 0 and r["above_core"]),
    ("good, below the core", lambda r: r["cls"] == 0 and r["below_core"]),
    ("good, between core regions", lambda r: r["cls"] == 0 and not r["above_core"]
     and not r["below_core"]),
    ("short, next to the core", lambda r: r["cls"] == 2 and min(r["to_core_above"],
                                                                r["to_core_below"]) <= 1),
    ("near-good, <= 3 lines from the core", lambda r: r["cls"] == 1
     and min(r["to_core_above"], r["to_core_below"]) <= 3),
    ("page keeps < 10% of its words", lambda r: r["kept_share"] < 0.1),
]
FEATURES = ["cls", "weight", "words", "stopwords", "separators", "links", "bullet",
            "to_core_below", "to_core_above", "above_core", "below_core", "region_weight",
            "topic", "kept_share", "kept_words", "ends_sentence"]
LOGGED = {"words", "kept_words", "region_weight", "to_core_below", "to_core_above"}


def summary(rows):
    pos = sum(r["tokens"] for r in rows if r["label"] == 1)
    neg = sum(r["tokens"] for r in rows if r["label"] == 0)
    w_plus = sum(1 for r in rows if r["label"] == 1 and r["snippet"])
    w_minus = sum(1 for r in rows if r["label"] == 0 and r["snippet"])
    share = pos / (pos + neg) if pos + neg else float("nan")
    return f"{len(rows):6d} lines  content tokens {share:4.2f}  with +{w_plus:<4d} without -{w_minus}"


def vector(r):
    v = [1.0] + [1.0 if r["cls"] == c else 0.0 for c in range(4)]
    for f in FEATURES:
        x = r[f]
        v.append(math.log1p(max(x, 0.0)) if f in LOGGED else float(x))
    return v


def fit(rows, ridge=1.0):
    x = np.array([vector(r) for r in rows])
    y = np.array([r["label"] for r in rows], dtype=float)
    w = np.array([r["tokens"] + 1.0 for r in rows])
    w /= w.mean()
    mu, sd = x.mean(0), x.std(0) + 1e-9
    mu[0], sd[0] = 0.0, 1.0
    xn = (x - mu) / sd
    beta = np.zeros(x.shape[1])
    lam = ridge * np.eye(x.shape[1])
    lam[0, 0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(xn @ beta)))
        step = np.linalg.solve((xn * (w * p * (1 - p))[:, None]).T @ xn + lam,
                               xn.T @ (w * (p - y)) + lam @ beta)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return lambda rs: 1 / (1 + np.exp(-(((np.array([vector(r) for r in rs]) - mu) / sd) @ beta)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--devset", required=True)
    ap.add_argument("--bin", required=True)
    args = ap.parse_args()
    manifest = [json.loads(l) for l in open(os.path.join(args.devset, "manifest.jsonl"),
                                             encoding="utf-8")]
    by_name = {f"{p['set']}__{p['id']}.txt": p for p in manifest}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("TUNE", "HOLDOUT"):
            report = run_half(args, [p for p in manifest if half(p) == name], tmp, name)
            docs = defaultdict(list)
            for d in report["documents"]:
                docs[os.path.basename(d["source"])].append(d)
            for fname, ds in sorted(docs.items()):
                rows += outside_core_rows(args, by_name[fname], ds, name)
    print("Lines C001 removes as outside the article core, labelled by the gold")
    print("(content tokens: share of the slice's tokens that are content; with/without: "
          "snippet lines of the trafilatura set a rescue would bring back)\n")
    for title, pick in SLICES:
        for name in ("TUNE", "HOLDOUT"):
            print(f"{title:38s} {name:8s}",
                  summary([r for r in rows if r["half"] == name and pick(r)]))
    print("\nLogistic model over every feature above, fitted on TUNE, rescuing lines with p >= t")
    model = fit([r for r in rows if r["half"] == "TUNE"])
    for name in ("TUNE", "HOLDOUT"):
        part = [r for r in rows if r["half"] == name]
        p = model(part)
        for t in (0.3, 0.5, 0.7):
            print(f"t = {t:.1f} {name:8s}", summary([r for r, q in zip(part, p) if q >= t]))


if __name__ == "__main__":
    main()
