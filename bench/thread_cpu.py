#!/usr/bin/env python3
"""CPU time per thread of a command, by thread name, without relying on wall time.

Usage: python3 bench/thread_cpu.py [--json] -- deboil clean ... 

Polls /proc/<pid>/task/*/schedstat (nanoseconds on a CPU) every few milliseconds and keeps each
thread's last value (a thread that ends loses at most one poll interval). deboil names its
threads: deboil (main: applying, rendering, writing, the report), deboil-read (pass 2: reading,
decompressing, parsing JSONL), deboil-strip (hands each batch to the pool for splitting, rules and
dedup signatures), deboil-corpus (the corpus stage's sequential deciding), deboil-learn (pass 1's reader), deboil-count (pass 1's counting of line keys), deboil-pool-N (the rayon workers).
CPU time spent by the pool while pass 1 ran (until deboil-learn ends) is shown apart.

"serial" is the CPU of every thread that is not a pool worker: with two workers and the
stages overlapping, the wall time is bounded below by the busiest of those single threads and
by total/2; the Amdahl share printed is the non-pool CPU over the total.
"""
import json
import os
import subprocess
import sys
import time


def snapshot(pid):
    out = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                ns = int(f.read().split()[0])
        except (FileNotFoundError, ProcessLookupError, ValueError, IndexError):
            continue
        out[int(tid)] = (name, ns)
    return out


def main():
    args = sys.argv[1:]
    as_json = False
    if args and args[0] == "--json":
        as_json = True
        args = args[1:]
    if args and args[0] == "--":
        args = args[1:]
    started = time.time()
    proc = subprocess.Popen(args)
    last = {}
    learn_seen = False
    pass1_pool = None
    while proc.poll() is None:
        snap = snapshot(proc.pid)
        for tid, v in snap.items():
            last[tid] = v
        names = {n for n, _ in snap.values()}
        if "deboil-learn" in names:
            learn_seen = True
        elif learn_seen and pass1_pool is None:
            pass1_pool = sum(ns for n, ns in snap.values() if n.startswith("deboil-pool"))
        time.sleep(0.003)
    wall = time.time() - started
    by_name = {}
    for name, ns in last.values():
        by_name[name] = by_name.get(name, 0) + ns / 1e9
    total = sum(by_name.values())
    pool = sum(v for k, v in by_name.items() if k.startswith("deboil-pool"))
    serial = total - pool
    result = {
        "wall_s": round(wall, 3),
        "cpu_s": round(total, 3),
        "threads": {k: round(v, 3) for k, v in sorted(by_name.items())},
        "pool_s": round(pool, 3),
        "pool_pass1_s": None if pass1_pool is None else round(pass1_pool / 1e9, 3),
        "serial_s": round(serial, 3),
        "serial_share": round(serial / total, 3) if total else None,
        "busiest_serial_thread_share": round(
            max((v for k, v in by_name.items() if not k.startswith("deboil-pool")), default=0)
            / total,
            3,
        )
        if total
        else None,
        "exit": proc.returncode,
    }
    if as_json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k}: {v}", file=sys.stderr)
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
