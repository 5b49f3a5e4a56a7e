import CZlib

/// Loads the row set of a deletion vector and checks it against its descriptor.
///
/// DV files (PROTOCOL.md, "Deletion Vector File Storage Format"): a version byte (1), then per DV
/// at its `offset`: a big-endian u32 `dataSize` (= `sizeInBytes`), the bitmap, and a big-endian
/// CRC-32 of the bitmap. Inline DVs are Z85 text of the bitmap. Either way the bitmap must hold
/// exactly `cardinality` rows, each below the file's `numRecords` when known.
public enum DeletionVectorLoader {
    /// The deleted row indexes of `file`'s DV (sorted), or [] when it has none.
    /// Throws `.corruptLog` naming the data file and the DV when anything does not match.
    public static func deletedRows(of file: AddFile, tablePath: String) throws(DeltaError) -> [UInt64] {
        try deletedRows(of: file, store: LocalObjectStore(root: tablePath))
    }

    /// `deletedRows(of:tablePath:)` for a table in any object store: a DV file under the table
    /// root is read through `store` (one GET on S3).
    public static func deletedRows(of file: AddFile, store: any ObjectStore) throws(DeltaError) -> [UInt64] {
        let tablePath = store.root
        guard let dv = file.deletionVector else { return [] }
        func fail(_ why: String) -> DeltaError {
            DeltaError(.corruptLog, "\(tablePath): deletion vector \(dv.uniqueId) of \(file.path): \(why)")
        }
        guard dv.sizeInBytes >= 12, dv.sizeInBytes <= 1 << 31, dv.cardinality >= 0 else {
            throw fail("sizeInBytes \(dv.sizeInBytes) / cardinality \(dv.cardinality) out of range")
        }
        let size = Int(dv.sizeInBytes)
        let data: [UInt8]
        if let path = try dv.filePath(tablePath: tablePath) {
            guard let offset = dv.offset, offset >= 1 else { throw fail("a DV file needs an offset ≥ 1") }
            let bytes = try store.read(location: path)
            guard bytes.first == 1 else {
                throw fail("\(path) has format version \(bytes.first.map(String.init) ?? "none"), expected 1")
            }
            let start = Int(offset)
            guard start <= bytes.count, bytes.count - start >= 8 + size else {
                throw fail("\(path) is \(bytes.count) bytes, too short for \(size) bytes at offset \(start)")
            }
            let declared = bytes[start..<start + 4].reduce(0) { $0 << 8 | Int($1) }
            guard declared == size else {
                throw fail("\(path) records \(declared) bytes at offset \(start), the log says \(size)")
            }
            data = Array(bytes[(start + 4)..<(start + 4 + size)])
            let stored = bytes[(start + 4 + size)..<(start + 8 + size)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let actual = data.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
            guard stored == actual else {
                throw fail("\(path): CRC-32 mismatch (stored \(stored), computed \(actual))")
            }
        } else {
            guard let decoded = Z85.decode(Array(dv.pathOrInlineDv.utf8)) else { throw fail("inline data is not Z85") }
            guard decoded.count >= size, decoded.count - size < 4 else {
                throw fail("inline data decodes to \(decoded.count) bytes, sizeInBytes is \(size)")
            }
            data = Array(decoded.prefix(size))
        }
        let bitmap: RoaringBitmapArray
        do {
            bitmap = try RoaringBitmapArray(deltaBytes: data)
        } catch {
            throw fail(error.message)
        }
        guard Int64(bitmap.rows.count) == dv.cardinality else {
            throw fail("the bitmap holds \(bitmap.rows.count) rows, cardinality says \(dv.cardinality)")
        }
        if let n = file.numRecords, let last = bitmap.rows.last, last >= UInt64(n) {
            throw fail("row \(last) is deleted but the file has \(n) rows")
        }
        return bitmap.rows
    }
}

extension DeletionVectorLoader {
    /// The bytes of a DV file holding `bitmaps` (each `RoaringBitmapArray.deltaBytes()`), and the
    /// offset of each: the inverse of what `deletedRows` reads. Used by tests and tooling.
    public static func fileBytes(_ bitmaps: [[UInt8]]) -> (bytes: [UInt8], offsets: [Int64]) {
        var out: [UInt8] = [1]
        var offsets: [Int64] = []
        for data in bitmaps {
            offsets.append(Int64(out.count))
            withUnsafeBytes(of: UInt32(data.count).bigEndian) { out += $0 }
            out += data
            let crc = data.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
            withUnsafeBytes(of: crc.bigEndian) { out += $0 }
        }
        return (out, offsets)
    }
}
