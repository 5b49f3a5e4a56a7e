#!/usr/bin/env python3
"""The Python reference pipeline: what a user would otherwise run (the seed's stack, Polars +
delta-rs + polars-hash), to compare dedupbench with end to end (`make bench-reference`).

Usage: pipeline.py --strategy S --scale N --out DIR [--dup-prob 0.1] [--slow-prob 0.1]
                   [--batches 10] [--seed 42] [--codec snappy]

Generates the seed's schema (message_id 8 chars of [a-z0-9], sequence_id, partition_id of 3,
created_at µs UTC from 2025-01-13 at 2 events/s, value in [100, 10000), zipcode 5 digits,
partition_date) vectorised in Polars, with the same chaos as dedupbench's `mode: speed` model
(a slow share displaced later by slow_delay × rate positions, a duplicate share redelivered
redelivery_delay × rate positions after the original, then a stable sort by delivery slot). The rows
are not byte-identical to dedupbench's (different random streams), the shape and rates are.
Hashes: sha256 hex of the composite key (message_id‖sequence_id‖partition_id, as concat_str) and of
the payload (the six fields `|`-separated), both with polars-hash. Per micro-batch:

- bronze_append: write_deltalake(mode="append"), partitioned by partition_date;
- eager_dedup: drop keys seen in this batch or earlier (seen keys kept in memory, as dedupbench
  does), append;
- polars_merge: last per message_id by created_at within the batch, then an incremental Delta
  MERGE on message_id (when matched update all, when not matched insert all);
- delta_merge: last arrival per (message_id, sequence_id, partition_id, partition_date), then an
  incremental Delta MERGE on those columns.

Then it verifies what it wrote, as dedupbench does: reads the table back and checks the row count
and that no key is duplicated (dedup strategies). Prints one JSON object: strategy, scale, rows,
seconds (in-process, end to end), gen_s, write_s, verify_s.
"""
import argparse
import json
import os
import shutil
import sys
import time

import polars as pl
import polars_hash as plh
from deltalake import DeltaTable, WriterProperties, write_deltalake

START_US = 1_736_726_400_000_000  # 2025-01-13T00:00:00Z
RATE = 2.0  # events per second of event time
PARTITIONS = 3
SLOW_DELAY = (1.0, 5.0)  # seconds (config/sources/pubsub.yaml)
REDELIVERY_DELAY = (5.0, 30.0)
ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


