#!/usr/bin/env python3
"""Builds the benchmark corpus: gzipped JSONL parts ({"id","url","text"} per line) from real text.

Source text is read at run time, never committed: the dev set's naive scraper dumps
(DEVSET/inputs/*/*.txt, real debris: menus, footers, captions, share buttons) and the seed dumps
(SEEDS/*.txt). The corpus is made of documents in passes ("rounds") over those pages:

* round 0 is each page as it is;
* in later rounds a page keeps its short lines (menus, bylines, footers: site chrome, which
  recurs as it does on a real site, so exact and learned-boilerplate dedup have work), and each
  content line (12+ words) is replaced by a new paragraph made of sentences drawn in order from
  a shuffled stream of all content sentences (so paragraphs are new text, not copies);
* planted duplicates, at fixed rates: a whole page copied exactly (under a new id), a content
  paragraph replaced by an exact copy of an earlier one, or by a near copy (one word changed,
  dropped, or its case changed), within a part and across parts (copies of round-0 text).

Deterministic: the same --seed, --mb and --parts give byte-identical parts. Stdlib only.

    python3 bench/gen_corpus.py --out bench/.work/corpus-250 --mb 250 --parts 8
"""

import argparse
import glob
import gzip
import json
import multiprocessing as mp
import os
import random
import re
import sys
import time
from urllib.parse import urlsplit

SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(A-Z0-9])")
CONTENT_WORDS = 12

# rates per document / per content paragraph
P_DOC_COPY = 0.03
P_PARA_EXACT = 0.08
P_PARA_NEAR = 0.04

PAGES = []  # [(host, slug, [lines])]
SENTS = []  # shuffled content sentences
CONTENT = []  # round-0 content paragraphs (for cross-part copies)


def host_of(rec, default):
    url = rec.get("url") or ""
    if url.startswith("hard::"):
        return url[6:].split("-", 1)[0] or default
    if url.startswith("http"):
        h = urlsplit(url).hostname
        if h:
            return h
    return default


