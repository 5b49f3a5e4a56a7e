import Foundation
import Testing
@testable import DeltaStorage

/// Checkpoints across engines: tables that deltalake (delta-rs) wrote, checkpointed and cleaned up
/// read through our log replay; checkpoints we write (classic and multi-part) read by deltalake,
/// pyarrow, polars and duckdb after the JSON commits before them were deleted, so those readers
/// can only have used our checkpoint.
@Suite(.enabled(if: DeltaOracle.shouldRun, "needs the oracle venv: run `make setup`"), .serialized)
struct CheckpointInteropTests {
    @Test(arguments: [false, true])
    func readsADeltalakeCheckpointAfterCleanup(statsAsStruct: Bool) throws {
        let dir = DeltaTestSupport.tempDir("deltars-ckpt")
        defer { DeltaTestSupport.cleanup(dir) }
        let table = dir + "/t"
        // statsAsStruct: stats only as stats_parsed (no JSON stats), plus partitionValues_parsed.
        let config =
            statsAsStruct
            ? #"{"delta.logRetentionDuration": "interval 0 days", "delta.checkpoint.writeStatsAsStruct": "true", "delta.checkpoint.writeStatsAsJson": "false"}"#
            : #"{"delta.logRetentionDuration": "interval 0 days"}"#
        let script = """
            import json, os, sys
            import pyarrow as pa
            from deltalake import DeltaTable, write_deltalake
            T = sys.argv[1]
            def batch(lo, hi):
                ids = list(range(lo, hi))
                return pa.table({
                    "id": pa.array(ids, pa.int64()),
                    "p": pa.array([["a", "x/y", None, "ü"][i % 4] for i in ids], pa.string()),
                    "v": pa.array([i * 3 if i % 5 else None for i in ids], pa.int32()),
                })
            write_deltalake(T, batch(0, 40), partition_by=["p"], configuration=\(config))
            write_deltalake(T, batch(40, 70), mode="append")
            DeltaTable(T).delete("id < 10")
            write_deltalake(T, batch(70, 80), mode="append")
            DeltaTable(T).create_checkpoint()
            write_deltalake(T, batch(80, 95), mode="append")
            DeltaTable(T).cleanup_metadata()
            dt = DeltaTable(T)
            adds = dt.get_add_actions(flatten=True)
            adds = adds.to_pydict() if hasattr(adds, "to_pydict") else pa.table(adds).to_pydict()
            print(json.dumps({
                "version": dt.version(), "id": dt.metadata().id,
                "files": sorted([[p, s, n] for p, s, n in zip(adds["path"], adds["size_bytes"], adds["num_records"])]),
                "rows": dt.to_pyarrow_table().num_rows,
                "log": sorted(os.listdir(T + "/_delta_log")),
            }), flush=True)
            os._exit(0)
            """
        try script.write(toFile: dir + "/make.py", atomically: false, encoding: .utf8)
        let made = try DeltaOracle.run(DeltaOracle.python, [dir + "/make.py", table])
        try #require(made.status == 0, "deltalake script failed: \(made.stderr)")
        let want = try #require(try JSONSerialization.jsonObject(with: Data(made.stdout.utf8)) as? [String: Any])
        let log = want["log"] as? [String] ?? []
        // The commits before the checkpoint are gone: only the checkpoint can rebuild the table.
        #expect(!log.contains(DeltaLog.commitName(0)) && log.contains(DeltaLog.checkpointName(3)))

        let state = try DeltaLog(tablePath: table).state()
        #expect(state.checkpointVersion == 3 && state.commitsRead == 1)
        #expect(state.version == want["version"] as? Int)
        #expect(state.metadata?.id == want["id"] as? String)
        let files = state.files.map { "\($0.path) \($0.size) \($0.numRecords ?? -1)" }.sorted()
        let wantFiles = (want["files"] as? [[Any]] ?? []).map { "\($0[0]) \($0[1]) \($0[2])" }.sorted()
        #expect(files == wantFiles && !files.isEmpty)
        #expect(state.tombstones.count >= 1)  // the delete's removes are tombstones in the checkpoint
        let t = try DeltaTable.open(at: table)
        let snap = try t.snapshot()
        #expect(snap.rowCount == want["rows"] as? Int)
        #expect(try t.read().rowCount == want["rows"] as? Int)
        #expect(try TableDescription.describe(path: table).liveRows == want["rows"] as? Int)
    }

    @Test func readersUseTheCheckpointsWeWrite() throws {
        let dir = DeltaTestSupport.tempDir("ckpt-interop")
        defer { DeltaTestSupport.cleanup(dir) }
        let options = DeltaWriteOptions(seed: 5, clock: .fixed(1_736_726_400_000), syncDataFiles: false)

        // 151 commits of 3 rows: classic checkpoints at 10, 20, …, 150 (the default interval).
        let long = try DeltaTable.create(
            at: dir + "/long", schema: InteropData.schema, partitionColumns: ["part"], options: options)
        var rows: [InteropData.Row] = []
        for c in 0..<151 {
            let r = InteropData.rows(Int64(c * 3)..<Int64(c * 3 + 3), seed: UInt64(c))
            let result = try long.append(InteropData.batch(r))
            #expect(result.checkpointError == nil)
            #expect((result.checkpoint != nil) == (result.version % 10 == 0))
            rows += r
        }
        let state = try long.log.state()
        #expect(state.version == 151 && state.checkpointVersion == 150 && state.commitsRead == 1)

        // 25 commits, then a three-part checkpoint of version 25.
        let multi = try DeltaTable.create(
            at: dir + "/multi", schema: InteropData.schema, partitionColumns: ["part"],
            configuration: [CheckpointPolicy.intervalKey: "1000"], options: options)
        var multiRows: [InteropData.Row] = []
        for c in 0..<25 {
            let r = InteropData.rows(Int64(c * 4)..<Int64(c * 4 + 4), seed: UInt64(100 + c))
            try multi.append(InteropData.batch(r))
            multiRows += r
        }
        #expect(try multi.checkpoint(parts: 3).files.count == 3)

        // Metadata cleanup by hand: only the checkpoint (and the commits after it) remain.
        for v in 0..<150 { try FileManager.default.removeItem(atPath: long.log.commitPath(v)) }
        for v in 0..<25 { try FileManager.default.removeItem(atPath: multi.log.commitPath(v)) }

        var checks: [[String: Any]] = []
        for (name, path, expected) in [("long", long.path, rows), ("multi", multi.path, multiRows)] {
            let jsonl = dir + "/\(name).jsonl"
            try InteropData.jsonl(InteropData.batch(expected), partitionColumns: ["part"]).write(
                toFile: jsonl, atomically: false, encoding: .utf8)
            checks.append([
                "name": name, "table": path, "expected_rows": expected.count, "expected_jsonl": jsonl,
                "expected_schema": InteropData.deltaTypes,
            ])
        }
        let results = try DeltaOracle.check(checks, in: dir)
        DeltaOracle.expectPassed(results, ["long", "multi"])
        #expect(results["long"]?["version"] as? Int == 151)
        #expect(results["multi"]?["version"] as? Int == 25)
        // And our own reader, from the checkpoints alone.
        #expect(try DeltaTable.open(at: long.path).read().rowCount == rows.count)
        #expect(try DeltaTable.open(at: multi.path).snapshot().rowCount == multiRows.count)
    }
}
