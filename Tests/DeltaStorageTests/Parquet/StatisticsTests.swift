import DedupFormats
import Testing

@testable import DeltaStorage

@Suite struct StatisticsTests {
    private func stats(_ field: Field, _ column: Column, rowGroupBytes: Int = 128 << 20) throws -> ColumnStatistics {
        let batch = ColumnBatch(schema: Schema([field]), columns: [column])
        let (bytes, info) = try ParquetWriter.encode(
            batch, options: ParquetWriteOptions(rowGroupSizeBytes: rowGroupBytes))
        // The footer carries the same values in PLAIN form.
        let reader = try ParquetReader(bytes: bytes, name: "stats.parquet")
        let physical = reader.meta.leaves[0].physical
        for rg in reader.meta.rowGroups {
            let s = rg.columns[0].statistics
            #expect(s != nil)
            if let s, let min = info.columnStatistics[0].min, let max = info.columnStatistics[0].max,
                reader.rowGroupCount == 1
            {
                #expect(s.min == min.plainBytes(physical) && s.max == max.plainBytes(physical))
            }
        }
        return info.columnStatistics[0]
    }

    @Test func stringsAreOrderedAsUnsignedUTF8Bytes() throws {
        // Swift's String order treats "e\u{301}" and "é" as equal; byte order does not.
        let values = ["zebra", "é", "e\u{301}", "ab", "Z", "日本", ""]
        let s = try stats(Field("s", .string), Column(.bytes(ByteColumn(values))))
        #expect(s.min == .bytes([]))
        #expect(s.max == .bytes(Array("日本".utf8)))  // E6 97 A5 … beats C3 A9 and 7A
        let nonEmpty = try stats(Field("s", .string), Column(.bytes(ByteColumn(values.dropLast()))))
        #expect(nonEmpty.min == .bytes(Array("Z".utf8)))
        let accent = try stats(Field("s", .string), Column(.bytes(ByteColumn(["é", "e\u{301}"]))))
        #expect(accent.min == .bytes([0x65, 0xCC, 0x81]) && accent.max == .bytes([0xC3, 0xA9]))
    }

    @Test func byteOrderMatchesBruteForce() throws {
        // Random short byte strings incl. zero bytes, shared prefixes and lengths around 8.
        var rng = SplitMix64(seed: 5)
        for round in 0..<20 {
            let values: [[UInt8]] = (0..<200).map { _ in
                let len = Int(rng.next() % 12)
                return (0..<len).map { _ in [0, 1, 0x61, 0x62, 0x7F, 0x80, 0xC3, 0xFF][Int(rng.next() % 8)] }
            }
            var col = ByteColumn()
            for v in values { col.append(bytes: v) }
            let s = ColumnStatistics.compute(Column(.bytes(col)), rows: 0..<values.count)
            let sorted = values.sorted { $0.lexicographicallyPrecedes($1) }
            #expect(s.min == .bytes(sorted.first!) && s.max == .bytes(sorted.last!), "round \(round)")
        }
    }

    @Test func negativeIntegersAndTimestamps() throws {
        let l = try stats(Field("l", .long), Column(.int64([5, -3, Int64.min, 7, 0])))
        #expect(l == ColumnStatistics(nullCount: 0, min: .int(Int64.min), max: .int(7)))
        let i = try stats(Field("i", .integer), Column(.int32([-1, -200, 3]), validity: [true, true, false]))
        #expect(i == ColumnStatistics(nullCount: 1, min: .int(-200), max: .int(-1)))
        let ts = try stats(Field("t", .timestamp), Column(.int64([-86_400_000_001, 1])))
        #expect(ts.min == .int(-86_400_000_001))
    }

    @Test func doublesIgnoreNaNAndSignZero() throws {
        let d = try stats(Field("d", .double), Column(.double([.nan, 2.5, -1.0, .nan])))
        #expect(d == ColumnStatistics(nullCount: 0, min: .double(-1.0), max: .double(2.5)))
        let allNaN = try stats(Field("d", .double), Column(.double([.nan])))
        #expect(allNaN.min == nil && allNaN.max == nil)
        let zero = try stats(Field("d", .double), Column(.double([0.0, 0.0])))
        if case .double(let lo) = zero.min, case .double(let hi) = zero.max {
            #expect(lo.sign == .minus && hi.sign == .plus)
        } else {
            Issue.record("missing double stats")
        }
    }

    @Test func booleansAndAllNull() throws {
        let b = try stats(Field("b", .boolean), Column(.boolean([true, true, false]), validity: [true, true, false]))
        #expect(b == ColumnStatistics(nullCount: 1, min: .bool(true), max: .bool(true)))
        let none = try stats(Field("s", .string), Column(.bytes(ByteColumn(["", ""])), validity: [false, false]))
        #expect(none == ColumnStatistics(nullCount: 2, min: nil, max: nil))
    }

    @Test func fileStatisticsMergeRowGroups() throws {
        let n = 10_000
        let values = (0..<n).map { Int64($0 % 2 == 0 ? $0 : -$0) }
        let validity = (0..<n).map { $0 % 10 != 0 }
        let s = try stats(Field("l", .long), Column(.int64(values), validity: validity), rowGroupBytes: 8_000)
        let present = zip(values, validity).filter(\.1).map(\.0)
        #expect(s == ColumnStatistics(nullCount: n / 10, min: .int(present.min()!), max: .int(present.max()!)))
    }
}
