import Foundation
import Testing
@testable import DeltaStorage

/// String columns longer than 32 characters get prefix bounds (Delta Spark's
/// `delta.dataSkippingStringPrefixLength`); an equality lookup of any value must still find its row
/// in deltalake, polars and duckdb. Rows are sorted by both key columns and cut into files of 25,
/// so every file has a narrow range and readers really skip files; the lookups hit the first and
/// last row of every file, where a bound that was cut but not rounded up would lose the row.
@Suite(.enabled(if: DeltaOracle.shouldRun, "needs the oracle venv: run `make setup`"))
struct StringStatsInteropTests {
    static let rows = 200
    static let suffixes = ["😀x", "\u{FFFD}z", "abc", "\u{FFFD}"]

    /// A 40-odd-character id: "order-NNNNNN-" then 19 "ü" (32 characters so far), then a suffix
    /// with an emoji, U+FFFD or ASCII right after the cut.
    static func messageId(_ i: Int) -> String {
        let digits = String(i)
        return "order-" + String(repeating: "0", count: 6 - digits.count) + digits + "-"
            + String(repeating: "ü", count: 19) + suffixes[i % suffixes.count]
    }

    /// Ascending 64-character lowercase hex strings (like a sha256 `composite_hash`).
    static func hashes() -> [String] {
        var g = NameGenerator(seed: 5, stream: 1)
        return (0..<rows).map { _ in (0..<4).map { _ in Self.hex(g.next()) }.joined() }.sorted()
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    @Test func equalityLookupsOnLongStringsFindTheirRow() throws {
        let dir = DeltaTestSupport.tempDir("string-stats")
        defer { DeltaTestSupport.cleanup(dir) }
        let ids = (0..<Self.rows).map(Self.messageId)
        let hashes = Self.hashes()
        let schema = Schema([
            Field("message_id", .string, nullable: false), Field("composite_hash", .string, nullable: false),
            Field("n", .long, nullable: false),
        ])
        let batch = ColumnBatch(
            schema: schema,
            columns: [
                Column(.bytes(ByteColumn(ids))), Column(.bytes(ByteColumn(hashes))),
                Column(.int64((0..<Int64(Self.rows)).map { $0 })),
            ])
        let table = try DeltaTable.create(
            at: dir + "/t", schema: schema, partitionColumns: [],
            options: DeltaWriteOptions(targetFileRows: 25, seed: 4))
        let result = try table.append(batch)
        #expect(result.added.count == 8)

        // Every file has bounds for both columns, cut to 32 characters (+ U+FFFD on the max).
        for f in result.added {
            let stats = try #require(f.parsedStats)
            let maxId = try #require(stats.maxValues["message_id"]?.stringValue)
            let minHash = try #require(stats.minValues["composite_hash"]?.stringValue)
            #expect(minHash.unicodeScalars.count == 32)
            #expect(maxId.unicodeScalars.count > 32 && maxId.unicodeScalars.count <= 35)
        }

        var filters: [[String: Any]] = []
        for file in 0..<8 {
            for row in [file * 25, file * 25 + 24] {
                filters.append(["column": "message_id", "op": "=", "value": ids[row], "expected_rows": 1])
                filters.append(["column": "composite_hash", "op": "=", "value": hashes[row], "expected_rows": 1])
            }
        }
        // A value that sorts between two files' bounds must find nothing (and not fail).
        filters.append(["column": "message_id", "op": "=", "value": Self.messageId(24) + "~", "expected_rows": 0])
        filters.append(["column": "composite_hash", "op": ">=", "value": hashes[190], "expected_rows": 10])
        let check: [String: Any] = [
            "name": "long-strings", "table": table.path, "expected_rows": Self.rows,
            "readers": ["deltalake", "polars", "duckdb"], "filters": filters,
        ]
        let results = try DeltaOracle.check([check], in: dir)
        DeltaOracle.expectPassed(results, ["long-strings"])
    }
}