def load(devset, seeds):
    manifest = {}
    mpath = os.path.join(devset, "manifest.jsonl")
    if os.path.exists(mpath):
        with open(mpath, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                manifest[d["input"]] = d
    paths = sorted(glob.glob(os.path.join(devset, "inputs", "*", "*.txt")))
    pages = []
    for p in paths:
        rel = os.path.relpath(p, devset)
        d = manifest.get(rel, {})
        sset = os.path.basename(os.path.dirname(p))
        host = host_of(d, sset + ".example")
        slug = os.path.splitext(os.path.basename(p))[0]
        with open(p, encoding="utf-8", errors="replace") as f:
            pages.append((host, slug, f.read().split("\n")))
    for p in sorted(glob.glob(os.path.join(seeds, "*.txt"))):
        slug = os.path.splitext(os.path.basename(p))[0]
        with open(p, encoding="utf-8", errors="replace") as f:
            pages.append(("seeds.example", slug, f.read().split("\n")))
    return pages


def is_content(line):
    return line.count(" ") + 1 >= CONTENT_WORDS


def near_copy(rng, para):
    words = para.split(" ")
    i = rng.randrange(len(words))
    kind = rng.randrange(3)
    if kind == 0 and len(words) > 1:
        del words[i]
    elif kind == 1:
        words[i] = rng.choice(("new", "local", "former", "several", "major", "recent", "public"))
    else:
        words[i] = words[i].upper() if not words[i].isupper() else words[i].lower()
    return " ".join(words)


def build_part(args):
    part, start, target, seed, outdir = args
    rng = random.Random(seed * 1_000_003 + part)
    npages = len(PAGES)
    nsent = len(SENTS)
    # each part starts at its own place in the page sequence and in the sentence stream
    k = start
    s = (part * 7_919_003) % nsent
    recent = []  # this part's earlier content paragraphs
    path = os.path.join(outdir, "part-%04d.jsonl.gz" % part)
    tmp = path + ".tmp"
    written = 0
    ndocs = stats_doc = stats_exact = stats_near = paragraphs = 0
    with gzip.open(tmp, "wb", compresslevel=6) as out:
        while written < target:
            idx = k % npages
            rnd = k // npages
            k += 1
            host, slug, lines = PAGES[idx]
            if rng.random() < P_DOC_COPY:
                # an exact copy of a page as it was in round 0 (another part, or this one)
                host, slug, lines = PAGES[rng.randrange(npages)]
                text = "\n".join(lines)
                stats_doc += 1
            else:
                new = []
                for line in lines:
                    if not is_content(line):
                        new.append(line)
                        continue
                    r = rng.random()
                    if r < P_PARA_EXACT and (recent or CONTENT):
                        src = recent if (recent and rng.random() < 0.5) else CONTENT
                        new.append(src[rng.randrange(len(src))])
                        stats_exact += 1
                        continue
                    if r < P_PARA_EXACT + P_PARA_NEAR and (recent or CONTENT):
                        src = recent if (recent and rng.random() < 0.5) else CONTENT
                        new.append(near_copy(rng, src[rng.randrange(len(src))]))
                        stats_near += 1
                        continue
                    if rnd == 0:
                        para = line
                    else:
                        n = 1 + rng.randrange(4)
                        para = " ".join(SENTS[(s + j) % nsent] for j in range(n))
                        s += n
                    new.append(para)
                    if len(recent) < 20_000:
                        recent.append(para)
                    else:
                        recent[rng.randrange(20_000)] = para
                text = "\n".join(new)
            rec = {
                "id": "p%04d-%07d" % (part, ndocs),
                "url": "https://%s/%s?r=%d" % (host, slug, rnd),
                "text": text,
            }
            paragraphs += sum(1 for l in text.split("\n") if l.strip())
            b = (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
            out.write(b)
            written += len(b)
            ndocs += 1
    os.replace(tmp, path)
    return {
        "part": path,
        "bytes": written,
        "docs": ndocs,
        "paragraphs": paragraphs,
        "doc_copies": stats_doc,
        "para_exact_copies": stats_exact,
        "para_near_copies": stats_near,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--mb", type=float, default=250)
    ap.add_argument("--parts", type=int, default=8)
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--devset", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "devset"))
    ap.add_argument("--seeds", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "seeds"))
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()

    t0 = time.time()
    global PAGES, SENTS, CONTENT
    PAGES = load(a.devset, a.seeds)
    if not PAGES:
        sys.exit("gen_corpus: no source text found under %s/inputs or %s" % (a.devset, a.seeds))
    rng = random.Random(a.seed)
    for _, _, lines in PAGES:
        for line in lines:
            if is_content(line):
                CONTENT.append(line)
                SENTS.extend(x for x in SENT_RE.split(line) if x)
    rng.shuffle(SENTS)
    os.makedirs(a.out, exist_ok=True)
    target = int(a.mb * 1e6 / a.parts)
    # where each part starts in the page sequence (pages in order, round after round), so that
    # the parts follow each other as one stream would
    starts, k, cum = [], 0, 0
    sizes = [sum(len(l) + 1 for l in lines) + 60 for _, _, lines in PAGES]
    for p in range(a.parts):
        while cum < p * target:
            cum += sizes[k % len(PAGES)]
            k += 1
        starts.append(k)
    jobs = [(p, starts[p], target, a.seed, a.out) for p in range(a.parts)]
    with mp.get_context("fork").Pool(a.jobs) as pool:
        stats = pool.map(build_part, jobs, chunksize=1)
    total = {
        "seed": a.seed,
        "mb": a.mb,
        "parts": a.parts,
        "source_pages": len(PAGES),
        "source_sentences": len(SENTS),
        "bytes": sum(s["bytes"] for s in stats),
        "docs": sum(s["docs"] for s in stats),
        "paragraphs": sum(s["paragraphs"] for s in stats),
        "doc_copies": sum(s["doc_copies"] for s in stats),
        "para_exact_copies": sum(s["para_exact_copies"] for s in stats),
        "para_near_copies": sum(s["para_near_copies"] for s in stats),
        "gz_bytes": sum(os.path.getsize(s["part"]) for s in stats),
        "seconds": round(time.time() - t0, 1),
    }
    with open(os.path.join(a.out, "corpus.json"), "w") as f:
        json.dump(total, f, indent=1)
    print(json.dumps(total))


if __name__ == "__main__":
    main()
