#!/usr/bin/env python3
"""Reads Delta tables from an S3 endpoint with deltalake and polars and compares them with
reference tables (e.g. the same run written to a local directory).

Usage: check_delta_s3.py SPEC.json      (one JSON result line per check; exit 1 if any fails)

SPEC = {"storage_options": {AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, ..., AWS_ALLOW_HTTP},
        "checks": [{"name", "table" (s3://…), "expected_rows" (optional int),
                    "reference" (optional local table path: its rows must match exactly)}]}
Checksums are check_delta.py's order-independent canonical sha256.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_delta import canonical_table, checksum  # noqa: E402

import pyarrow as pa  # noqa: E402


def run_check(check, options):
    from deltalake import DeltaTable, QueryBuilder
    import polars as pl

    errors = []
    dt = DeltaTable(check["table"], storage_options=options)
    tables = {
        "deltalake": pa.table(QueryBuilder().register("t", dt).execute("SELECT * FROM t").read_all()),
        "polars": pl.read_delta(check["table"], storage_options=options).to_arrow(),
    }
    sums = {}
    for reader, t in tables.items():
        if "expected_rows" in check and t.num_rows != check["expected_rows"]:
            errors.append(f"{reader}: {t.num_rows} rows, expected {check['expected_rows']}")
        sums[reader] = checksum(canonical_table(t))
    if "reference" in check:
        ref = DeltaTable(check["reference"])
        sums["reference"] = checksum(canonical_table(pa.table(QueryBuilder().register("t", ref).execute("SELECT * FROM t").read_all())))
    if len(set(sums.values())) != 1:
        errors.append("checksums differ: " + json.dumps(sums))
    result = {"name": check["name"], "ok": not errors, "version": dt.version(), "rows": tables["deltalake"].num_rows,
              "checksum": next(iter(sums.values()))}
    if errors:
        result["errors"] = errors
    return result


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    failed = 0
    for check in spec["checks"]:
        try:
            r = run_check(check, spec["storage_options"])
        except Exception as e:
            r = {"name": check.get("name"), "ok": False, "errors": [f"{type(e).__name__}: {e}"]}
        failed += 0 if r["ok"] else 1
        print(json.dumps(r), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # as check_delta.py: skip a teardown that sometimes aborts with pyarrow + deltalake loaded
