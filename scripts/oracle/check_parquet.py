#!/usr/bin/env python3
"""Independent check of Parquet files written by dedupbench (used by the Swift interop tests).

Usage: check_parquet.py FILE...

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


def main():
    for path in sys.argv[1:]:
        try:
            print(json.dumps(check(path)))
        except Exception as e:  # report per file, keep going
            print(json.dumps({"file": path, "error": f"{type(e).__name__}: {e}"}))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
