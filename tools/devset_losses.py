#!/usr/bin/env python3
"""Which rule cost which gold tokens: tok_R losses on the dev-set pages that have a gold text
(aeb, l3s, cleaneval-*, dragnet), each put down to the removal that took it.

For every page: the gold tokens the cleaned output misses (score.py's bag of lowercased `\\w+`
tokens, gold minus output) are handed out, in input order, to the lines `clean --dry-run`
reports removed, a line taking those of its tokens still missing. A page's losses are divided by
its gold token count and the sum by the pages of the set, so the figures add up (about) to what
the set's tok_R lacks of 1.0, as score.py averages tok_R per page. Losses no removed line
explains (output text the cleaning edits, a gold token absent from the input) stay unassigned.

Groups are a rule code and its removal note with numbers masked (`outside the article core (bad
line, weight #)`); `--pages` lists the pages that lose the most, with their three worst groups.
Compare with `--cmd cat` (score.py) to see what a page's gold keeps that no cleaner should
(cleaneval's gold keeps reader comments and, on some pages, menus and side bars).

    cargo build --release
    python3 tools/devset_losses.py target/release/deboil --sets cleaneval-dev,cleaneval-final
    python3 tools/devset_losses.py target/release/deboil --sets dragnet --pages 30

Stdlib only. Reads the pages at run time (../shared/devset, or --devset); writes nothing.
(A worktree outside /work falls back to /work/shared/devset.)
"""
import argparse
import collections
import importlib.util
import json
import re
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
# beside the repository (../shared/devset), or where a worktree elsewhere finds it
DEVSET = next((d for d in (Path(HERE, "..", "..", "shared", "devset").resolve(),
                           Path("/work/shared/devset")) if d.is_dir()), None)
# `path:line: CODE name [note]: text`
REMOVAL = re.compile(r"^.*?:(\d+): (\S+) (\S+) \[(.*?)\]: (.*)$")


def load_tokens(devset):
    spec = importlib.util.spec_from_file_location("score", Path(devset, "score.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.tokens


def run(args):
    return subprocess.run(args, capture_output=True, text=True, errors="replace")


def page_losses(binary, devset, row, tokens):
    """(gold token count, [(group, lost tokens, line number, text)]) of one page."""
    inp = Path(devset, "inputs", row["set"], f"{row['id']}.txt")
    gold = collections.Counter(tokens(Path(devset, "gold", row["set"], f"{row['id']}.txt")
                                      .read_text(errors="replace")))
    missing = gold - collections.Counter(tokens(run([binary, "clean", "-q", str(inp)]).stdout))
    dry = run([binary, "clean", "--dry-run", str(inp)])
    losses = []
    for line in (dry.stdout + dry.stderr).splitlines():
        m = REMOVAL.match(line)
        if not m:
            continue
        number, code, _name, note, text = m.groups()
        lost = 0
        for tok in tokens(text):
            if missing[tok] > 0:
                missing[tok] -= 1
                lost += 1
        if lost:
            note = re.sub(r"\S*/\S*:\d+", "LINE", note)  # dedup's `kept at path:line`
            group = f"{code} {re.sub(r'-?[0-9][0-9.:/-]*', '#', note)}"
            losses.append((group, lost, int(number), text))
    return sum(gold.values()), losses


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--sets", default="aeb,l3s,cleaneval-dev,cleaneval-final,dragnet")
    ap.add_argument("--devset", default=str(DEVSET))
    ap.add_argument("--top", type=int, default=15, help="groups shown per set")
    ap.add_argument("--pages", type=int, default=0, help="also list the N pages that lose most")
    a = ap.parse_args()
    tokens = load_tokens(a.devset)
    sets = a.sets.split(",")
    rows = [json.loads(l) for l in open(Path(a.devset, "manifest.jsonl"))]
    rows = [r for r in rows if r["set"] in sets and Path(a.devset, "gold", r["set"]).is_dir()]
    by_set = collections.defaultdict(collections.Counter)
    pages = collections.Counter(r["set"] for r in rows)
    per_page = []
    for row in rows:
        total, losses = page_losses(a.binary, a.devset, row, tokens)
        groups = collections.Counter()
        for group, lost, _, _ in losses:
            groups[group] += lost / max(total, 1)
        by_set[row["set"]].update(groups)
        per_page.append((sum(groups.values()), row["set"], row["id"], groups))
    for s in sets:
        if not pages[s]:
            continue
        share = {g: v / pages[s] for g, v in by_set[s].items()}
        print(f"{s}: {pages[s]} pages, tok_R lost to removals {sum(share.values()):.4f}")
        for g, v in sorted(share.items(), key=lambda kv: -kv[1])[: a.top]:
            print(f"  {v:.4f}  {g[:110]}")
    if a.pages:
        print("pages losing most (share of the page's gold tokens):")
        for lost, s, pid, groups in sorted(per_page, key=lambda p: -p[0])[: a.pages]:
            worst = "; ".join(f"{g[:50]} {v:.2f}" for g, v in groups.most_common(3))
            print(f"  {lost:.3f}  {s}/{pid}  {worst}")


if __name__ == "__main__":
    main()
