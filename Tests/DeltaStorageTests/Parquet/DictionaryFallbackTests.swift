import Testing

@testable import DeltaStorage

@Suite struct DictionaryFallbackTests {
    private func encodings(_ batch: ColumnBatch, _ options: ParquetWriteOptions) throws -> [[Int32]] {
        let (bytes, _) = try ParquetWriter.encode(batch, options: options)
        let reader = try ParquetReader(bytes: bytes, name: "dict.parquet")
        #expect(try reader.read() == ParquetTestData.normalized(batch))
        return reader.meta.rowGroups[0].columns.map(\.encodings)
    }

    private func strings(_ count: Int, distinct: Int) -> ColumnBatch {
        ColumnBatch(
            schema: Schema([Field("s", .string)]),
            columns: [Column(.bytes(ByteColumn((0..<count).map { "value-\($0 % distinct)" })))])
    }

    @Test func lowCardinalityUsesDictionary() throws {
        let e = try encodings(strings(20_000, distinct: 50), ParquetWriteOptions())
        #expect(e[0] == [Encoding.plain, Encoding.rle, Encoding.rleDictionary])
    }

    @Test func dictionaryLargerThanLimitFallsBackToPlain() throws {
        // 3000 distinct values ≈ 40 KB of dictionary: fine with the default limit, not with 4 KB.
        let batch = strings(30_000, distinct: 3_000)
        #expect(try encodings(batch, ParquetWriteOptions())[0].contains(Encoding.rleDictionary))
        #expect(
            try encodings(batch, ParquetWriteOptions(dictionaryPageSizeLimit: 4_096))[0] == [
                Encoding.plain, Encoding.rle,
            ])
    }

    @Test func uniqueValuesAbandonTheDictionaryEarly() throws {
        #expect(
            try encodings(strings(50_000, distinct: 50_000), ParquetWriteOptions())[0] == [
                Encoding.plain, Encoding.rle,
            ])
        // The sample decides: all distinct so far predicts an unbounded dictionary.
        #expect(
            DictionaryBuilder.shouldAbandon(
                seen: 8192, distinct: 8192, total: 1_000_000, entryBytes: 12, limitBytes: 1 << 20))
        // ~100k distinct 5-byte values: about 0.9 MB of dictionary, much smaller than PLAIN → keep going.
        #expect(
            !DictionaryBuilder.shouldAbandon(
                seen: 8192, distinct: 7860, total: 550_000, entryBytes: 9, limitBytes: 1 << 20))
    }

    @Test func dictionaryThatDoesNotPayIsDropped() throws {
        // 3801 distinct of 4000 INT32s: dictionary (15 KB) + 12-bit indices (6 KB) > PLAIN (16 KB).
        let batch = ColumnBatch(
            schema: Schema([Field("i", .integer)]),
            columns: [Column(.int32((0..<4_000).map { $0 < 200 ? 0 : Int32($0) }))])
        let options = ParquetWriteOptions(dictionaryColumns: .only(["i"]), deltaEncoding: false)
        #expect(try encodings(batch, options)[0] == [Encoding.plain, Encoding.rle])
        // With more repetition the same column keeps its dictionary.
        let repeated = ColumnBatch(
            schema: Schema([Field("i", .integer)]), columns: [Column(.int32((0..<4_000).map { Int32($0 % 500) }))])
        #expect(
            try encodings(repeated, ParquetWriteOptions(dictionaryColumns: .only(["i"])))[0].contains(
                Encoding.rleDictionary))
    }

    @Test func policiesNeverAndOnly() throws {
        let batch = ColumnBatch(
            schema: Schema([Field("a", .string), Field("b", .integer)]),
            columns: [
                Column(.bytes(ByteColumn((0..<5_000).map { "x\($0 % 3)" }))),
                Column(.int32((0..<5_000).map { Int32($0 % 4) })),
            ])
        let never = try encodings(batch, ParquetWriteOptions(dictionaryColumns: .never))
        #expect(never.allSatisfy { !$0.contains(Encoding.rleDictionary) })
        let only = try encodings(batch, ParquetWriteOptions(dictionaryColumns: .only(["b"])))
        #expect(!only[0].contains(Encoding.rleDictionary) && only[1].contains(Encoding.rleDictionary))
    }
}
