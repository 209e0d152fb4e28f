#!/usr/bin/env python3
"""Regroup a dev-set score (`score.py --json FILE`) into two fixed halves of the collection.

TUNE holds the pages whose md5("set/id") is even, HOLDOUT the odd ones. Tune on TUNE, check on
HOLDOUT: a change that helps only TUNE is fitting the pages, not the debris. The pages stay in
../shared/devset; this script only reads score.py's per-page results.

    python3 ../shared/devset/score.py --cmd '...' --json /tmp/s.json
    python3 tools/devset_halves.py /tmp/s.json [/tmp/other.json ...]
"""
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORE = Path(HERE, "..", "..", "shared", "devset", "score.py").resolve()


def load_aggregate():
    spec = importlib.util.spec_from_file_location("score", SCORE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.aggregate


def half(page):
    digest = hashlib.md5(f"{page['set']}/{page['id']}".encode()).digest()
    return "TUNE" if digest[-1] % 2 == 0 else "HOLDOUT"


def main():
    aggregate = load_aggregate()
    cols = ["with_kept", "without_removed", "snip_F1", "tok_P", "tok_R", "tok_F1", "sh_F1", "dup_lines"]
    print(f"{'file':28} {'half':8} {'pages':>5} " + " ".join(f"{c[:9]:>9}" for c in cols))
    for path in sys.argv[1:]:
        pages = json.load(open(path))["pages"]
        for name in ("TUNE", "HOLDOUT"):
            agg = aggregate([p for p in pages if half(p) == name])
            vals = " ".join(f"{agg.get(c, float('nan')):9.3f}" for c in cols)
            print(f"{Path(path).name[:28]:28} {name:8} {agg['pages']:5} {vals}")


if __name__ == "__main__":
    main()
