#!/usr/bin/env python3
"""Times a command for benches/ratio.sh and benches/growth.sh.

    measure.py N [--fresh-in DIR] CMD...

Runs CMD N times with its output discarded and prints two numbers: the best wall time in
seconds (time.perf_counter around the run, finer than GNU time's 10 ms) and the largest peak
RSS in MB (GNU time's %M: a child forked from Python would count Python's own pages). With
--fresh-in, every `{fresh}` in CMD is
replaced, run by run, by a new empty folder made in DIR before the timer starts (an import
target), so making it is never timed.
"""
import os
import subprocess
import sys
import tempfile
import time


def main(argv):
    runs = int(argv[0])
    argv = argv[1:]
    fresh_in = None
    if argv[:1] == ["--fresh-in"]:
        fresh_in, argv = argv[1], argv[2:]
    if not os.access("/usr/bin/time", os.X_OK):
        sys.exit("measure.py needs GNU time for peak RSS: apt-get install time")
    best = None
    rss_kb = 0
    with tempfile.NamedTemporaryFile("r") as log:
        for _ in range(runs):
            cmd = argv
            if fresh_in is not None:
                fresh = tempfile.mkdtemp(prefix="imported.", dir=fresh_in)
                cmd = [a.replace("{fresh}", fresh) for a in argv]
            start = time.perf_counter()
            subprocess.run(
                ["/usr/bin/time", "-o", log.name, "-f", "%M", *cmd],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
            took = time.perf_counter() - start
            best = took if best is None else min(best, took)
            log.seek(0)
            lines = log.read().split()
            if lines:
                rss_kb = max(rss_kb, int(lines[-1]))
    print(f"{best:.3f} {rss_kb / 1024:.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
