import DedupFormats
import Testing

@testable import DeltaStorage

@Suite struct DeltaBinaryPackedTests {
    private func encode<T: FixedWidthInteger & SignedInteger>(_ v: [T]) -> [UInt8] {
        let out = OutputBuffer()
        v.withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: out) }
        return out.bytes
    }

    private func decode<T: FixedWidthInteger & SignedInteger>(_ b: [UInt8], _ n: Int, as: T.Type) throws -> [T] {
        var out = [T](repeating: 0, count: n)
        try b.withUnsafeBytes { raw in
            try out.withUnsafeMutableBufferPointer {
                try DeltaBinaryPacked.decode(raw, count: n, into: $0.baseAddress!)
            }
        }
        return out
    }

    @Test func specExamples() throws {
        // Encodings.md example 1: 1..5 → all deltas 1, bit width 0, no miniblock bytes.
        #expect(encode([1, 2, 3, 4, 5] as [Int64]) == [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00])
        // Example 2: 7,5,3,1,2,3,4,5 → min delta −2, relative 0,0,0,3,3,3,3 at width 2 (8 bytes).
        let e2 = encode([7, 5, 3, 1, 2, 3, 4, 5] as [Int32])
        #expect(e2 == [0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 0x02, 0x00, 0x00, 0x00, 0xC0, 0x3F, 0, 0, 0, 0, 0, 0])
        #expect(try decode(e2, 8, as: Int32.self) == [7, 5, 3, 1, 2, 3, 4, 5])
    }

    @Test(arguments: [0, 1, 2, 31, 32, 33, 127, 128, 129, 200, 1_000, 4_097])
    func roundTripsAnyLength(n: Int) throws {
        var rng = SplitMix64(seed: UInt64(n))
        let sequential = (0..<n).map { Int64($0) * 1_000 + Int64(rng.next() % 700) - 50_000 }
        let random = (0..<n).map { _ in Int64(bitPattern: rng.next()) }  // width-64 deltas that wrap
        let extremes = (0..<n).map { $0 % 2 == 0 ? Int64.min : Int64.max }
        for v in [sequential, random, extremes] {
            #expect(try decode(encode(v), n, as: Int64.self) == v)
        }
        let ints = (0..<n).map { _ in Int32(truncatingIfNeeded: rng.next()) }
        #expect(try decode(encode(ints), n, as: Int32.self) == ints)
        // INT32 deltas wrap in 32 bits, so no miniblock is wider than 32.
        let wide = encode([0, Int32.max, 0, Int32.max])
        var pos = 0
        for _ in 0..<5 {
            while wide[pos] & 0x80 != 0 { pos += 1 }
            pos += 1
        }  // 4 header varints + min delta
        #expect(wide[pos..<pos + 4].allSatisfy { $0 <= 32 } && wide[pos] == 32)
        #expect(try decode(wide, 4, as: Int32.self) == [0, Int32.max, 0, Int32.max])
    }

    @Test func rejectsTruncatedOrWrongHeaders() {
        let b = encode((0..<300).map { Int64($0 * $0) })
        #expect(throws: DecodeError.self) { try decode(Array(b.prefix(b.count - 3)), 300, as: Int64.self) }
        #expect(throws: DecodeError.self) { try decode(b, 301, as: Int64.self) }  // more values than encoded
        // A block of 129 values is not a multiple of 128.
        #expect(throws: DecodeError.self) { try decode([0x81, 0x01, 0x04, 0x02, 0x00], 2, as: Int64.self) }
        // A 40-bit miniblock in an INT32 column is invalid.
        #expect(throws: DecodeError.self) {
            try decode(
                [0x80, 0x01, 0x04, 0x02, 0x00, 0x00, 40, 0, 0, 0] + [UInt8](repeating: 0, count: 160), 2, as: Int32.self
            )
        }
    }

    @Test func writerChoosesDeltaForSequencesOnly() throws {
        let batch = ParquetTestData.allTypes(rows: 4_000, seed: 2)
        let (bytes, _) = try ParquetWriter.encode(batch, options: ParquetWriteOptions(codec: .uncompressed))
        let reader = try ParquetReader(bytes: bytes, name: "dbp.parquet")
        let enc = Dictionary(
            uniqueKeysWithValues: zip(reader.meta.leaves.map(\.name), reader.meta.rowGroups[0].columns.map(\.encodings))
        )
        #expect(enc["seq"] == [Encoding.rle, Encoding.deltaBinaryPacked])
        #expect(enc["i_seq"] == [Encoding.rle, Encoding.deltaBinaryPacked])
        #expect(enc["l"] == [Encoding.plain, Encoding.rle])  // random: delta would not pay
        #expect(enc["seq_gap"] == [Encoding.rle, Encoding.deltaBinaryPacked])  // one page: the gap is inside it
        let small = try ParquetWriter.encode(
            batch, options: ParquetWriteOptions(codec: .uncompressed, pageSizeBytes: 800))
        let paged = try ParquetReader(bytes: small.bytes, name: "gap.parquet")
        let gapColumn = try #require(paged.schema.index(of: "seq_gap"))
        // 100-row pages: the 1500-null gap fills whole pages, written as empty PLAIN pages.
        #expect(
            paged.meta.rowGroups[0].columns[gapColumn].encodings == [
                Encoding.plain, Encoding.rle, Encoding.deltaBinaryPacked,
            ])
        #expect(try paged.read() == ParquetTestData.normalized(batch))
        #expect(try reader.read() == ParquetTestData.normalized(batch))
        let off = try ParquetWriter.encode(
            batch, options: ParquetWriteOptions(codec: .uncompressed, deltaEncoding: false)
        ).bytes
        let plain = try ParquetReader(bytes: off, name: "nodbp.parquet")
        #expect(plain.meta.rowGroups[0].columns.allSatisfy { !$0.encodings.contains(Encoding.deltaBinaryPacked) })
        #expect(off.count > bytes.count)
    }
}
