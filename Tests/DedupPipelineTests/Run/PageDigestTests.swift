import DeltaStorage
import Foundation
import Testing

@testable import DedupPipeline

/// The read-back's digests straight from the Parquet pages (`RowDigest.digests(of:…)`, what
/// `DeltaTableContents.forEachDigests` hands the verifier) equal `RowDigest.digests` of the same
/// rows read as a `ColumnBatch`: every column type, nulls, dictionary and PLAIN and
/// DELTA_BINARY_PACKED pages, several pages and row groups, partition columns, a column added
/// after the files were written, deletion vectors, and every codec.
@Suite struct PageDigestTests {
    static let schema = Schema([
        Field("s_low", .string), Field("s_high", .string, nullable: false), Field("bin", .binary),
        Field("l", .long), Field("i", .integer, nullable: false), Field("d", .double), Field("b", .boolean),
        Field("ts", .timestamp), Field("dt", .date), Field("all_null", .string), Field("i_low", .integer),
        Field("seq", .long, nullable: false), Field("b_req", .boolean, nullable: false), Field("part", .date),
    ])

    static func batch(rows: Int, seed: UInt64) -> ColumnBatch {
        var x = seed
        func next() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let words = ["", "a", "zürich", "日本語", "with space", "0123456789abcdef0123"]
        var sLow = ByteColumn()
        var sHigh = ByteColumn()
        var bin = ByteColumn()
        var allNull = ByteColumn()
        var l: [Int64] = []
        var i: [Int32] = []
        var d: [Double] = []
        var b: [Bool] = []
        var ts: [Int64] = []
        var dt: [Int32] = []
        var iLow: [Int32] = []
        var seq: [Int64] = []
        var bReq: [Bool] = []
        var part: [Int32] = []
        var valid: [Bool] = []
        for r in 0..<rows {
            let v = next()
            let ok = r % 7 != 3
            valid.append(ok)
            sLow.append(ok ? words[Int(v % UInt64(words.count))] : "")
            sHigh.append("\(r)-\(v % 1_000_003)-0123456789abcdef0123456789abcdef")
            if ok {
                bin.append(bytes: (0..<Int(v % 11)).map { UInt8(truncatingIfNeeded: v >> UInt64($0 * 5)) })
            } else {
                bin.appendEmpty()
            }
            allNull.appendEmpty()
            l.append(ok ? Int64(bitPattern: next()) : 0)
            i.append(Int32(truncatingIfNeeded: Int64(bitPattern: v) >> 20))
            d.append(ok ? Double(Int64(bitPattern: next() >> 11)) / 1e6 - 4e12 : 0)
            b.append(ok && v & 1 == 1)
            ts.append(ok ? -2_177_452_800_000_000 + Int64(next() % 6_311_347_200_000_000) : 0)
            dt.append(ok ? Int32(next() % 73_000) - 25_000 : 0)
            iLow.append(ok ? Int32(v % 5) - 2 : 0)
            seq.append(-5_000_000 + Int64(r) * 3_000 + Int64(v % 500))
            bReq.append(v & 2 == 2)
            part.append(Int32(r % 3) + 19_000)
        }
        let nulls: [Bool]? = valid
        return ColumnBatch(
            schema: schema,
            columns: [
                Column(.bytes(sLow), validity: nulls), Column(.bytes(sHigh)), Column(.bytes(bin), validity: nulls),
                Column(.int64(l), validity: nulls), Column(.int32(i)), Column(.double(d), validity: nulls),
                Column(.boolean(b), validity: nulls), Column(.int64(ts), validity: nulls),
                Column(.int32(dt), validity: nulls),
                Column(.bytes(allNull), validity: [Bool](repeating: false, count: rows)),
                Column(.int32(iLow), validity: nulls), Column(.int64(seq)), Column(.boolean(bReq)),
                Column(.int32(part)),
            ])
    }

