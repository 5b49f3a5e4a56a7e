#!/usr/bin/env python3
"""Time delta-rs (the deltalake package) writing the same rows dedupbench's `lake bench` wrote.

Usage: bench_deltars.py SOURCE_TABLE OUT_DIR [CODEC ...]     (codecs: snappy zstd gzip; default snappy)

The rows are read from SOURCE_TABLE (e.g. out/bench-storage/snappy written by `dedupbench lake
bench`) so both writers get identical data; only write_deltalake is timed. Partitioned by
partition_date, one commit, like dedupbench. Prints rows, seconds, table bytes, data files.
"""
import os
import shutil
import sys
import time

from deltalake import DeltaTable, WriterProperties, write_deltalake


def tree_bytes(path):
    total = files = 0
    for root, _, names in os.walk(path):
        for n in names:
            total += os.path.getsize(os.path.join(root, n))
            files += 1
    return total, files


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    source, out = sys.argv[1], sys.argv[2]
    codecs = sys.argv[3:] or ["snappy"]
    table = DeltaTable(source).to_pyarrow_table()
    print(f"delta-rs {__import__('deltalake').__version__}: {table.num_rows} rows from {source}")
    print("codec         rows   seconds    table bytes  files")
    for codec in codecs:
        dest = os.path.join(out, codec)
        shutil.rmtree(dest, ignore_errors=True)
        props = WriterProperties(compression=codec.upper())
        start = time.perf_counter()
        write_deltalake(dest, table, partition_by=["partition_date"], writer_properties=props)
        seconds = time.perf_counter() - start
        size, files = tree_bytes(dest)
        data_files = sum(1 for _ in DeltaTable(dest).file_uris())
        print(f"{codec:<10}{table.num_rows:>9}{seconds:>10.3f}{size:>15}{data_files:>7}")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip teardown: pyarrow + deltalake sometimes abort in it
