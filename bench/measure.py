#!/usr/bin/env python3
"""Runs one benchmark command and records wall time and memory as one JSON line (stdlib only).

    python3 bench/measure.py --rows ROWS.jsonl --tool NAME --task TEXT --mb MB --log LOG -- CMD...

Wall seconds and the largest single process's peak RSS come from GNU time (`/usr/bin/time -v`)
when it is installed, else from this process's clock and getrusage(RUSAGE_CHILDREN). The peak
of the whole process tree's memory (the sum of PSS, proportional set size, over the command and
all its descendants: a multi-process tool's real footprint) is sampled from /proc every 50 ms.
A command that fails or times out is recorded with its exit status and no speed.
"""

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time

GNU_TIME = "/usr/bin/time"


def children_of(pid):
    kids = []
    try:
        for tid in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/children" % (pid, tid)) as f:
                kids.extend(int(x) for x in f.read().split())
    except OSError:
        pass
    return kids


def tree_pss_kb(root):
    total, todo, seen = 0, [root], set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            with open("/proc/%d/smaps_rollup" % pid) as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
        todo.extend(children_of(pid))
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", required=True)
    ap.add_argument("--tool", required=True)
    ap.add_argument("--task", required=True)
    ap.add_argument("--mb", type=float, required=True, help="uncompressed input MB")
    ap.add_argument("--log", required=True)
    ap.add_argument("--timeout", type=float, default=3600)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    use_time = os.access(GNU_TIME, os.X_OK)
    timefile = a.log + ".time"
    full = [GNU_TIME, "-v", "-o", timefile] + cmd if use_time else cmd

    with open("/proc/loadavg") as f:
        load1 = float(f.read().split()[0])
    peak_tree = 0
    t0 = time.monotonic()
    with open(a.log, "wb") as log:
        p = subprocess.Popen(full, stdout=log, stderr=subprocess.STDOUT)
        status = None
        while True:
            try:
                status = p.wait(timeout=0.05)
                break
            except subprocess.TimeoutExpired:
                pass
            peak_tree = max(peak_tree, tree_pss_kb(p.pid))
            if time.monotonic() - t0 > a.timeout:
                p.kill()
                p.wait()
                status = "timeout"
                break
    wall = time.monotonic() - t0
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    maxrss_kb = ru.ru_maxrss
    cpu = ru.ru_utime + ru.ru_stime
    source = "getrusage"
    if use_time and os.path.exists(timefile):
        with open(timefile) as f:
            t = f.read()
        m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", t)
        if m:
            wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", t)
        if m:
            maxrss_kb = int(m.group(1))
        m = re.search(r"User time \(seconds\): ([\d.]+)\s+System time \(seconds\): ([\d.]+)", t)
        if m:
            cpu = float(m.group(1)) + float(m.group(2))
        m = re.search(r"Exit status: (\d+)", t)
        if m and status != "timeout":
            status = int(m.group(1))
        source = "GNU time"
    ok = status == 0
    row = {
        "tool": a.tool,
        "task": a.task,
        "ok": ok,
        "status": status,
        "wall_s": round(wall, 2),
        "mb": a.mb,
        "mb_per_s": round(a.mb / wall, 1) if ok and wall > 0 else None,
        "cpu_s": round(cpu, 2),
        "max_rss_mib": round(maxrss_kb / 1024, 1),
        "tree_pss_mib": round(peak_tree / 1024, 1),
        "measured_by": source,
        "load1_before": load1,
        "cmd": " ".join(cmd),
        "log": a.log,
    }
    with open(a.rows, "a") as f:
        f.write(json.dumps(row) + "\n")
    print(
        "  %-28s %8.2f s  %s  max RSS %.0f MiB, tree PSS %.0f MiB%s"
        % (
            a.tool,
            wall,
            ("%7.1f MB/s" % row["mb_per_s"]) if ok else "   FAILED  ",
            row["max_rss_mib"],
            row["tree_pss_mib"],
            "" if ok else "  (exit %s; see %s)" % (status, a.log),
        ),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
