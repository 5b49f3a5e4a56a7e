/// Adapts the page loop's `PageSink` calls to a `PageVisitor`: values are handed over in place
/// (PLAIN pages) or decoded into buffers reused from page to page (DELTA_BINARY_PACKED, booleans,
/// fixed-width dictionaries). Checks every length, count and dictionary index as the
/// materialising sinks do.
struct VisitSink<V: PageVisitor>: PageSink {
    enum Kind { case fixed32, fixed64, boolean, bytes }

    let kind: Kind
    var visitor: V
    private let starts = GrowableBuffer<Int32>()
    private let fixed = GrowableBuffer<UInt64>()
    private let bools = GrowableBuffer<Bool>()
    private var fixedDictionary: [UInt8] = []
    private var dictionaryCount = 0

    init(type: ColumnType, visitor: V) {
        switch type {
        case .integer, .date: kind = .fixed32
        case .long, .timestamp, .double: kind = .fixed64
        case .boolean: kind = .boolean
        case .string, .binary: kind = .bytes
        }
        self.visitor = visitor
    }

    private var width: Int { kind == .fixed32 ? 4 : 8 }

    private func wrap(_ raw: UnsafeRawBufferPointer) -> PageValues {
        kind == .fixed32 ? .fixed32(raw) : .fixed64(raw)
    }

    /// Positions of `count` length-prefixed values at the start of `page` into `starts`.
    private mutating func locate(_ page: UnsafeRawBufferPointer, count: Int) throws -> ByteArrays {
        guard page.count < Int(Int32.max) else { throw DecodeError("page exceeds 2 GiB") }
        let s = starts.reserve(count + 1)
        do {
            var p = 0
            for v in 0..<count {
                guard page.count - p >= 4 else { throw DecodeError("page ends after \(v) of \(count) values") }
                let len = Int(page.loadUnaligned(fromByteOffset: p, as: UInt32.self).littleEndian)
                guard len <= page.count - p - 4 else { throw DecodeError("value length \(len) runs past the page") }
                s[v] = Int32(p)
                p += 4 + len
            }
            s[count] = Int32(p)
            return ByteArrays(base: page.baseAddress ?? UnsafeRawPointer(s), starts: s, count: count)
        }
    }

    mutating func setDictionary(_ page: UnsafeRawBufferPointer, count: Int) throws {
        switch kind {
        case .boolean: throw DecodeError("dictionary encoding of booleans is not supported")
        case .bytes:
            let entries = try locate(page, count: count)
            try visitor.dictionary(entries)
        case .fixed32, .fixed64:
            guard page.count >= count * width else {
                throw DecodeError("dictionary page holds \(page.count) bytes for \(count) values")
            }
            fixedDictionary = Array(UnsafeRawBufferPointer(rebasing: page[0..<count * width]))
        }
        dictionaryCount = count
    }

    mutating func plain(_ values: UnsafeRawBufferPointer, nonNull: Int, rows: Int, levels: UnsafePointer<UInt32>?)
        throws
    {
        switch kind {
        case .fixed32, .fixed64:
            guard values.count >= nonNull * width else {
                throw DecodeError("page holds \(values.count) value bytes for \(nonNull) values")
            }
            try visitor.page(
                wrap(UnsafeRawBufferPointer(rebasing: values[0..<nonNull * width])), rows: rows, levels: levels)
        case .boolean:
            guard values.count >= (nonNull + 7) / 8 else { throw DecodeError("boolean page too short") }
            let b = bools.reserve(nonNull)
            for v in 0..<nonNull { b[v] = (values[v >> 3] >> UInt8(v & 7)) & 1 == 1 }
            try visitor.page(.boolean(UnsafeBufferPointer(start: b, count: nonNull)), rows: rows, levels: levels)
        case .bytes:
            let arrays = try locate(values, count: nonNull)
            try visitor.page(.bytes(arrays), rows: rows, levels: levels)
        }
    }

