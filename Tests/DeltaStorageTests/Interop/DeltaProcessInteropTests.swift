import Foundation
import Testing
@testable import DeltaStorage

/// Interop through real processes: two `dedupbench lake write-demo` appends racing for one
/// version, and a table written by the deltalake Python package described by our log reader.
@Suite(.enabled(if: DeltaOracle.shouldRun, "needs the oracle venv: run `make setup`"), .serialized)
struct DeltaProcessInteropTests {
    @Test func racingProcessesLoseNoVersionAndNoRow() throws {
        guard let bin = DeltaOracle.dedupbench else {
            Issue.record("dedupbench binary not found next to the test bundle; build with `swift build --build-tests`")
            return
        }
        let dir = DeltaTestSupport.tempDir("race")
        defer { DeltaTestSupport.cleanup(dir) }
        let table = dir + "/t"
        let barrier = dir + "/barrier"
        try FileManager.default.createDirectory(atPath: barrier, withIntermediateDirectories: false)
        let create = try DeltaOracle.run(
            bin, ["lake", "write-demo", "--rows", "200", "--seed", "11", "--codec", "zstd", "--out", table])
        #expect(create.status == 0, "\(create.stderr)")

        // Both processes read version 1, write their files, then meet at the barrier and race for version 2.
        let args = [
            "lake", "write-demo", "--rows", "300", "--seed", "12", "--out", table, "--mode", "append", "--json",
            "--race-barrier", barrier,
        ]
        let outputs = try DeltaOracle.runConcurrently(bin, [args, args])
        var versions: [Int] = []
        var retries: [Int] = []
        for o in outputs {
            #expect(o.status == 0, "\(o.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(o.stdout.utf8)) as? [String: Any]
            versions.append(json?["version"] as? Int ?? -1)
            retries.append(json?["retries"] as? Int ?? -1)
            #expect(json?["readVersion"] as? Int == 1)
        }
        #expect(versions.sorted() == [2, 3])
        #expect(retries.sorted() == [0, 1])

        // Same seed in both writers: identical file names were tried; O_EXCL made the loser pick new ones.
        let snap = try DeltaTable.open(at: table).snapshot()
        #expect(Set(snap.files.map(\.path)).count == snap.files.count)
        let expected = DeltaBenchmark.bronzeBatch(rows: 200, seed: 11).appending(
            DeltaBenchmark.bronzeBatch(rows: 300, seed: 12)
        )
        .appending(DeltaBenchmark.bronzeBatch(rows: 300, seed: 12))
        try InteropData.jsonl(expected).write(toFile: dir + "/expected.jsonl", atomically: false, encoding: .utf8)
        let results = try DeltaOracle.check(
            [["name": "race", "table": table, "expected_rows": 800, "expected_jsonl": dir + "/expected.jsonl"]], in: dir
        )
        DeltaOracle.expectPassed(results, ["race"])

        let inspect = try DeltaOracle.run(bin, ["lake", "inspect", table, "--json"])
        #expect(inspect.status == 0)
        let d = try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [String: Any]
        #expect(d?["version"] as? Int == 3)
        #expect((d?["live"] as? [String: Any])?["rows"] as? Int == 800)
    }

