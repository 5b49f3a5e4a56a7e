import DeltaStorage
import Dispatch
import Foundation

/// Row digests of a table batch or file: every row's `RowDigest`, the one-column digest of the
/// identity column, and the digest of the key columns (nil when no key was asked for).
public struct RowDigests: Sendable {
    public var rows: [UInt64]
    public var identity: [UInt64]
    public var key: [UInt64]?

    public init(rows: [UInt64], identity: [UInt64], key: [UInt64]?) {
        self.rows = rows
        self.identity = identity
        self.key = key
    }
}

extension RowDigest {
    /// The value hash of row `i` of `column` (the `v` of the type doc), for one-off values such as
    /// a file's partition value.
    static func valueHash(_ column: Column, _ i: Int) -> UInt64 {
        if let validity = column.validity, !validity[i] { return nullHash }
        switch column.values {
        case .int32(let v): return StableHash.int(UInt64(bitPattern: Int64(v[i])), tag: 1)
        case .int64(let v): return StableHash.int(UInt64(bitPattern: v[i]), tag: 1)
        case .double(let v): return StableHash.int(v[i].bitPattern, tag: 2)
        case .boolean(let v): return StableHash.int(v[i] ? 1 : 0, tag: 3)
        case .bytes(let b): return StableHash.bytes(b[i])
        }
    }

    /// The digests of one data file's rows that remain after its deletion vector, straight from
    /// its pages: each column chunk's value hashes are computed from the decompressed pages
    /// (dictionary entries hashed once) on all cores, then folded per row in the order of the
    /// column names. Equal to `digests(_:identity:key:)` of the same rows read as a `ColumnBatch`.
    /// `scratch` holds the value hashes (8 bytes per row and column) and is reused across files.
    /// - Throws: what `ParquetReader.visit` throws for a corrupt file.
    static func digests(
        of file: DataFileColumns, identity: String, key: [String]?, scratch: inout [UInt64]
    ) throws -> RowDigests {
        let n = file.rowCount
        let width = file.fields.count
        guard let id = file.fields.firstIndex(where: { $0.name == identity }) else {
            throw DeltaError(.invalidInput, "no identity column '\(identity)' among the columns read")
        }
        for k in key ?? [] where !file.fields.contains(where: { $0.name == k }) {
            throw DeltaError(.invalidInput, "no key column '\(k)' among the columns read")
        }
        guard n > 0 else { return RowDigests(rows: [], identity: [], key: key == nil ? nil : []) }
        if scratch.count < n * width { scratch = [UInt64](repeating: 0, count: n * width) }
        var constants = [UInt64?](repeating: nil, count: width)
        var units: [(field: Int, column: Int, group: Int, start: Int)] = []
        let groupRows = file.reader.rowGroupRowCounts
        guard groupRows.reduce(0, +) == n else {
            throw DeltaError(.invalidInput, "row groups hold \(groupRows.reduce(0, +)) rows, the footer says \(n)")
        }
        for (k, source) in file.sources.enumerated() {
            switch source {
            case .constant(let sample): constants[k] = valueHash(sample, 0)
            case .file(let c):
                var start = 0
                for (g, rows) in groupRows.enumerated() {
                    units.append((k, c, g, start))
                    start += rows
                }
            }
        }
        let reader = file.reader
        // largest chunks first: the workers finish together (the hex hash columns are most of a file)
        units.sort {
            reader.storedSize(column: $0.column, rowGroup: $0.group)
                > reader.storedSize(column: $1.column, rowGroup: $1.group)
        }
        let failures = UncheckedSendable(ErrorBox())
        try scratch.withUnsafeMutableBufferPointer { vh in
            let base = SendablePointer(vh.baseAddress!)
            let unitList = units
            let work: @Sendable (Int) -> Void = { u in
                let unit = unitList[u]
                var visitor = ValueHashVisitor(
                    type: reader.schema.fields[unit.column].type, out: base.base + unit.field * n + unit.start)
                do { try reader.visit(column: unit.column, rowGroup: unit.group, &visitor) } catch {
                    failures.value.record(error)
                }
            }
            if unitList.count > 1 {
                DispatchQueue.concurrentPerform(iterations: unitList.count, execute: work)
            } else if unitList.count == 1 {
                work(0)
            }
            if let error = failures.value.first { throw error }
        }
        let order = file.fields.indices.sorted {
            file.fields[$0].name.utf8.lexicographicallyPrecedes(file.fields[$1].name.utf8)
        }
        let keyOrder = key.map { names in order.filter { names.contains(file.fields[$0].name) } }
        let consts = constants
        return scratch.withUnsafeBufferPointer { vh in
            Self.fold(
                vh.baseAddress!, rows: n, order: order, identity: id, key: keyOrder, constants: consts,
                keep: file.keptRows)
        }
    }