    /// Both read paths over every live file of `table`, compared file by file and as checksums.
    @discardableResult
    static func compare(_ table: DeltaTable, identity: String, key: [String]) throws -> (rowGroups: Int, files: Int) {
        let snap = try table.snapshot()
        let names = snap.schema.names
        var scratch: [UInt64] = []
        var rows = 0
        var groups = 0
        for file in snap.files {
            groups += try table.dataFile(file, columns: names, snapshot: snap).reader.rowGroupCount
            let fromPages = try RowDigest.digests(
                of: table.dataFile(file, columns: names, snapshot: snap), identity: identity, key: key,
                scratch: &scratch)
            let batch = try table.read(files: [file], columns: names, snapshot: snap)
            let expected = RowDigest.digests(batch, identity: identity, key: nil)
            #expect(fromPages.rows == expected.rows, "\(file.path)")
            #expect(fromPages.identity == expected.identity, "\(file.path)")
            #expect(fromPages.key == RowDigest.digests(batch.selecting(key)), "\(file.path)")
            rows += batch.rowCount
        }
        // the verifier's own entry point agrees with the reference path over the whole table
        var viaContents: UInt64 = 0
        try DeltaTableContents(table: table).forEachDigests(columns: [], identity: identity, key: key) {
            viaContents &+= RowDigest.sum($0.rows)
        }
        let all = try table.read()
        #expect(all.rowCount == rows)
        #expect(viaContents == RowDigest.sum(RowDigest.digests(all)))
        return (groups, snap.files.count)
    }

    @Test("page digests equal the batch digests", arguments: Codec.allCases)
    func everyTypeAndCodec(codec: Codec) throws {
        let dir = RunTestSupport.tempDir("page-digests-\(codec)")
        defer { RunTestSupport.remove(dir) }
        var options = DeltaWriteOptions()
        // small pages and row groups: several of each per file; 0 savings keeps every chunk compressed
        options.parquet = ParquetWriteOptions(
            codec: codec, pageSizeBytes: 2_048, rowGroupSizeBytes: 24_000, minimumCompressionSavings: 0)
        var table = try DeltaTable.create(at: dir, schema: Self.schema, partitionColumns: ["part"], options: options)
        _ = try table.append(Self.batch(rows: 2_500, seed: 7))
        _ = try table.append(Self.batch(rows: 700, seed: 8))
        let layout = try Self.compare(table, identity: "s_high", key: ["s_low", "i"])
        #expect(layout.files == 6 && layout.rowGroups > layout.files)  // 3 partitions × 2 appends, several groups
        // a nullable column added after the files were written reads as null in every old row
        var wider = Self.schema.fields
        wider.append(Field("added", .long))
        try Self.commitSchema(Schema(wider), table: table, dir: dir)
        table = try DeltaTable.open(at: dir)
        #expect(try table.snapshot().schema.names.last == "added")
        try Self.compare(table, identity: "s_high", key: ["added", "s_high"])
    }

    /// Commits a metaData action with `schema` (schema evolution by hand: the table API has none).
    static func commitSchema(_ schema: Schema, table: DeltaTable, dir: String) throws {
        let version = try table.snapshot().version
        let first = try String(contentsOfFile: dir + "/_delta_log/" + String(format: "%020d.json", 0), encoding: .utf8)
        let line = first.split(separator: "\n").first { $0.hasPrefix("{\"metaData\"") }!
        var action = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        var meta = action["metaData"] as! [String: Any]
        meta["schemaString"] = DeltaSchema.schemaString(schema)
        action["metaData"] = meta
        let out = try JSONSerialization.data(withJSONObject: action)
        try out.write(to: URL(fileURLWithPath: dir + "/_delta_log/" + String(format: "%020d.json", version + 1)))
    }

    /// A table Databricks wrote with a deletion vector: deleted rows leave both paths alike.
    @Test func deletionVectors() throws {
        let fixture =
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("DeltaStorageTests/Fixtures/delta/table-with-dv-small")
            .path
        let table = try DeltaTable.open(at: fixture)
        #expect(try table.snapshot().files.contains { $0.deletionVector != nil })
        try Self.compare(table, identity: "value", key: ["value"])
    }

    /// A corrupt page fails the read-back with the file's name, never a wrong digest.
    @Test func corruptFileNamesIt() throws {
        let dir = RunTestSupport.tempDir("page-digests-corrupt")
        defer { RunTestSupport.remove(dir) }
        let table = try DeltaTable.create(at: dir, schema: Self.schema, partitionColumns: [])
        _ = try table.append(Self.batch(rows: 500, seed: 9))
        let file = try table.snapshot().files[0]
        let path = dir + "/" + file.path
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        for k in stride(from: 60, to: bytes.count / 2, by: 97) { bytes[k] ^= 0x5A }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect {
            try DeltaTableContents(table: table).forEachDigests(columns: [], identity: "s_high", key: nil) { _ in }
        } throws: { "\($0)".contains(file.path) }
    }
}
