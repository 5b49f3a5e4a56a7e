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
                + #""maxValues":{"id":9,"n":2,"day":"2024-01-14","ts":"1970-01-01T00:00:00.001Z","s":"zü"},"#
                + #""nullCount":{"id":0,"n":1,"day":0,"ts":0,"s":2,"long_s":0,"flag":0,"hash":3,"x":0,"empty":4}}"#)
        #expect(FileStats.numRecords(in: json) == 4)
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