    /// Row, identity and key digests from the value hashes at `vh` (column `c`'s at `vh + c·rows`,
    /// or `constants[c]`), only the rows in `keep` when given.
    private static func fold(
        _ vh: UnsafePointer<UInt64>, rows n: Int, order: [Int], identity: Int, key keyOrder: [Int]?,
        constants consts: [UInt64?], keep: [Int]?
    ) -> RowDigests {
        let vhBase = UncheckedSendable(vh)
        // Column-major over chunks of rows: each column's hashes stream from one array, and a
        // constant column folds one value.
        @Sendable func fold(_ columns: [Int], into out: SendablePointer<UInt64>, _ range: Range<Int>) {
            let r = out.base + range.lowerBound
            let count = range.count
            for i in 0..<count { r[i] = StableHash.k0 }
            for c in columns {
                if let v = consts[c] {
                    for i in 0..<count { r[i] = StableHash.mum(r[i] ^ v, StableHash.k1) }
                } else {
                    let col = vhBase.value + (c &* n &+ range.lowerBound)
                    for i in 0..<count { r[i] = StableHash.mum(r[i] ^ col[i], StableHash.k1) }
                }
            }
        }
        func digestArray(_ columns: [Int]) -> [UInt64] {
            [UInt64](unsafeUninitializedCapacity: n) { buf, done in
                let out = SendablePointer(buf.baseAddress!)
                parallelChunks(count: n, minimumChunk: 32_768) { range in fold(columns, into: out, range) }
                done = n
            }
        }
        let rows = digestArray(order)
        let ids = digestArray([identity])
        let keys = keyOrder.map { digestArray($0) }
        guard let keep else { return RowDigests(rows: rows, identity: ids, key: keys) }
        return RowDigests(
            rows: keep.map { rows[$0] }, identity: keep.map { ids[$0] }, key: keys.map { k in keep.map { k[$0] } })
    }
}

/// The first error of concurrent workers.
private final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var first: Error?

    func record(_ error: Error) { lock.withLock { if first == nil { first = error } } }
}

/// Folds a column chunk's values into their value hashes (`RowDigest`'s `v`), one per row of the
/// chunk at `out`; nulls get `RowDigest.nullHash`.
struct ValueHashVisitor: PageVisitor {
    let type: ColumnType
    let out: UnsafeMutablePointer<UInt64>
    var row = 0
    var dictionaryHashes: [UInt64] = []

    init(type: ColumnType, out: UnsafeMutablePointer<UInt64>) {
        self.type = type
        self.out = out
    }

    mutating func dictionary(_ entries: ByteArrays) throws {
        dictionaryHashes = (0..<entries.count).map {
            let v = entries.value($0)
            return StableHash.bytes(v.pointer, count: v.count)
        }
    }

    mutating func page(_ values: PageValues, rows: Int, levels: UnsafePointer<UInt32>?) throws {
        let dst = out + row
        var present = 0
        switch values {
        case .fixed32(let raw):
            present = raw.count / 4
            for k in 0..<present {
                let v = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: k &* 4, as: Int32.self))
                dst[k] = StableHash.int(UInt64(bitPattern: Int64(v)), tag: 1)
            }
        case .fixed64(let raw):
            present = raw.count / 8
            let tag: UInt64 = type == .double ? 2 : 1
            for k in 0..<present {
                dst[k] = StableHash.int(
                    UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k &* 8, as: UInt64.self)), tag: tag)
            }
        case .boolean(let b):
            present = b.count
            for k in 0..<present { dst[k] = StableHash.int(b[k] ? 1 : 0, tag: 3) }
        case .bytes(let a):
            present = a.count
            for k in 0..<present {
                let v = a.value(k)
                dst[k] = StableHash.bytes(v.pointer, count: v.count)
            }
        case .dictionary(let idx):
            present = idx.count
            dictionaryHashes.withUnsafeBufferPointer { d in
                for k in 0..<present { dst[k] = d[Int(idx[k])] }
            }
        }
        if let levels {
            // present values were written packed: move them to their rows
            PageValues.scatter(dst, present: present, rows: rows, levels: levels, null: RowDigest.nullHash)
        }
        row += rows
    }
}
