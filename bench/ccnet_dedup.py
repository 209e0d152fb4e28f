#!/usr/bin/env python3
"""A CCNet-style paragraph deduper, the Python baseline of the comparison (stdlib only).

As in CCNet (Wenzek et al. 2019, cc_net/dedup.py): a paragraph is a line; its key is the line
normalised (lower case, accents stripped, digits to 0, punctuation removed, whitespace collapsed),
hashed with sha1 and cut to 8 bytes. Unlike CCNet, which removes every copy of a line whose hash
occurs more than once, this keeps the first copy (input order), as deboil and dolma do.

One pass, two worker processes: the workers read and decompress the gzipped parts, parse the JSON
and hash every line (the expensive part) and hand (text, hashes) back in input order; the main
process keeps the set of seen hashes, drops repeated lines and writes the JSONL output.

    python3 bench/ccnet_dedup.py --workers 2 -o OUT.jsonl PART...
"""

import argparse
import gzip
import hashlib
import json
import multiprocessing as mp
import re
import sys
import unicodedata

DIGITS = str.maketrans("0123456789", "0000000000")
PUNCT = re.compile(r"[^\w\s]+")
SPACES = re.compile(r"\s+")


def normalize(line):
    line = line.strip().lower()
    if not line.isascii():
        line = "".join(
            c for c in unicodedata.normalize("NFD", line) if unicodedata.category(c) != "Mn"
        )
    line = line.translate(DIGITS)
    line = PUNCT.sub("", line)
    return SPACES.sub(" ", line).strip()


def line_hash(line):
    return hashlib.sha1(normalize(line).encode("utf-8")).digest()[:8]


def hash_part(path):
    out = []
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        for raw in f:
            doc = json.loads(raw)
            lines = doc.get("text", "").split("\n")
            out.append((doc, lines, [line_hash(l) if l.strip() else None for l in lines]))
    return out


def in_order(pool, paths, ahead):
    """Results of hash_part in input order, with at most `ahead` parts in flight (bounded memory)."""
    pending = []
    paths = list(paths)
    while paths or pending:
        while paths and len(pending) < ahead:
            pending.append(pool.apply_async(hash_part, (paths.pop(0),)))
        yield pending.pop(0).get()


def main():
    ap = argparse.ArgumentParser(description="CCNet-style exact paragraph dedup (baseline)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("parts", nargs="+")
    a = ap.parse_args()

    seen = set()
    docs = lines_in = lines_dropped = 0
    with open(a.out, "w", encoding="utf-8") as out, mp.Pool(a.workers) as pool:
        for part in in_order(pool, a.parts, a.workers + 1):
            for doc, lines, hashes in part:
                kept = []
                for line, h in zip(lines, hashes):
                    if h is None:
                        kept.append(line)
                        continue
                    lines_in += 1
                    if h in seen:
                        lines_dropped += 1
                        continue
                    seen.add(h)
                    kept.append(line)
                doc["text"] = "\n".join(kept)
                out.write(json.dumps(doc, ensure_ascii=False))
                out.write("\n")
                docs += 1
    print(
        "ccnet-style: %d docs, %d paragraphs, %d dropped as repeats, %d distinct hashes"
        % (docs, lines_in, lines_dropped, len(seen)),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
