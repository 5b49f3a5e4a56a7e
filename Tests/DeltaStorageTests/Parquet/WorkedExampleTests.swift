import Testing

@testable import DeltaStorage

/// The 292-byte file of delta-parquet.md A10 (verified byte for byte with pyarrow when written).
@Suite struct WorkedExampleTests {
    static func hex(_ s: String) -> [UInt8] {
        let digits = s.split(whereSeparator: { $0 == " " || $0 == "\n" })
        return digits.map { UInt8($0, radix: 16)! }
    }

    static var expected: [UInt8] {
        var b = hex("50 41 52 31")
        b += hex("15 00 15 2a 15 2a 2c 15 06 15 00 15 06 15 06 00 00")
        b += hex("06 00 00 00 02 01 02 00 02 01  01 00 00 00 61  02 00 00 00 62 63")
        b += hex("15 00 15 30 15 30 2c 15 06 15 00 15 06 15 06 00 00")
        b += hex("01 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00 03 00 00 00 00 00 00 00")
        var footer = hex("15 02 19 3c 48 06") + Array("schema".utf8) + hex("15 04 00")
        footer += hex("15 0c 25 02 18 01 73 25 00 4c 1c 00 00 00")
        footer += hex("15 04 25 00 18 02 74 73 25 14 4c 8c 11 1c 2c 00 00 00 00 00")
        footer += hex("16 06 19 1c 19 2c")
        footer += hex("26 00 1c 15 0c 19 25 00 06 19 18 01 73 15 00 16 06 16 4c 16 4c 26 08")
        footer += hex("3c 36 02 28 02 62 63 18 01 61 00 00 00")
        footer += hex("26 00 1c 15 04 19 25 00 06 19 18 02 74 73 15 00 16 06 16 52 16 52 26 54")
        // Statistics{null_count 0, max 3, min 1}, then the stops of Statistics, ColumnMetaData, ColumnChunk.
        footer += hex("3c 36 00 28 08 03 00 00 00 00 00 00 00 18 08 01 00 00 00 00 00 00 00 00 00 00")
        footer += hex("16 9e 01 16 06 26 08 16 9e 01 14 00 00")
        footer += hex("28 24") + Array("swiftdelta version 0.0.1 (build dev)".utf8)
        footer += hex("19 2c 1c 00 00 1c 00 00 00")
        b += footer
        b += [UInt8(footer.count), 0, 0, 0] + hex("50 41 52 31")
        return b
    }

    static let batch = ColumnBatch(
        schema: Schema([Field("s", .string), Field("ts", .timestamp, nullable: false)]),
        columns: [
            Column(.bytes(ByteColumn(["a", "", "bc"])), validity: [true, false, true]),
            Column(.int64([1, 2, 3])),
        ])

    @Test func reproducesTheReferenceFileByteForByte() throws {
        let options = ParquetWriteOptions(codec: .uncompressed, dictionaryColumns: .never, parallel: false)
        let (bytes, info) = try ParquetWriter.encode(
            Self.batch, options: options, createdBy: "swiftdelta version 0.0.1 (build dev)", levelRunsOnly: true)
        #expect(Self.expected.count == 292)
        #expect(bytes.count == 292)
        #expect(
            bytes == Self.expected,
            "first difference at \(zip(bytes, Self.expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? -1)"
        )
        #expect(info.byteCount == 292 && info.rowCount == 3)
        #expect(
            info.columnStatistics[0] == ColumnStatistics(nullCount: 1, min: .bytes([0x61]), max: .bytes([0x62, 0x63])))
        #expect(info.columnStatistics[1] == ColumnStatistics(nullCount: 0, min: .int(1), max: .int(3)))
    }

    @Test func readsTheReferenceFile() throws {
        let reader = try ParquetReader(bytes: Self.expected, name: "a10.parquet")
        #expect(reader.schema == Self.batch.schema)
        #expect(reader.rowCount == 3 && reader.rowGroupCount == 1)
        #expect(try reader.read() == Self.batch)
        #expect(try reader.read(columns: ["ts"]).columns == [Column(.int64([1, 2, 3]))])
    }
}
