import DedupFormats
import Testing

@testable import DeltaStorage

/// `ParquetReader.visit` hands over exactly the values `read` decodes: a visitor that rebuilds
/// each column from the page values equals the decoded column, for every type (nulls,
/// dictionary, PLAIN, DELTA_BINARY_PACKED, booleans), several pages and row groups, and every
/// codec; corrupt files fail with the file's name, never a crash.
@Suite struct PageVisitorTests {
    /// Rebuilds one column chunk from the visitor calls: value bytes per row (nil for a null).
    struct Rebuild: PageVisitor {
        let width: Int
        var rows: [[UInt8]?] = []
        var dictionary: [[UInt8]] = []

        mutating func dictionary(_ entries: ByteArrays) throws {
            dictionary = (0..<entries.count).map { Self.bytes(entries.value($0)) }
        }

        static func bytes(_ v: (pointer: UnsafePointer<UInt8>, count: Int)) -> [UInt8] {
            Array(UnsafeBufferPointer(start: v.pointer, count: v.count))
        }

        mutating func page(_ values: PageValues, rows n: Int, levels: UnsafePointer<UInt32>?) throws {
            var present: [[UInt8]] = []
            switch values {
            case .fixed32(let raw), .fixed64(let raw):
                present = stride(from: 0, to: raw.count, by: width).map { Array(raw[$0..<$0 + width]) }
            case .boolean(let b): present = b.map { [$0 ? 1 : 0] }
            case .bytes(let a): present = (0..<a.count).map { Self.bytes(a.value($0)) }
            case .dictionary(let idx): present = idx.map { dictionary[Int($0)] }
            }
            var next = 0
            for k in 0..<n {
                if let levels, levels[k] == 0 {
                    rows.append(nil)
                } else {
                    rows.append(present[next])
                    next += 1
                }
            }
            #expect(next == present.count)
        }
    }

    /// Row `i` of `column` in the visitor's layout.
    static func expected(_ column: Column, _ i: Int) -> [UInt8]? {
        if let v = column.validity, !v[i] { return nil }
        switch column.values {
        case .int32(let v): return withUnsafeBytes(of: v[i].littleEndian) { Array($0) }
        case .int64(let v): return withUnsafeBytes(of: v[i].littleEndian) { Array($0) }
        case .double(let v): return withUnsafeBytes(of: v[i].bitPattern.littleEndian) { Array($0) }
        case .boolean(let v): return [v[i] ? 1 : 0]
        case .bytes(let b): return Array(b[i])
        }
    }

    static func visitAll(_ reader: ParquetReader) throws -> [[[UInt8]?]] {
        try reader.schema.fields.indices.map { c in
            let width = [.integer, .date].contains(reader.schema.fields[c].type) ? 4 : 8
            var rows: [[UInt8]?] = []
            for g in 0..<reader.rowGroupCount {
                var v = Rebuild(width: width)
                try reader.visit(column: c, rowGroup: g, &v)
                #expect(v.rows.count == reader.rowGroupRowCounts[g])
                rows += v.rows
            }
            return rows
        }
    }

    @Test(arguments: Codec.allCases)
    func visitedValuesEqualTheDecodedColumns(codec: Codec) throws {
        let batch = ParquetTestData.allTypes(rows: 1_500, seed: 4)
        let bytes = try ParquetWriter.encode(
            batch, options: ParquetWriteOptions(codec: codec, pageSizeBytes: 700, rowGroupSizeBytes: 40_000)
        ).bytes
        let dir = try TempDir()
        let path = dir.path + "/all.parquet"
        try ParquetWriter.write(
            batch, to: path, options: ParquetWriteOptions(codec: codec, pageSizeBytes: 700, rowGroupSizeBytes: 40_000))
        // from memory and from a (mapped) file
        for reader in [try ParquetReader(bytes: bytes, name: "all.parquet"), try ParquetReader(path: path)] {
            #expect(reader.rowGroupCount > 1)
            let decoded = try reader.read()
            let visited = try Self.visitAll(reader)
            for (c, column) in decoded.columns.enumerated() {
                let want = (0..<decoded.rowCount).map { Self.expected(column, $0) }
                #expect(visited[c] == want, "\(decoded.schema.fields[c].name)")
            }
        }
    }

    /// Flipping any byte either fails with a `ParquetError` naming the file or visits values; never a crash.
    @Test(arguments: Codec.allCases)
    func corruptBytesNeverCrash(codec: Codec) throws {
        let bytes = try CorruptFileTests.sample(codec)
        var rng = SplitMix64(seed: 7)
        var failures = 0
        for _ in 0..<150 {
            var b = bytes
            let at = Int(rng.next() % UInt64(b.count))
            b[at] ^= UInt8(1 << (rng.next() % 8))
            do {
                _ = try Self.visitAll(ParquetReader(bytes: b, name: "flip.parquet"))
            } catch let e as ParquetError {
                #expect(e.file == "flip.parquet")
                failures += 1
            }
        }
        #expect(failures > 0)
    }
}
