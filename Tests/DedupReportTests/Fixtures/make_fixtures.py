#!/usr/bin/env python3
"""Writes the crafted result sets used by the report tests (deterministic; rerun to regenerate).

Values are plausible, not measured: they exercise every table column, chart and finding.
The column order is ResultColumns.all (Sources/DedupPipeline/Metrics/ResultColumns.swift).
"""
import csv, hashlib, json, os, random

COLUMNS = ("experiment cell_id run_id repeat seed strategy source mode scale batches dup_prob slow_prob "
           "drop_prob hash_algorithm hash_encoding codec params records_in unique_in duplicates_in dropped_in "
           "rows_written duplicates_left lost_records files_written commits bytes_written table_bytes live_bytes "
           "put_requests get_requests s3_storage_usd_month s3_request_usd s3_total_usd wall_s gen_s hash_s "
           "dedup_s write_s throughput_rps peak_rss_bytes cpu_s checksum status error attempts").split()
HERE = os.path.dirname(os.path.abspath(__file__))
SPEED = {"bronze_append": 9.0e5, "polars_merge": 6.2e5, "eager_dedup": 7.1e5, "delta_merge": 3.1e5}


def g(x):
    return repr(float(x)) if not float(x).is_integer() else str(int(x))


def run_row(experiment, swept, base, repeat, rng, status="ok", error=""):
    p = dict(base, **swept)
    params = json.dumps(swept, sort_keys=True, separators=(",", ":"))
    cell = hashlib.sha256((experiment + params).encode()).hexdigest()[:16]
    n = int(p["scale"])
    dups = int(n * p["dup_prob"])
    unique = n
    records = n + dups
    keeps = p["strategy"] == "bronze_append"
    rows = records if keeps else unique
    per_row = 52 if p["hash_encoding"] == "binary" else 118
    per_row += {"sha256": 0, "md5": -16, "xxh64": -24}[p["hash_algorithm"]] * (2 if p["hash_encoding"] == "hex" else 1)
    table = rows * per_row + 4096
    rewrite = 1.0 + (0.35 * (n / 1e5) ** 0.3 if p["strategy"] == "delta_merge" else 0.0)
    written = int(table * rewrite)
    files = 10 * (2 if p["strategy"] == "delta_merge" else 1)
    speed = SPEED[p["strategy"]] * (1 - 0.3 * p["dup_prob"]) * {"sha256": 1.0, "md5": 1.1, "xxh64": 1.3}[p["hash_algorithm"]]
    if p["strategy"] == "delta_merge":
        speed /= (n / 1e5) ** 0.25
    speed *= rng.uniform(0.95, 1.05)
    wall = records / speed
    gen, hsh = wall * 0.2, wall * {"sha256": 0.25, "md5": 0.2, "xxh64": 0.1}[p["hash_algorithm"]]
    dedup = wall * (0.05 if keeps else 0.25)
    write = wall - gen - hsh - dedup - wall * 0.03
    storage_usd = table / 2**30 * 0.023
    request_usd = (files + 10) * 0.005 / 1000
    r = dict(experiment=experiment, cell_id=cell, run_id=f"{cell}-{repeat}", repeat=repeat,
             seed=str(int(hashlib.sha256(f"{cell}/{repeat}".encode()).hexdigest()[:15], 16)),
             strategy=p["strategy"], source="synthetic", mode="chaos", scale=n, batches=10,
             dup_prob=g(p["dup_prob"]), slow_prob="0.05", drop_prob="0",
             hash_algorithm=p["hash_algorithm"], hash_encoding=p["hash_encoding"], codec="snappy", params=params,
             records_in=records, unique_in=unique, duplicates_in=dups, dropped_in=0, rows_written=rows,
             duplicates_left=dups if keeps else 0, lost_records=0, files_written=files, commits=10,
             bytes_written=written, table_bytes=table, live_bytes=table, put_requests=files + 10,
             get_requests=0 if keeps else files, s3_storage_usd_month=g(round(storage_usd, 10)),
             s3_request_usd=g(round(request_usd, 10)), s3_total_usd=g(round(storage_usd + request_usd, 10)),
             wall_s=g(round(wall, 4)), gen_s=g(round(gen, 4)), hash_s=g(round(hsh, 4)),
             dedup_s=g(round(dedup, 4)), write_s=g(round(write, 4)), throughput_rps=g(round(speed, 1)),
             peak_rss_bytes=int(2e8 + n * 150 * rng.uniform(0.98, 1.02)), cpu_s=g(round(wall * 1.6, 4)),
             checksum=hashlib.sha256(f"{cell}{repeat}".encode()).hexdigest()[:32], status=status, error=error,
             attempts=1)
    if status != "ok":
        for k in ("rows_written", "duplicates_left", "lost_records", "files_written", "commits", "bytes_written",
                  "table_bytes", "live_bytes", "put_requests", "get_requests", "s3_storage_usd_month",
                  "s3_request_usd", "s3_total_usd", "gen_s", "hash_s", "dedup_s", "write_s", "throughput_rps",
                  "checksum"):
            r[k] = ""
        r["attempts"] = 3
    return r


