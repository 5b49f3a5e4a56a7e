#!/usr/bin/env python3
"""Independent readers check Delta tables written by dedupbench.

Usage: check_delta.py SPEC.json      (prints one JSON result line per check; exit 1 if any fails)

SPEC = {"checks": [CHECK, ...]}. A CHECK is:
  name            label for messages
  table           table directory
  version         optional int: time travel (duckdb's delta_scan cannot, so it is skipped there)
  readers         optional subset of ["deltalake", "pyarrow", "polars", "duckdb"] (default: all)
  expected_rows   optional int
  expected_jsonl  optional path: the rows we meant to write, one JSON object per line, in the
                  canonical form below; its checksum must equal every reader's
  expected_schema optional [[name, delta_type], ...]: every reader's schema must match (any order)
  filters         optional [{"column", "op" (one of < <= = >= >), "value" (int; µs for timestamps,
                  days for dates, or a string), "expected_rows"}]: run with deltalake (pyarrow
                  dataset filters, which skip files by add.stats), polars (lazy scan) and duckdb
                  (WHERE) so stats-based file skipping is exercised
  expect_failure  optional bool: the check passes only if deltalake fails to read the table
                  (negative control, e.g. a wrong add.size)

Canonical row form (order-independent checksum = sha256 over the sorted JSON lines): timestamps
as int µs since the epoch, dates as int days, binary as lowercase hex, other values as JSON,
nulls as null, keys sorted.
"""
import datetime
import hashlib
import json
import os
import sys

import pyarrow as pa
import pyarrow.compute as pc

ARROW_TYPES = {
    "string": {"string", "large_string", "string_view"},
    "long": {"int64"},
    "integer": {"int32"},
    "double": {"double"},
    "boolean": {"bool"},
    "binary": {"binary", "large_binary", "binary_view", "fixed_size_binary[32]"},
    "date": {"date32[day]"},
    "timestamp": {"timestamp[us, tz=UTC]", "timestamp[us, tz=+00:00]", "timestamp[us, tz=Etc/UTC]"},
}


def canonical_table(t: pa.Table):
    """Rows of an arrow table in canonical JSON form (a sorted list of strings)."""
    cols = {}
    for name in t.column_names:
        c = t.column(name)
        ty = c.type
        if pa.types.is_timestamp(ty):
            c = pc.cast(c.cast(pa.timestamp("us", tz="UTC")), pa.int64())
        elif pa.types.is_date32(ty):
            c = pc.cast(c, pa.int32())
        elif pa.types.is_dictionary(ty):
            c = pc.cast(c, ty.value_type)
        cols[name] = c.to_pylist()
    names = sorted(cols)
    lines = []
    for i in range(t.num_rows):
        row = {}
        for n in names:
            v = cols[n][i]
            if isinstance(v, (bytes, bytearray)):
                v = v.hex()
            row[n] = v
        lines.append(json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":")))
    lines.sort()
    return lines


def checksum(lines):
    h = hashlib.sha256()
    for line in lines:
        h.update(line.encode())
        h.update(b"\n")
    return h.hexdigest()


def expected_lines(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.dumps(json.loads(line), sort_keys=True, ensure_ascii=False, separators=(",", ":")))
    out.sort()
    return out


def read_all(check):
    from deltalake import DeltaTable, QueryBuilder

    table, version = check["table"], check.get("version")
    readers = check.get("readers") or ["deltalake", "pyarrow", "polars", "duckdb"]
    out = {}
    dt = DeltaTable(table, version=version) if version is not None else DeltaTable(table)
    if "deltalake" in readers:  # delta-rs: DataFusion over arrow-rs' Parquet reader
        out["deltalake"] = pa.table(QueryBuilder().register("t", dt).execute("SELECT * FROM t").read_all())
    if "pyarrow" in readers:  # pyarrow's Parquet reader over the file list delta-rs resolved
        out["pyarrow"] = dt.to_pyarrow_dataset().to_table()
    if "polars" in readers:
        import polars as pl

        out["polars"] = (pl.read_delta(table, version=version) if version is not None else pl.read_delta(table)).to_arrow()
    if "duckdb" in readers and version is None:
        con = duckdb_connection()
        out["duckdb"] = con.execute(f"SELECT * FROM delta_scan('{table}')").fetch_arrow_table()
    return dt, out


