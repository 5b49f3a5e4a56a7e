#!/usr/bin/env python3
"""End-to-end figures per strategy and scale: dedupbench alone (`make bench-pipeline`) or
alternating with the Python reference (`make bench-reference`, adds the ratio).

Usage: bench.py DEDUPBENCH OUT_DIR [--reference PYTHON] [--scales 1000000,10000000]
                [--strategies a,b] [--repeats 3] [--batches 10 | --batch-rows N] [--seed 42]

Each run is its own child process; its whole-process time and peak RSS come from wait4(2). Runs of
the two tools alternate (d, r, d, r, ...) so machine noise hits both alike; the figures are medians
of the repeats. Tables are deleted after each run (bronze_append at 100M is ~15 GB).
Columns: process_s = whole process (what the ratio compares, startup and imports included);
total_s, wall_s (ingest), verify_s = dedupbench's in-process figures (docs/RESULTS.md); rss = peak
resident memory of the process; cpu_s, ref_cpu = user + system CPU seconds of the process (on this
2-core machine a run cannot take less than cpu_s / 2 seconds, the floor its work sets).
--batch-rows N keeps micro-batches at N messages whatever the scale (batches = scale / N), so a
run from 1M to 100M shows whether peak RSS stays flat beyond the strategies' key indexes; without
it every scale is cut into --batches micro-batches (the issue's comparison with the reference).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CHAOS = ["--dup-prob", "0.1", "--slow-prob", "0.1"]


def run(cmd):
    """(stdout, seconds, peak RSS bytes, CPU seconds user + system) of one child process; raises on a non-zero exit."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.stdout.read(), p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} exited {p.returncode}\n{err.decode()[-2000:]}")
    return out.decode(), seconds, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime


def batches(scale, a):
    """Micro-batches for `scale` messages: --batches, or scale / --batch-rows (at least 1)."""
    return max(1, scale // a.batch_rows) if a.batch_rows else a.batches


def dedupbench(binary, strategy, scale, out, a):
    cmd = [binary, "pipeline", "--source", "synthetic", "--mode", "speed", "--scale", str(scale),
           "--strategy", strategy, "--batches", str(batches(scale, a)), "--hash", "sha256", "--hash-encoding", "hex",
           "--codec", "snappy", "--seed", str(a.seed), "--out", out, "--force", "--json", "--log-level", "warning"]
    text, seconds, rss, cpu = run(cmd + CHAOS)
    m = json.loads(text.strip().splitlines()[-1])
    if m["status"] != "ok":
        sys.exit(f"bench: dedupbench {strategy} {scale} failed: {m['error']}")
    return {"process_s": seconds, "total_s": m["total_s"], "wall_s": m["wall_s"], "verify_s": m["verify_s"], "rss": rss,
            "cpu": cpu}


def reference(python, strategy, scale, out, a):
    cmd = [python, os.path.join(HERE, "pipeline.py"), "--strategy", strategy, "--scale", str(scale),
           "--batches", str(batches(scale, a)), "--seed", str(a.seed), "--out", out]
    text, seconds, rss, cpu = run(cmd + CHAOS)
    m = json.loads(text.strip().splitlines()[-1])
    if not m["ok"]:
        sys.exit(f"bench: reference {strategy} {scale} did not verify: {m}")
    return {"process_s": seconds, "total_s": m["total_s"], "rss": rss, "cpu": cpu}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dedupbench")
    p.add_argument("out")
    p.add_argument("--reference", help="Python of the reference venv (omit: dedupbench only)")
    p.add_argument("--scales", default="1000000,10000000")
    p.add_argument("--strategies", default="bronze_append,eager_dedup,polars_merge,delta_merge")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--batches", type=int, default=10)
    p.add_argument("--batch-rows", type=int, default=0, help="messages per micro-batch (overrides --batches)")
    p.add_argument("--seed", type=int, default=42)
    a = p.parse_args()

    header = f"{'strategy':<14}{'scale':>10}{'total_s':>9}{'wall_s':>8}{'verify_s':>9}{'verify%':>8}{'process_s':>10}{'cpu_s':>7}{'rss_MB':>8}"
    if a.reference:
        header += f"{'ref_s':>8}{'ref_cpu':>8}{'ref_MB':>8}{'ratio':>7}"
    cut = f"micro-batches of {a.batch_rows} messages" if a.batch_rows else f"{a.batches} batches"
    print(f"medians of {a.repeats}; chaos dup 0.1 slow 0.1, {cut}, sha256 hex, snappy, seed {a.seed}")
    print(header)
    for scale in (int(s) for s in a.scales.split(",")):
        for strategy in a.strategies.split(","):
            ours, theirs = [], []
            for _ in range(a.repeats):
                ours.append(dedupbench(a.dedupbench, strategy, scale, os.path.join(a.out, "dedupbench"), a))
                shutil.rmtree(os.path.join(a.out, "dedupbench"), ignore_errors=True)
                if a.reference:
                    theirs.append(reference(a.reference, strategy, scale, os.path.join(a.out, "reference"), a))
                    shutil.rmtree(os.path.join(a.out, "reference"), ignore_errors=True)
            med = lambda rows, k: statistics.median(r[k] for r in rows)
            total = med(ours, "total_s")
            line = (f"{strategy:<14}{scale:>10}{total:>9.2f}{med(ours, 'wall_s'):>8.2f}{med(ours, 'verify_s'):>9.2f}"
                    f"{100 * med(ours, 'verify_s') / total:>7.0f}%{med(ours, 'process_s'):>10.2f}{med(ours, 'cpu'):>7.2f}"
                    f"{med(ours, 'rss') / 1e6:>8.0f}")
            if a.reference:
                ref = med(theirs, "process_s")
                line += f"{ref:>8.2f}{med(theirs, 'cpu'):>8.2f}{med(theirs, 'rss') / 1e6:>8.0f}{ref / med(ours, 'process_s'):>6.1f}x"
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