def write(name, experiment, rows, manifest_extra=None):
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "results.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    manifest = {
        "schema_version": 1, "experiment": {"name": experiment, "file": f"experiments/{experiment}.yaml",
                                            "sha256": hashlib.sha256(experiment.encode()).hexdigest()},
        "git": {"commit": "3f2c9a1b7d4e5f60718293a4b5c6d7e8f9012345", "dirty": False},
        "host": "bench-01", "cpu_model": "Intel(R) Xeon(R) CPU @ 2.20GHz", "cores": 2,
        "memory_bytes": 25769803776, "os": "Ubuntu 24.04 LTS (Linux 6.8)", "swift_version": "6.3.1",
        "build_configuration": "release", "price_table": {"name": "aws-s3-standard-us-east-1", "version": "2025-01"},
        "started_at": "2025-06-01T10:00:00Z", "finished_at": "2025-06-01T10:42:13Z",
    }
    manifest.update(manifest_extra or {})
    with open(os.path.join(d, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


BASE = dict(scale=100000, dup_prob=0.1, strategy="bronze_append", hash_algorithm="sha256", hash_encoding="hex")

rng = random.Random(7)
rows = []
for s in SPEED:
    for dp in (0.0, 0.1, 0.3):
        for rep in range(3):
            status, err = "ok", ""
            if s == "delta_merge" and dp == 0.3 and rep == 2:
                status, err = "failed", "commit conflict: version 7 already exists | retried 3×"
            if s == "eager_dedup" and dp == 0.1 and rep == 1:
                status, err = "timeout", "killed after 600 s"
            rows.append(run_row("dup-sweep", {"strategy": s, "dup_prob": dp}, BASE, rep, rng, status, err))
write("report-sweep", "dup-sweep", rows, {"charts": [
    {"type": "line", "x": "dup_prob", "y": "peak_rss_bytes", "series": "strategy", "title": "Peak memory"},
    {"type": "throughput", "x": "no_such_axis"}]})

rng = random.Random(11)
rows = []
for s in ("bronze_append", "delta_merge"):
    for n in (10000, 100000, 1000000):
        for rep in range(3):
            rows.append(run_row("scale", {"strategy": s, "scale": n}, BASE, rep, rng))
write("report-scale", "scale", rows)

rng = random.Random(13)
rows = []
for a in ("sha256", "md5", "xxh64"):
    for e in ("hex", "binary"):
        for rep in range(3):
            rows.append(run_row("hash", {"hash_algorithm": a, "hash_encoding": e}, BASE, rep, rng))
write("report-hash", "hash", rows)

# Hostile labels: quotes, backticks, a newline, a pipe and gnuplot/shell syntax in user-controlled text.
rng = random.Random(17)
evil = "x`touch /tmp/dedupbench-pwned`'\" |\nsystem(\"id\") @m"
rows = []
for tag in ("plain", evil):
    for rep in range(2):
        r = run_row("evil `name` | 'q'", {"strategy": "eager_dedup", "tag": tag}, BASE, rep, rng)
        rows.append(r)
rows[-1]["status"], rows[-1]["error"] = "failed", "boom | `rm -rf /`\nsecond line"
write("report-evil", "evil `name` | 'q'", rows)