_duck = None


def duckdb_connection():
    global _duck
    if _duck is None:
        import duckdb
        import duckdb_ext

        _duck = duckdb_ext.init(duckdb.connect())
        _duck.execute("SET TimeZone='UTC'")
    return _duck


def schema_of(t: pa.Table):
    return {f.name: str(f.type) for f in t.schema}


def run_filters(check, schema):
    import polars as pl

    errors = []
    for f in check.get("filters", []):
        col, op, value, want = f["column"], f["op"], f["value"], f["expected_rows"]
        dtype = schema.get(col)
        if dtype == "timestamp":
            py = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(microseconds=value)
            sql = f"make_timestamp({int(value)}::BIGINT)::TIMESTAMPTZ"
        elif dtype == "date":
            py = datetime.date(1970, 1, 1) + datetime.timedelta(days=value)
            sql = f"DATE '{py.isoformat()}'"
        elif isinstance(value, str):
            py = value
            sql = "'" + value.replace("'", "''") + "'"
        else:
            py = value
            sql = str(int(value))
        expr = {"<": pl.col(col) < py, "<=": pl.col(col) <= py, "=": pl.col(col) == py, ">=": pl.col(col) >= py, ">": pl.col(col) > py}[op]
        from deltalake import DeltaTable

        got_delta = DeltaTable(check["table"]).to_pyarrow_table(filters=[(col, op, py)]).num_rows
        got_polars = pl.scan_delta(check["table"]).filter(expr).collect().height
        got_duck = duckdb_connection().execute(f"SELECT count(*) FROM delta_scan('{check['table']}') WHERE \"{col}\" {op} {sql}").fetchone()[0]
        if got_delta != want or got_polars != want or got_duck != want:
            errors.append(
                f"filter {col} {op} {value!r}: expected {want} rows, deltalake {got_delta}, polars {got_polars}, duckdb {got_duck}"
            )
    return errors


def run_check(check):
    result = {"name": check["name"], "ok": False}
    if check.get("expect_failure"):
        try:
            _, tables = read_all({**check, "readers": ["deltalake"]})
            result["error"] = f"deltalake read the table ({tables['deltalake'].num_rows} rows) but was expected to fail"
        except Exception as e:  # the failure is the expected outcome
            result["ok"] = True
            result["failure"] = f"{type(e).__name__}: {str(e)[:200]}"
        return result
    errors = []
    dt, tables = read_all(check)
    result["version"] = dt.version()
    result["readers"] = sorted(tables)
    expected_schema = {n: t for n, t in check.get("expected_schema", [])}
    sums = {}
    for reader, t in tables.items():
        if "expected_rows" in check and t.num_rows != check["expected_rows"]:
            errors.append(f"{reader}: {t.num_rows} rows, expected {check['expected_rows']}")
        if expected_schema:
            got = schema_of(t)
            if set(got) != set(expected_schema):
                errors.append(f"{reader}: columns {sorted(got)}, expected {sorted(expected_schema)}")
            else:
                for n, delta_type in expected_schema.items():
                    if got[n] not in ARROW_TYPES[delta_type]:
                        errors.append(f"{reader}: column {n} has arrow type {got[n]}, expected Delta {delta_type}")
        sums[reader] = checksum(canonical_table(t))
    if "expected_jsonl" in check:
        sums["expected"] = checksum(expected_lines(check["expected_jsonl"]))
    if len(set(sums.values())) != 1:
        errors.append("checksums differ: " + json.dumps(sums))
    result["checksum"] = next(iter(sums.values()), None)
    if check.get("filters"):
        errors += run_filters(check, dict(check.get("expected_schema", [])))
    result["ok"] = not errors
    if errors:
        result["errors"] = errors
    return result


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    failed = 0
    for check in spec["checks"]:
        try:
            r = run_check(check)
        except Exception as e:
            r = {"name": check.get("name"), "ok": False, "errors": [f"{type(e).__name__}: {e}"]}
        failed += 0 if r["ok"] else 1
        print(json.dumps(r, ensure_ascii=False), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # Skip interpreter teardown: with pyarrow + deltalake loaded it sometimes aborts with
    # "terminate called without an active exception" after all work is done.
    os._exit(code)