def generate(n, dup_prob, slow_prob, seed):
    """All delivered records in delivery order (the chaos applied)."""
    seq = pl.int_range(0, n, dtype=pl.Int64, eager=True).alias("sequence_id")
    df = pl.DataFrame({"sequence_id": seq}).with_columns(
        h1=pl.col("sequence_id").hash(seed=seed),
        h2=pl.col("sequence_id").hash(seed=seed + 1),
        # a bijection of [0, 36^8): ids are unique, as dedupbench's are
        x=(pl.col("sequence_id") * 1_000_000_007 + seed) % (36**8),
    )
    chars = [
        pl.lit(ALPHABET).str.slice((pl.col("x") // (36**k)) % 36, 1) for k in range(8)
    ]
    slow_lo, slow_hi = (max(1, round(d * RATE)) for d in SLOW_DELAY)
    red_lo, red_hi = (max(1, round(d * RATE)) for d in REDELIVERY_DELAY)
    u = lambda col, shift: ((pl.col(col) // (1 << shift)) % 65536).cast(pl.Float64) / 65536.0
    df = df.select(
        pl.concat_str(chars).alias("message_id"),
        pl.col("sequence_id"),
        ((pl.col("h1") // (1 << 32)) % PARTITIONS).cast(pl.Int32).alias("partition_id"),
        (pl.lit(START_US) + (pl.col("sequence_id") * int(1_000_000 / RATE)))
        .cast(pl.Datetime("us", "UTC"))
        .alias("created_at"),
        (100 + pl.col("h1") % 9900).cast(pl.Int32).alias("value"),
        ((pl.col("h2") // (1 << 32)) % 100_000).cast(pl.String).str.zfill(5).alias("zipcode"),
        (
            pl.col("sequence_id")
            + pl.when(u("h2", 0) < slow_prob)
            .then(slow_lo + (u("h2", 16) * (slow_hi - slow_lo + 1)).cast(pl.Int64))
            .otherwise(0)
        ).alias("slot"),
        (u("h1", 0) < dup_prob).alias("dup"),
        (red_lo + (u("h1", 16) * (red_hi - red_lo + 1)).cast(pl.Int64)).alias("redelivery"),
    )
    dups = df.filter("dup").with_columns(slot=pl.col("slot") + pl.col("redelivery"))
    return (
        pl.concat([df, dups])
        .sort("slot", maintain_order=True)
        .drop("slot", "dup", "redelivery")
    )


def with_hashes(batch):
    """Both hash columns (sha256 hex) and partition_date, as the seed adds them."""
    key = pl.concat_str(["message_id", "sequence_id", "partition_id"])
    payload = pl.concat_str(
        ["message_id", "sequence_id", "partition_id", pl.col("created_at").dt.epoch("us"), "value", "zipcode"],
        separator="|",
    )
    return (
        batch.with_columns(_key=key, _payload=payload)
        .with_columns(
            composite_hash=plh.col("_key").chash.sha2_256(),
            payload_hash=plh.col("_payload").chash.sha2_256(),
            partition_date=pl.col("created_at").dt.date(),
        )
        .drop("_key", "_payload")
    )


def merge(path, source, keys, props):
    if not os.path.exists(os.path.join(path, "_delta_log")):
        write_deltalake(path, source, partition_by=["partition_date"], writer_properties=props)
        return
    predicate = " AND ".join(f"t.{k} = s.{k}" for k in keys)
    if "partition_date" in keys:
        # literal partition values let delta-rs skip the other partitions' files (what a careful user writes)
        dates = ", ".join(f"'{d}'" for d in source["partition_date"].unique().sort().cast(pl.String))
        predicate += f" AND t.partition_date IN ({dates})"
    (
        DeltaTable(path)
        .merge(source=source, predicate=predicate, source_alias="s", target_alias="t", writer_properties=props)
        .when_matched_update_all()
        .when_not_matched_insert_all()
        .execute()
    )


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--strategy", required=True, choices=["bronze_append", "eager_dedup", "polars_merge", "delta_merge"])
    p.add_argument("--scale", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--dup-prob", type=float, default=0.1)
    p.add_argument("--slow-prob", type=float, default=0.1)
    p.add_argument("--batches", type=int, default=10)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--codec", default="snappy")
    a = p.parse_args()

    started = time.perf_counter()
    path = os.path.join(a.out, a.strategy)
    shutil.rmtree(path, ignore_errors=True)
    props = WriterProperties(compression=a.codec.upper())
    records = generate(a.scale, a.dup_prob, a.slow_prob, a.seed)
    gen_s = time.perf_counter() - started
    n = records.height
    seen = None
    t_write = time.perf_counter()
    for b in range(a.batches):
        lo, hi = b * n // a.batches, (b + 1) * n // a.batches
        if lo == hi:
            continue
        batch = with_hashes(records.slice(lo, hi - lo))
        if a.strategy == "bronze_append":
            write_deltalake(path, batch, mode="append", partition_by=["partition_date"], writer_properties=props)
        elif a.strategy == "eager_dedup":
            fresh = batch.unique(subset=["composite_hash"], keep="first", maintain_order=True)
            if seen is not None:
                fresh = fresh.join(seen, on="composite_hash", how="anti")
            seen = fresh.select("composite_hash") if seen is None else pl.concat([seen, fresh.select("composite_hash")])
            write_deltalake(path, fresh, mode="append", partition_by=["partition_date"], writer_properties=props)
        elif a.strategy == "polars_merge":
            src = batch.sort("created_at", maintain_order=True).unique(subset=["message_id"], keep="last", maintain_order=True)
            merge(path, src, ["message_id"], props)
        else:
            keys = ["message_id", "sequence_id", "partition_id", "partition_date"]
            src = batch.unique(subset=keys, keep="last", maintain_order=True)
            merge(path, src, keys, props)
    write_s = time.perf_counter() - t_write

    t_verify = time.perf_counter()
    table = pl.read_delta(path, columns=["composite_hash"])
    rows = table.height
    distinct = table["composite_hash"].n_unique()
    if a.strategy == "bronze_append":
        ok = rows == n
    else:
        ok = rows == distinct == records.select(pl.concat_str(["message_id", "sequence_id", "partition_id"]).n_unique()).item()
    verify_s = time.perf_counter() - t_verify
    print(
        json.dumps(
            {
                "strategy": a.strategy,
                "scale": a.scale,
                "records_in": n,
                "rows_written": rows,
                "ok": ok,
                "total_s": time.perf_counter() - started,
                "gen_s": gen_s,
                "write_s": write_s,
                "verify_s": verify_s,
            }
        )
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
