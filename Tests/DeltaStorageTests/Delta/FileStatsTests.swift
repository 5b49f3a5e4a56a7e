import Testing
@testable import DeltaStorage

@Suite struct FileStatsTests {
    @Test func statsJSONHasBoundsOnlyWhereSafe() {
        let schema = Schema([
            Field("id", .long), Field("n", .integer), Field("day", .date), Field("ts", .timestamp), Field("s", .string),
            Field("long_s", .string), Field("flag", .boolean), Field("hash", .binary), Field("x", .double),
            Field("empty", .string),
        ])
        let long = [UInt8](String(repeating: "é", count: 33).utf8)
        let stats = [
            ColumnStatistics(nullCount: 0, min: .int(-5), max: .int(9)),
            ColumnStatistics(nullCount: 1, min: .int(1), max: .int(2)),
            ColumnStatistics(nullCount: 0, min: .int(-1), max: .int(19_736)),
            ColumnStatistics(nullCount: 0, min: .int(-1_001), max: .int(1_999)),
            ColumnStatistics(nullCount: 2, min: .bytes(Array("a\"b".utf8)), max: .bytes(Array("zü".utf8))),
            ColumnStatistics(nullCount: 0, min: .bytes(Array("short".utf8)), max: .bytes(long)),
            ColumnStatistics(nullCount: 0, min: .bool(false), max: .bool(true)),
            ColumnStatistics(nullCount: 3, min: .bytes([0]), max: .bytes([255])),
            ColumnStatistics(nullCount: 0, min: .double(-0.5), max: .double(.infinity)),
            ColumnStatistics(nullCount: 4, min: nil, max: nil),
        ]
        let json = FileStats.json(schema: schema, rowCount: 4, statistics: stats)
        #expect(
            json
                == #"{"numRecords":4,"minValues":{"id":-5,"n":1,"day":"1969-12-31","ts":"1969-12-31T23:59:59.998Z","s":"a\"b","long_s":"short","x":-0.5},"#
                + #""maxValues":{"id":9,"n":2,"day":"2024-01-14","ts":"1970-01-01T00:00:00.001Z","s":"zü","#
                + #""long_s":""# + String(repeating: "é", count: 32) + "\u{FFFD}" + #""},"#
                + #""nullCount":{"id":0,"n":1,"day":0,"ts":0,"s":2,"long_s":0,"flag":0,"hash":3,"x":0,"empty":4}}"#)
        #expect(FileStats.numRecords(in: json) == 4)
    }

    /// Table-driven cases of Delta Spark's prefix rule (by characters, not bytes).
    @Test(arguments: [
        // (value, min bound, max bound)
        (String(repeating: "a", count: 32), String(repeating: "a", count: 32), String(repeating: "a", count: 32)),
        (
            String(repeating: "a", count: 33), String(repeating: "a", count: 32),
            String(repeating: "a", count: 32) + "\u{FFFD}"
        ),
        // a 64-char hex hash: 32 kept, the rest replaced by the tie-breaker
        (
            String(repeating: "f0", count: 32), String(repeating: "f0", count: 16),
            String(repeating: "f0", count: 16) + "\u{FFFD}"
        ),
        // multi-byte characters count once each
        (
            String(repeating: "ü", count: 40), String(repeating: "ü", count: 32),
            String(repeating: "ü", count: 32) + "\u{FFFD}"
        ),
        // characters ≥ U+FFFD after the cut are kept (an emoji sorts above U+FFFD in UTF-8)
        (
            String(repeating: "x", count: 32) + "\u{FFFD}😀b", String(repeating: "x", count: 32),
            String(repeating: "x", count: 32) + "\u{FFFD}😀\u{FFFD}"
        ),
        // nothing below U+FFFD after the cut: the value is its own bound
        (
            String(repeating: "x", count: 32) + "😀😀", String(repeating: "x", count: 32),
            String(repeating: "x", count: 32) + "😀😀"
        ),
        ("", "", ""),
    ])
    func stringBoundsArePrefixes(value: String, min: String, max: String) {
        #expect(FileStats.stringMin(value) == min)
        #expect(FileStats.stringMax(value) == max)
    }

    /// The max bound is ≥ every string ≤ the value and the min bound ≤ it, in UTF-8 byte order
    /// (how readers compare), over seeded random strings mixing ASCII, 2-, 3- and 4-byte characters.
    @Test func stringBoundsNeverExcludeAValue() {
        let alphabet: [Unicode.Scalar] = ["a", "z", "é", "\u{FFFC}", "\u{FFFD}", "\u{FFFF}", "😀", "\u{10FFFF}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        for _ in 0..<2_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<(30 + Int(next() % 8)) { scalars.append(alphabet[Int(next() % UInt64(alphabet.count))]) }
            let v = String(scalars)
            let lo = Array(FileStats.stringMin(v, prefixLength: 31).utf8)
            let hi = Array(FileStats.stringMax(v, prefixLength: 31).utf8)
            let bytes = Array(v.utf8)
            #expect(!bytes.lexicographicallyPrecedes(lo), "min bound above \(v)")
            #expect(!hi.lexicographicallyPrecedes(bytes), "max bound below \(v)")
        }
    }

    @Test func numRecordsFromOtherWriters() {
        #expect(FileStats.numRecords(in: #"{"numRecords":1234567,"minValues":{}}"#) == 1_234_567)
        #expect(FileStats.numRecords(in: #"{"minValues":{"a":1},"numRecords":12}"#) == 12)
        #expect(FileStats.numRecords(in: #"{"minValues":{}}"#) == nil)
    }

    @Test func parsedStatsExposeBounds() throws {
        let add = AddFile(
            path: "f", partitionValues: [:], size: 1, modificationTime: 0,
            stats: #"{"numRecords":3,"minValues":{"id":-2,"s":"a"},"maxValues":{"id":9},"nullCount":{"id":0,"s":1}}"#)
        let p = try #require(add.parsedStats)
        #expect(
            p.numRecords == 3 && p.minValues["id"] == .int(-2) && p.maxValues["id"] == .int(9)
                && p.maxValues["s"] == nil)
        #expect(p.nullCount == ["id": 0, "s": 1])
        #expect(ParsedFileStats(json: "[1]") == nil)
    }
}