    mutating func dictionary(_ indices: UnsafeBufferPointer<UInt32>, rows: Int, levels: UnsafePointer<UInt32>?) throws {
        guard kind != .boolean else { throw DecodeError("dictionary encoding of booleans is not supported") }
        let entries = dictionaryCount
        for i in indices where Int(i) >= entries {
            throw DecodeError("dictionary index \(i) ≥ dictionary size \(entries)")
        }
        guard kind != .bytes else {
            try visitor.page(.dictionary(indices), rows: rows, levels: levels)
            return
        }
        let w = width
        let out = UnsafeMutableRawPointer(fixed.reserve(indices.count))
        fixedDictionary.withUnsafeBytes { d in
            // one load and store a value (not a copy call): fixed-width dictionaries are the common case
            if w == 4 {
                for (k, i) in indices.enumerated() {
                    out.storeBytes(
                        of: d.loadUnaligned(fromByteOffset: Int(i) &* 4, as: UInt32.self), toByteOffset: k &* 4,
                        as: UInt32.self)
                }
            } else {
                for (k, i) in indices.enumerated() {
                    out.storeBytes(
                        of: d.loadUnaligned(fromByteOffset: Int(i) &* 8, as: UInt64.self), toByteOffset: k &* 8,
                        as: UInt64.self)
                }
            }
        }
        try visitor.page(wrap(UnsafeRawBufferPointer(start: out, count: indices.count * w)), rows: rows, levels: levels)
    }

    mutating func deltaBinaryPacked(
        _ values: UnsafeRawBufferPointer, nonNull: Int, rows: Int, levels: UnsafePointer<UInt32>?
    ) throws {
        guard kind == .fixed32 || kind == .fixed64 else {
            throw DecodeError("DELTA_BINARY_PACKED is only supported for INT32 and INT64 columns")
        }
        let w = width
        let out = fixed.reserve(nonNull)
        if w == 4 {
            try out.withMemoryRebound(to: Int32.self, capacity: nonNull) {
                try DeltaBinaryPacked.decode(values, count: nonNull, into: $0)
            }
        } else {
            try out.withMemoryRebound(to: Int64.self, capacity: nonNull) {
                try DeltaBinaryPacked.decode(values, count: nonNull, into: $0)
            }
        }
        try visitor.page(wrap(UnsafeRawBufferPointer(start: out, count: nonNull * w)), rows: rows, levels: levels)
    }

    mutating func rle(
        _ values: UnsafeRawBufferPointer, nonNull: Int, rows: Int, levels: UnsafePointer<UInt32>?,
        scratch: UnsafeMutablePointer<UInt32>
    ) throws {
        guard kind == .boolean else { throw DecodeError("RLE-encoded values are only supported for BOOLEAN columns") }
        guard values.count >= 4 else { throw DecodeError("boolean RLE data too short") }
        let len = Int(values.loadUnaligned(as: UInt32.self).littleEndian)
        guard len <= values.count - 4 else { throw DecodeError("boolean RLE data runs past the page") }
        try RLEHybrid.decode(
            UnsafeRawBufferPointer(rebasing: values[4..<4 + len]), bitWidth: 1, count: nonNull, into: scratch)
        let b = bools.reserve(nonNull)
        for v in 0..<nonNull { b[v] = scratch[v] != 0 }
        try visitor.page(.boolean(UnsafeBufferPointer(start: b, count: nonNull)), rows: rows, levels: levels)
    }
}

/// A buffer that grows on demand and is freed with its owner (pointers stay valid until the next `reserve`).
final class GrowableBuffer<T: BitwiseCopyable> {
    private var base: UnsafeMutablePointer<T>?
    private var capacity = 0

    deinit { base?.deallocate() }

    func reserve(_ n: Int) -> UnsafeMutablePointer<T> {
        if n > capacity || base == nil {
            base?.deallocate()
            capacity = Swift.max(n, 16)
            base = .allocate(capacity: capacity)
        }
        return base!
    }
}
