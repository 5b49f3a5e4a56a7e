#!/usr/bin/env python3
"""Independent check of Parquet files written by dedupbench (used by the Swift interop tests).

Usage: check_parquet.py FILE...
       check_parquet.py --write-samples DIR   (pyarrow writes sample files, then checks them)

For each file: read it with pyarrow, run validate(full=True), read it again with polars and duckdb,
and print one JSON object per line with the schema, row counts, merged column statistics and every
value in a canonical text form the Swift test reproduces:
  string -> hex of the UTF-8 bytes, binary -> hex, integers/dates/timestamps -> decimal
  (timestamps as microseconds since the epoch, dates as days), double -> decimal of its IEEE bits,
  boolean -> "true"/"false", null -> null.
"""
import json
import struct
import sys

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq


def canonical_column(col):
    t = col.type
    if pa.types.is_timestamp(t):
        return [None if v is None else str(v) for v in col.cast(pa.int64()).to_pylist()]
    if pa.types.is_date32(t):
        return [None if v is None else str(v) for v in col.cast(pa.int32()).to_pylist()]
    values = col.to_pylist()
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return [None if v is None else v.encode("utf-8").hex() for v in values]
    if pa.types.is_binary(t) or pa.types.is_large_binary(t):
        return [None if v is None else v.hex() for v in values]
    if pa.types.is_floating(t):
        return [None if v is None else str(struct.unpack("<q", struct.pack("<d", v))[0]) for v in values]
    if pa.types.is_boolean(t):
        return [None if v is None else ("true" if v else "false") for v in values]
    return [None if v is None else str(v) for v in values]


def canonical_stat(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return v.encode("utf-8").hex()
    if isinstance(v, bytes):
        return v.hex()
    if isinstance(v, float):
        return str(struct.unpack("<q", struct.pack("<d", v))[0])
    if hasattr(v, "toordinal") and not hasattr(v, "hour"):  # date -> days since epoch
        return str(v.toordinal() - 719163)
    if hasattr(v, "timestamp"):  # datetime -> microseconds since epoch
        import datetime
        epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
        return str((v - epoch) // datetime.timedelta(microseconds=1))
    return str(v)


def merged_stats(md, j):
    nulls, lo, hi, have = 0, None, None, True
    for i in range(md.num_row_groups):
        s = md.row_group(i).column(j).statistics
        if s is None:
            have = False
            continue
        nulls += s.null_count
        if s.has_min_max:
            lo = s.min if lo is None or s.min < lo else lo
            hi = s.max if hi is None or s.max > hi else hi
    return {"present": have, "null_count": nulls, "min": canonical_stat(lo), "max": canonical_stat(hi)}


def check(path):
    pf = pq.ParquetFile(path)
    md = pf.metadata
    table = pq.read_table(path)
    table.validate(full=True)
    polars_df = pl.read_parquet(path)
    polars_same = polars_df.to_arrow().cast(table.schema).equals(table) if polars_df.height == table.num_rows else False
    con = duckdb.connect()
    duck_rows = con.execute("SELECT count(*) FROM read_parquet(?)", [path]).fetchone()[0]
    con.close()
    codecs = sorted({md.row_group(i).column(j).compression for i in range(md.num_row_groups) for j in range(md.num_columns)})
    return {
        "file": path,
        "rows": table.num_rows,
        "metadata_rows": md.num_rows,
        "row_groups": md.num_row_groups,
        "created_by": md.created_by,
        "codecs": codecs,
        "schema": [[f.name, str(f.type), f.nullable] for f in table.schema],
        "columns": {name: canonical_column(table.column(name)) for name in table.column_names},
        "stats": {md.schema.column(j).name: merged_stats(md, j) for j in range(md.num_columns)},
        "polars_same": polars_same,
        "duckdb_rows": duck_rows,
    }


def write_samples(out_dir):
    """Files from an independent writer for our reader: dictionary fallback, v1 and v2 pages, codecs."""
    n = 20000
    table = pa.table({
        "s": pa.array([["a", None, "héllo", "", "日本"][i % 5] if i % 3 else f"v{i}" for i in range(n)]),
        "i": pa.array([None if i % 7 == 0 else (i * 37) % 1000 - 500 for i in range(n)], pa.int32()),
        "l": pa.array([i * 1_000_003 - 7 for i in range(n)], pa.int64()),
        "d": pa.array([None if i % 11 == 0 else i / 8 - 100 for i in range(n)], pa.float64()),
        "b": pa.array([None if i % 13 == 0 else i % 3 == 0 for i in range(n)], pa.bool_()),
        "ts": pa.array([-86_400_000_123 + i * 1_000_001 for i in range(n)], pa.timestamp("us", tz="UTC")),
        "dt": pa.array([None if i % 5 == 0 else i - 9000 for i in range(n)], pa.date32()),
        "bin": pa.array([None if i % 4 == 1 else bytes([i % 256, (i * 7) % 256]) * (i % 3) for i in range(n)]),
    })
    variants = [
        ("pa-v1-snappy-dict.parquet", dict(compression="snappy", data_page_size=2000, row_group_size=7000,
                                           dictionary_pagesize_limit=3000)),
        ("pa-v2-zstd.parquet", dict(compression="zstd", data_page_version="2.0", data_page_size=4000)),
        ("pa-v1-gzip-plain.parquet", dict(compression="gzip", use_dictionary=False)),
        ("pa-v2-none.parquet", dict(compression="none", data_page_version="2.0", use_dictionary=False)),
    ]
    for name, kwargs in variants:
        path = f"{out_dir}/{name}"
        pq.write_table(table, path, **kwargs)
        print(json.dumps(check(path)))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--write-samples":
        write_samples(sys.argv[2])
        return
    for path in sys.argv[1:]:
        try:
            print(json.dumps(check(path)))
        except Exception as e:  # report per file, keep going
            print(json.dumps({"file": path, "error": f"{type(e).__name__}: {e}"}))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    sys.stderr.flush()
    import os
    os._exit(0)  # skip interpreter teardown: pyarrow + polars + duckdb sometimes abort in it
