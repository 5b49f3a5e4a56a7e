import Testing

@testable import DeltaStorage

@Suite struct RoundTripTests {
    static let policies: [DictionaryPolicy] = [.auto, .never]

    @Test(arguments: Codec.allCases, policies)
    func everyTypeRoundTrips(codec: Codec, dictionary: DictionaryPolicy) throws {
        let batch = ParquetTestData.allTypes(rows: 5_003, seed: 7)
        // Small pages and row groups: several of each.
        let options = ParquetWriteOptions(
            codec: codec, pageSizeBytes: 2_000, rowGroupSizeBytes: 200_000, dictionaryColumns: dictionary)
        let (bytes, info) = try ParquetWriter.encode(batch, options: options)
        let reader = try ParquetReader(bytes: bytes, name: "rt.parquet")
        #expect(reader.rowGroupCount > 1)
        #expect(reader.rowCount == batch.rowCount && info.rowCount == batch.rowCount && info.byteCount == bytes.count)
        #expect(reader.schema == batch.schema)
        let back = try reader.read()
        let expected = ParquetTestData.normalized(batch)
        for (k, f) in batch.schema.fields.enumerated() {
            #expect(back.columns[k] == expected.columns[k], "column \(f.name)")
        }
    }

    @Test func selectedColumnsComeBackInRequestedOrder() throws {
        let batch = ParquetTestData.allTypes(rows: 1_000, seed: 3)
        let (bytes, _) = try ParquetWriter.encode(batch, options: ParquetWriteOptions(rowGroupSizeBytes: 20_000))
        let reader = try ParquetReader(bytes: bytes, name: "sel.parquet")
        let part = try reader.read(columns: ["ts", "s_high", "i"])
        #expect(part.schema.names == ["ts", "s_high", "i"])
        #expect(part == ParquetTestData.normalized(batch).selecting(["ts", "s_high", "i"]))
        #expect(throws: ParquetError.self) { try reader.read(columns: ["nope"]) }
    }

    @Test func dictionaryAndPlainPagesAreBothUsed() throws {
        let batch = ParquetTestData.allTypes(rows: 3_000, seed: 11)
        let (bytes, _) = try ParquetWriter.encode(batch, options: ParquetWriteOptions(codec: .uncompressed))
        let meta = try ParquetReader(bytes: bytes, name: "enc.parquet").meta
        let encodings = Dictionary(
            uniqueKeysWithValues: zip(meta.leaves.map(\.name), meta.rowGroups[0].columns.map(\.encodings)))
        #expect(encodings["s_low"]!.contains(Encoding.rleDictionary))
        #expect(encodings["i_low"]!.contains(Encoding.rleDictionary))
        #expect(!encodings["s_high"]!.contains(Encoding.rleDictionary))  // high cardinality → PLAIN
        #expect(!encodings["l"]!.contains(Encoding.rleDictionary))
        #expect(!encodings["all_null"]!.contains(Encoding.rleDictionary))  // no values → no dictionary
        #expect(
            meta.rowGroups[0].columns.allSatisfy {
                ($0.dictionaryPageOffset != nil) == $0.encodings.contains(Encoding.rleDictionary)
            })
    }

    @Test func emptyBatchAndSingleRow() throws {
        let batch = ParquetTestData.allTypes(rows: 1, seed: 1, nullEvery: 0)
        for b in [ColumnBatch.empty(batch.schema), batch] {
            let (bytes, info) = try ParquetWriter.encode(b, options: ParquetWriteOptions())
            let reader = try ParquetReader(bytes: bytes, name: "small.parquet")
            #expect(reader.rowCount == b.rowCount && info.rowCount == b.rowCount)
            #expect(try reader.read() == ParquetTestData.normalized(b))
        }
    }

    @Test func singleDistinctValueUsesBitWidthOne() throws {
        let n = 1_003
        let batch = ColumnBatch(
            schema: Schema([Field("c", .string, nullable: false), Field("k", .long)]),
            columns: [
                Column(.bytes(ByteColumn(Array(repeating: "same", count: n)))),
                Column(.int64(Array(repeating: -5, count: n))),
            ])
        let (bytes, _) = try ParquetWriter.encode(batch, options: ParquetWriteOptions(codec: .uncompressed))
        let reader = try ParquetReader(bytes: bytes, name: "one.parquet")
        #expect(reader.meta.rowGroups[0].columns.allSatisfy { $0.encodings.contains(Encoding.rleDictionary) })
        #expect(try reader.read() == batch)
    }

    @Test func writeIsAtomicAndReadableFromDisk() throws {
        let dir = try TempDir()
        let path = dir.path + "/part-0.parquet"
        let batch = ParquetTestData.allTypes(rows: 2_000, seed: 5)
        let info = try ParquetWriter.write(
            batch, to: path, options: ParquetWriteOptions(codec: .zstd, rowGroupSizeBytes: 50_000))
        #expect(dir.entries() == ["part-0.parquet"])  // no temp file left behind
        #expect(info.byteCount == dir.size(of: "part-0.parquet"))
        let reader = try ParquetReader(path: path)
        #expect(try reader.read() == ParquetTestData.normalized(batch))
        #expect(try reader.read(columns: ["s_high"]) == ParquetTestData.normalized(batch).selecting(["s_high"]))
        // Writing into a missing directory fails with the path in the message.
        let error = #expect(throws: ParquetError.self) {
            try ParquetWriter.write(batch, to: dir.path + "/missing/x.parquet", options: ParquetWriteOptions())
        }
        #expect(error?.file == dir.path + "/missing/x.parquet")
    }
}
