#!/usr/bin/env python3
"""Every dev-set input line with deboil's decision and a gold label: the ground for asking "how
would a rule that takes (or keeps) lines of shape X score?" in seconds, before writing it.

`collect` runs deboil once per page with `--report` (two at a time) and writes one JSON object
per page to a JSONL file: set, id and its lines, each `[text, rule code or null, removal note,
label]`. The label is `C` (content) or `B` (boilerplate) where the gold says so, else null:
on pages with a gold text, a line of four words or more is content when its token sequence
occurs in the gold, a shorter line when it equals a gold line; on pages with snippets only, a
line holding a `with` snippet (or held by one) is content, one holding a `without` snippet is
boilerplate. Token sequences are score.py's: lowercased `\\w+` tokens joined by spaces.

`lost` lists the `with` snippets the kept input lines miss, each with the rule that removed its
line, and counts the causes (by input lines: what input normalisation changes, such as a stray
soft hyphen or a zero-width space, is not seen here; score.py sees it). `show` prints one page's lines (a prefix of its id) with their
decisions and labels.

    cargo build --release
    python3 tools/devset_lines.py collect target/release/deboil /tmp/lines.jsonl
    python3 tools/devset_lines.py lost /tmp/lines.jsonl
    python3 tools/devset_lines.py show /tmp/lines.jsonl travanto 50 90

Stdlib only. Reads the pages at run time; writes only the file it is given.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

TOKEN = re.compile(r"\w+")


def tnorm(text):
    return " ".join(TOKEN.findall(text.lower()))


def decisions(binary, path):
    """Line number (1-based) -> (rule, note) of every line deboil removes from `path` (whole
    lines only: a cut inside a line leaves the line in)."""
    fd, report = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    try:
        subprocess.run([binary, "clean", "-q", path, "--report", report],
                       stdout=subprocess.DEVNULL, check=False)
        with open(report, encoding="utf-8") as f:
            rep = json.load(f)
    finally:
        os.unlink(report)
    out = {}
    for doc in rep.get("documents", []):
        for rm in doc.get("removals", []):
            if rm.get("removed_lines") == 0:
                # a cut inside a line (a side cell, a date prefix): the line stays
                continue
            first, last = rm["lines"]
            for i in range(first, last + 1):
                out.setdefault(i, (rm["rule"], rm.get("note", "")))
    return out


def labelled(devset, row, removed):
    lines = open(os.path.join(devset, row["input"]), encoding="utf-8").read().split("\n")
    gold = gold_lines = None
    if row.get("gold"):
        text = open(os.path.join(devset, row["gold"]), encoding="utf-8").read()
        gold, gold_lines = tnorm(text), {tnorm(g) for g in text.split("\n")}
    keep = [tnorm(s) for s in row.get("with") or [] if tnorm(s)]
    drop = [tnorm(s) for s in row.get("without") or [] if tnorm(s)]

    def held(t, snippets):
        return any(s in t or (t in s and len(t.split()) >= 3) for s in snippets)

    out = []
    for i, line in enumerate(lines, 1):
        t, label = tnorm(line), None
        if t and gold is not None:
            label = "C" if (t in gold if len(t.split()) >= 4 else t in gold_lines) else "B"
        elif t:
            label = "C" if held(t, keep) else "B" if held(t, drop) else None
        rule, note = removed.get(i, (None, ""))
        out.append([line, rule, note, label])
    return out


def collect(args):
    rows = [json.loads(l) for l in open(os.path.join(args.devset, "manifest.jsonl"), encoding="utf-8")]

    def one(row):
        removed = decisions(args.binary, os.path.join(args.devset, row["input"]))
        return {"set": row["set"], "id": row["id"], "lines": labelled(args.devset, row, removed)}

    with ThreadPoolExecutor(args.jobs) as ex, open(args.out, "w", encoding="utf-8") as f:
        for page in ex.map(one, rows):
            f.write(json.dumps(page, ensure_ascii=False) + "\n")


def pages(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def lost(args):
    rows = {(r["set"], r["id"]): r for r in
            (json.loads(l) for l in open(os.path.join(args.devset, "manifest.jsonl"), encoding="utf-8"))}
    causes = Counter()
    for page in pages(args.lines):
        row = rows[(page["set"], page["id"])]
        lines = page["lines"]
        kept = tnorm("\n".join(l[0] for l in lines if l[1] is None))
        whole = tnorm("\n".join(l[0] for l in lines))
        for snippet in row.get("with") or []:
            s = tnorm(snippet)
            if not s or s not in whole or s in kept:
                continue
            hits = [(i, l[1], l[2]) for i, l in enumerate(lines, 1)
                    if tnorm(l[0]) and (tnorm(l[0]) in s or s in tnorm(l[0]))]
            ruled = [h for h in hits if h[1]]
            cause = f"{ruled[0][1]} {ruled[0][2].split('(')[0].strip()}" if ruled else "kept, split over lines"
            causes[cause] += 1
            print(f"{page['id'][:40]} | {snippet[:70]} | lines {[h[0] for h in hits][:4]} | {cause}")
    print()
    for cause, n in causes.most_common():
        print(f"{n:5} {cause}")


def show(args):
    for page in pages(args.lines):
        if page["id"].startswith(args.id):
            print(page["set"], page["id"])
            for i, (line, rule, note, label) in enumerate(page["lines"], 1):
                if args.first <= i <= args.last and line.strip():
                    print(f"{i:5} {rule or '':5} {label or '-'} {line[:110]}  {note[:70]}")
            return
    sys.exit(f"no page id starts with {args.id!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--devset", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "devset"))
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("binary")
    c.add_argument("out")
    c.add_argument("--jobs", type=int, default=2)
    l = sub.add_parser("lost")
    l.add_argument("lines")
    s = sub.add_parser("show")
    s.add_argument("lines")
    s.add_argument("id")
    s.add_argument("first", type=int, nargs="?", default=1)
    s.add_argument("last", type=int, nargs="?", default=10**9)
    args = ap.parse_args()
    {"collect": collect, "lost": lost, "show": show}[args.cmd](args)


if __name__ == "__main__":
    main()