    @Test func cliErrorsHaveDocumentedExitCodes() throws {
        guard let bin = DeltaOracle.dedupbench else {
            Issue.record("dedupbench binary not found next to the test bundle; build with `swift build --build-tests`")
            return
        }
        let dir = DeltaTestSupport.tempDir("cli")
        defer { DeltaTestSupport.cleanup(dir) }
        let missing = try DeltaOracle.run(bin, ["lake", "inspect", dir + "/nope"])
        #expect(
            missing.status == 2 && missing.stderr.hasPrefix("dedupbench lake inspect: error: ")
                && missing.stderr.contains("is not a Delta table"))
        try DeltaTestSupport.write(
            "{\"commitInfo\":{}}\n{oops}\n", to: dir + "/bad/_delta_log/" + DeltaLog.commitName(0))
        let broken = try DeltaOracle.run(bin, ["lake", "inspect", dir + "/bad"])
        #expect(broken.status == 2 && broken.stderr.contains("00000000000000000000.json:2: column 2"))
        let t = dir + "/t"
        #expect(try DeltaOracle.run(bin, ["lake", "write-demo", "--rows", "10", "--out", t]).status == 0)
        let exists = try DeltaOracle.run(bin, ["lake", "write-demo", "--rows", "10", "--out", t])
        #expect(exists.status == 2)
        let badCodec = try DeltaOracle.run(bin, ["lake", "write-demo", "--codec", "lz4", "--out", t])
        #expect(badCodec.status == 64 && badCodec.stderr.contains("--codec 'lz4'"))
    }

    /// deltalake (delta-rs) writes a partitioned table with an append, an overwrite and a delete;
    /// our log reader must describe it exactly as deltalake sees it.
    @Test func describesATableWrittenByDeltalake() throws {
        let dir = DeltaTestSupport.tempDir("deltars")
        defer { DeltaTestSupport.cleanup(dir) }
        let table = dir + "/t"
        let script = """
            import datetime, json, sys
            import pyarrow as pa
            from deltalake import DeltaTable, write_deltalake
            T = sys.argv[1]
            def batch(lo, hi):
                ids = list(range(lo, hi))
                parts = ["a b", "x/y", None, "ü=%"]
                return pa.table({
                    "id": pa.array(ids, pa.int64()),
                    "s": pa.array([parts[i % 4] for i in ids], pa.string()),
                    "d": pa.array([datetime.date(2024, 1, 1 + i % 3) for i in ids], pa.date32()),
                    "ts": pa.array([datetime.datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=datetime.timezone.utc) + datetime.timedelta(seconds=i) for i in ids], pa.timestamp("us", tz="UTC")),
                    "f": pa.array([i / 3 if i % 5 else None for i in ids], pa.float64()),
                })
            write_deltalake(T, batch(0, 40), partition_by=["s"], name="from_deltalake", description="written by delta-rs", configuration={"delta.appendOnly": "false"})
            write_deltalake(T, batch(40, 60), mode="append")
            write_deltalake(T, batch(100, 120), mode="overwrite")
            DeltaTable(T).delete("id = 101")
            dt = DeltaTable(T)
            adds = dt.get_add_actions(flatten=True).to_pydict() if hasattr(dt.get_add_actions(flatten=True), "to_pydict") else pa.table(dt.get_add_actions(flatten=True)).to_pydict()
            md = dt.metadata()
            print(json.dumps({
                "version": dt.version(),
                "id": md.id, "name": md.name, "description": md.description,
                "partitionColumns": md.partition_columns,
                "schema": [[f.name, str(f.type.type), f.nullable] for f in dt.schema().fields],
                "files": sorted([[p, s, n] for p, s, n in zip(adds["path"], adds["size_bytes"], adds["num_records"])]),
                "rows": dt.to_pyarrow_table().num_rows,
                "operations": [h["operation"] for h in sorted(dt.history(), key=lambda h: h["version"])],
            }), flush=True)
            import os
            os._exit(0)  # skip interpreter teardown: pyarrow + deltalake sometimes abort in it
            """
        try script.write(toFile: dir + "/make.py", atomically: false, encoding: .utf8)
        let made = try DeltaOracle.run(DeltaOracle.python, [dir + "/make.py", table])
        try #require(made.status == 0, "deltalake script failed: \(made.stderr)")
        let want = try #require(try JSONSerialization.jsonObject(with: Data(made.stdout.utf8)) as? [String: Any])

        let d = try TableDescription.describe(path: table)
        #expect(d.version == want["version"] as? Int)
        #expect(d.metadata.id == want["id"] as? String)
        #expect(d.metadata.name == "from_deltalake" && d.metadata.description == "written by delta-rs")
        #expect(d.metadata.partitionColumns == want["partitionColumns"] as? [String])
        let schema = d.fields.map { "\($0.name):\($0.typeName):\($0.nullable)" }
        let wantSchema = (want["schema"] as? [[Any]] ?? []).map { "\($0[0]):\($0[1]):\(($0[2] as? Bool) ?? false)" }
        #expect(schema == wantSchema)
        // Paths as in the log (URI-encoded), sizes and row counts.
        let files = d.files.map { "\($0.path) \($0.size) \($0.numRecords ?? -1)" }.sorted()
        let wantFiles = (want["files"] as? [[Any]] ?? []).map { "\($0[0]) \($0[1]) \($0[2])" }.sorted()
        #expect(files == wantFiles && files.count == 4)
        #expect(d.files.contains { $0.relativePath == "s=x%2Fy/" + $0.relativePath.split(separator: "/").last! })
        #expect(d.liveRows == want["rows"] as? Int)
        #expect(d.history.map(\.operation) == want["operations"] as? [String])
        #expect(d.history.last?.removedFiles ?? 0 >= 1)
        #expect(d.history.first?.engineInfo?.contains("delta-rs") == true)

        let text = d.text()
        #expect(text.contains("partitioned   by s"))
        #expect(text.contains("DELETE"))
        let snap = try DeltaTable.open(at: table).snapshot(version: 1)
        #expect(snap.schema.fields.map(\.type) == [.long, .string, .date, .timestamp, .double])
        #expect(snap.rowCount == 60)
    }
}
