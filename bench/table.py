#!/usr/bin/env python3
"""Turns the rows measure.py wrote into the comparison table (markdown), prints it, and puts
it into bench/results.md as the section for this corpus size, keeping the other sizes' sections.

    python3 bench/table.py --rows ROWS.jsonl --corpus CORPUS.json --results bench/results.md \
        --label 250MB --command "BENCH_MB=250 bench/compare.sh"
"""

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time

REF = "deboil --threads 2"


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=20).stdout.strip()
    except Exception:
        return ""


def machine():
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = "%.0f GiB" % (kb / 2**20)
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": mem,
        "os": sh(". /etc/os-release && echo $PRETTY_NAME") or platform.platform(),
        "kernel": platform.release(),
        "rustc": sh("rustc --version"),
        "python": sh("python3 --version"),
        "load": sh("cut -d' ' -f1-3 /proc/loadavg"),
    }


def fmt(x, f):
    return f % x if x is not None else "-"


def render(rows, corpus, label, command, commit):
    ref = next((r for r in rows if r["tool"].startswith(REF) and r["ok"]), None)
    if ref and "NOT the JSONL" in ref["tool"]:
        ref = None  # a ratio to a deboil that did not run the JSONL pipeline means nothing
    out = []
    out.append("## %s corpus" % label)
    out.append("")
    out.append(
        "Measured %s on commit `%s`. Input: %d gzipped JSONL parts, %.1f MB of JSONL (%.1f MB gzipped), "
        "%d documents, %d paragraphs (non-empty lines); planted: %d whole-document copies, %d exact and "
        "%d near paragraph copies."
        % (
            time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            commit,
            corpus["parts"],
            corpus["bytes"] / 1e6,
            corpus["gz_bytes"] / 1e6,
            corpus["docs"],
            corpus.get("paragraphs", 0),
            corpus["doc_copies"],
            corpus["para_exact_copies"],
            corpus["para_near_copies"],
        )
    )
    out.append("")
    out.append("Command: `%s`" % command)
    out.append("")
    out.append("| tool | task | wall s | MB/s | CPU s (user+sys) | peak RSS MiB (largest process) | peak PSS MiB (process tree) | wall / deboil -t2 | paragraphs out |")
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        if r.get("skipped"):
            out.append("| %s | %s | not run: %s | | | | | | |" % (r["tool"], r["task"], r["skipped"]))
            continue
        if not r["ok"]:
            out.append(
                "| %s | %s | failed (exit %s after %.1f s) | | | | | | |"
                % (r["tool"], r["task"], r["status"], r["wall_s"])
            )
            continue
        ratio = "%.2fx" % (r["wall_s"] / ref["wall_s"]) if ref and ref["wall_s"] > 0 else "-"
        out.append(
            "| %s | %s | %.2f | %s | %s | %s | %s | %s | %s |"
            % (
                r["tool"],
                r["task"],
                r["wall_s"],
                fmt(r["mb_per_s"], "%.1f"),
                fmt(r.get("cpu_s"), "%.1f"),
                fmt(r["max_rss_mib"], "%.0f"),
                fmt(r["tree_pss_mib"], "%.0f"),
                ratio,
                "{:,}".format(r["paragraphs_out"]) if r.get("paragraphs_out") is not None else "-",
            )
        )
    loads = [r["load1_before"] for r in rows if "load1_before" in r]
    if loads:
        out.append("")
        out.append(
            "One-minute load average before each run: %s (2 cores, shared: above 2, other work was running)."
            % ", ".join("%.1f" % x for x in loads)
        )
    out.append("")
    return "\n".join(out)


HEADER = """# Whole-process comparison: deboil beside its peers

Written by `bench/compare.sh` (`make bench`); each section is one run on one corpus size, and a
new run replaces only its own size's section. MB/s is uncompressed JSONL MB in / wall seconds.
"Peak RSS" is the largest single process (GNU time); "peak PSS" sums the proportional set size
over the whole process tree, sampled every 50 ms (what a multi-process tool really holds).
"CPU s" is user + system time of the command and all its descendants: on a shared machine it
moves less with other people's load than wall time does.
"wall / deboil -t2" is the tool's wall time over `deboil clean --threads 2`'s on the same files.
"Paragraphs out" counts the non-empty lines of the text fields the tool wrote (for dolma: the
paragraphs in, less the duplicate spans it marked), to show each tool did its work; deboil's
count is also lowered by its rules and learned boilerplate, which the others do not have.
How each peer is run, and what it does and does not do, is in bench/README.md.
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--label", required=True)
    ap.add_argument("--command", required=True)
    ap.add_argument("--commit", default=sh("git rev-parse --short HEAD") or "?")
    ap.add_argument("--notes", default="", help="file with peer notes (versions, skips) to append")
    a = ap.parse_args()

    with open(a.rows) as f:
        rows = [json.loads(l) for l in f if l.strip()]
    with open(a.corpus) as f:
        corpus = json.load(f)
    section = render(rows, corpus, a.label, a.command, a.commit)
    m = machine()
    facts = (
        "Machine: %s, %s cores, %s, %s (kernel %s), %s, %s; load average at the end %s."
        % (m["cpu"], m["cores"], m["memory"], m["os"], m["kernel"], m["rustc"], m["python"], m["load"])
    )
    section += "\n" + facts + "\n"
    if a.notes and os.path.exists(a.notes):
        with open(a.notes) as f:
            notes = f.read().strip()
        if notes:
            section += "\nNotes: " + notes.replace("\n", "; ") + "\n"
    print(section)

    old = ""
    if os.path.exists(a.results):
        with open(a.results) as f:
            old = f.read()
    block = "<!-- size:%s -->\n%s<!-- /size -->\n" % (a.label, section)
    mine = re.compile(r"<!-- size:%s -->\n.*?<!-- /size -->\n" % re.escape(a.label), re.S)
    if mine.search(old):
        # replaced in place: hand-written sections (`<!-- size:threads -->`, `<!-- perf2 -->`,
        # ...) and everything else in the file stay where they are
        body = mine.sub(lambda _: block, old, count=1)
    else:
        sections = {}
        for m_ in re.finditer(r"<!-- size:(\S+) -->\n(.*?)<!-- /size -->\n", old, re.S):
            sections[m_.group(1)] = m_.group(2)
        sections[a.label] = section

        def size(k):
            m_ = re.match(r"[\d.]+", k)
            return float(m_.group()) if m_ else 0.0

        # what follows the last size section (hand-written notes) is kept after them
        ends = [m_.end() for m_ in re.finditer(r"<!-- /size -->\n", old)]
        rest = old[ends[-1]:] if ends else ""
        order = sorted(sections, key=size)
        body = (
            HEADER
            + "\n"
            + "".join("<!-- size:%s -->\n%s<!-- /size -->\n" % (k, sections[k]) for k in order)
            + rest
        )
    tmp = a.results + ".tmp"
    with open(tmp, "w") as f:
        f.write(body)
    os.replace(tmp, a.results)
    print("wrote %s (section %s)" % (a.results, a.label), file=sys.stderr)


if __name__ == "__main__":
    main()
