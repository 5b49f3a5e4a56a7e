import Foundation
import Testing
@testable import DeltaStorage

/// Tables written by dedupbench, read by deltalake (delta-rs), pyarrow, polars and duckdb's delta
/// extension: same rows (order-independent checksum against what we wrote), schema, time travel,
/// stats-based filtering, racing writers; and a table written by deltalake described by us.
@Suite(.enabled(if: DeltaOracle.shouldRun, "needs the oracle venv: run `make setup`"), .serialized)
struct DeltaInteropTests {
    typealias Row = InteropData.Row

    static func options(_ codec: Codec, maxRows: Int? = nil) -> DeltaWriteOptions {
        DeltaWriteOptions(parquet: ParquetWriteOptions(codec: codec), targetFileRows: maxRows, seed: 9)
    }

    static func write(_ text: String, _ path: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    static func check(
        _ name: String, _ table: String, version: Int? = nil, readers: [String]? = nil, rows: [Row],
        partitioned: Bool = true, dir: String
    ) throws -> [String: Any] {
        let expected = dir + "/\(name).jsonl"
        try write(InteropData.jsonl(InteropData.batch(rows), partitionColumns: partitioned ? ["part"] : []), expected)
        var c: [String: Any] = [
            "name": name, "table": table, "expected_rows": rows.count, "expected_jsonl": expected,
            "expected_schema": InteropData.deltaTypes,
        ]
        if let version { c["version"] = version }
        if let readers { c["readers"] = readers }
        return c
    }

    @Test func independentReadersAgreeWithWhatWeWrote() throws {
        let dir = DeltaTestSupport.tempDir("interop")
        defer { DeltaTestSupport.cleanup(dir) }
        var checks: [[String: Any]] = []

        // A: every type, awkward partition values, two appends, several files per partition.
        let a = try DeltaTable.create(
            at: dir + "/a", schema: InteropData.schema, partitionColumns: ["part"],
            options: Self.options(.snappy, maxRows: 16))
        let a1 = InteropData.rows(0..<150, seed: 1)
        let a2 = InteropData.rows(150..<300, seed: 2)
        try a.append(InteropData.batch(a1))
        try a.append(InteropData.batch(a2))
        let all = a1 + a2
        var checkA = try Self.check("A", a.path, rows: all, dir: dir)
        checkA["filters"] = Self.filters(all)
        checks.append(checkA)

        // B: overwrite, then time travel to the version before it (duckdb cannot time-travel).
        let b = try DeltaTable.create(
            at: dir + "/b", schema: InteropData.schema, partitionColumns: ["part"], options: Self.options(.zstd))
        let b1 = InteropData.rows(0..<60, seed: 3)
        let b2 = InteropData.rows(1000..<1040, seed: 4)
        try b.append(InteropData.batch(b1))
        try b.overwrite(InteropData.batch(b2))
        checks.append(
            try Self.check("B@1", b.path, version: 1, readers: ["deltalake", "pyarrow", "polars"], rows: b1, dir: dir))
        checks.append(try Self.check("B", b.path, rows: b2, dir: dir))

        // C: a file-level replace (merge) that rewrites one partition's file.
        let c = try DeltaTable.create(
            at: dir + "/c", schema: InteropData.schema, partitionColumns: ["part"], options: Self.options(.gzip))
        let c1 = InteropData.rows(0..<80, seed: 5)
        try c.append(InteropData.batch(c1))
        let snap = try c.snapshot()
        let target = try #require(snap.files.first { $0.partitionValues["part"] == "x/y" })
        let old = try c.read(files: [target])
        #expect(old.rowCount == c1.filter { $0.part == "x/y" }.count)
        let merged = c1.filter { $0.part == "x/y" }.map { r in
            var r = r
            r.s = "merged"
            return r
        }
        let r = try c.commitReplace(
            readVersion: snap.version, removing: [target], adding: InteropData.batch(merged),
            metrics: ["numTargetRowsUpdated": merged.count])
        #expect(r.removed.count == 1 && r.added.count == 1)
        checks.append(try Self.check("C", c.path, rows: c1.filter { $0.part != "x/y" } + merged, dir: dir))

        // D: unpartitioned and uncompressed; D-bad: the same with one add.size off by one byte.
        let d = try DeltaTable.create(
            at: dir + "/d", schema: InteropData.schema, partitionColumns: [], options: Self.options(.uncompressed))
        let d1 = InteropData.rows(0..<50, seed: 6)
        try d.append(InteropData.batch(d1))
        checks.append(try Self.check("D", d.path, rows: d1, partitioned: false, dir: dir))
        try Self.corruptFirstAddSize(copyOf: d.path, to: dir + "/d-bad")
        checks.append(["name": "D-bad", "table": dir + "/d-bad", "expect_failure": true])

        let results = try DeltaOracle.check(checks, in: dir)
        DeltaOracle.expectPassed(results, checks.map { $0["name"] as! String })
        #expect(results["B@1"]?["version"] as? Int == 1)
        #expect((results["A"]?["readers"] as? [String])?.count == 4)
    }

    /// Filters on stats columns with expected counts computed from the rows. The timestamp bounds
    /// are a partition's exact max/min (sub-millisecond, pre-1970), where floored stats would
    /// wrongly skip a file if a reader did not widen them.
    static func filters(_ rows: [Row]) -> [[String: Any]] {
        let xy = rows.filter { $0.part == "x/y" }.compactMap(\.ts)
        let kv = rows.filter { $0.part == "k=v" }.compactMap(\.ts)
        let tsMax = xy.max()!
        let tsMin = kv.min()!
        func f(_ column: String, _ op: String, _ value: Any, _ count: Int) -> [String: Any] {
            ["column": column, "op": op, "value": value, "expected_rows": count]
        }
        return [
            f("id", ">=", 137, rows.filter { $0.id >= 137 }.count),
            f("ts", ">=", tsMax, rows.filter { ($0.ts ?? .min) >= tsMax }.count),
            f("ts", "<=", tsMin, rows.filter { ($0.ts ?? .max) <= tsMin }.count),
            f("day", "=", -1, rows.filter { $0.day == -1 }.count),
            f("s", "=", "zz", rows.filter { $0.s == "zz" }.count),
            f("n", ">", 50_000, rows.filter { ($0.n ?? .min) > 50_000 }.count),
        ]
    }

    static func corruptFirstAddSize(copyOf source: String, to dest: String) throws {
        try FileManager.default.copyItem(atPath: source, toPath: dest)
        let commit = dest + "/_delta_log/" + DeltaLog.commitName(1)
        var text = try String(contentsOfFile: commit, encoding: .utf8)
        let sizeKey = try #require(text.range(of: "\"size\":"))
        let digits = text[sizeKey.upperBound...].prefix { $0.isNumber }
        let size = try #require(Int(digits))
        text.replaceSubrange(
            sizeKey.upperBound..<text.index(sizeKey.upperBound, offsetBy: digits.count), with: String(size + 1))
        try text.write(toFile: commit, atomically: false, encoding: .utf8)
    }
}
