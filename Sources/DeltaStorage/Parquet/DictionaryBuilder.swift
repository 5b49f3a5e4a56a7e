#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A chunk's dictionary: the PLAIN-encoded distinct values and one index per non-null value.
struct DictionaryEncoding {
    var page: OutputBuffer
    var entryCount: Int
    var indices: [UInt32]

    /// "Bits needed for #entries − 1, at least 1" (delta-parquet.md A6).
    var bitWidth: Int { Swift.max(1, RLEHybrid.bitWidth(UInt32(Swift.max(entryCount - 1, 0)))) }
}

/// Builds dictionaries with an open-addressing table (our own hash: no per-value allocation, and
/// nothing process-seeded). Gives up early when a sample predicts the dictionary would not pay.
enum DictionaryBuilder {
    /// Values seen before the first cardinality estimate.
    static let sampleSize = 8192

    static func build(_ column: Column, rows: Range<Int>, limitBytes: Int) -> DictionaryEncoding? {
        switch column.values {
        case .int32(let v): return v.withUnsafeBufferPointer { buildFixed($0, column.validity, rows, limitBytes) }
        case .int64(let v): return v.withUnsafeBufferPointer { buildFixed($0, column.validity, rows, limitBytes) }
        case .bytes(let b): return buildBytes(b, column.validity, rows, limitBytes)
        case .double, .boolean: return nil
        }
    }

    /// Whether a dictionary of `distinct` entries seen after `seen` of `total` values should be abandoned:
    /// the birthday estimate of the final distinct count predicts a dictionary over the limit or an
    /// encoding not clearly smaller than PLAIN.
    static func shouldAbandon(seen: Int, distinct: Int, total: Int, entryBytes: Double, limitBytes: Int) -> Bool {
        let dup = seen - distinct
        let estimate =
            dup == 0 ? Double.infinity : Swift.max(Double(distinct), Double(seen) * Double(seen) / (2 * Double(dup)))
        let finalDistinct = Swift.min(estimate, Double(total))
        let dictBytes = finalDistinct * entryBytes
        if dictBytes > Double(limitBytes) { return true }
        let bits = Double(Swift.max(1, RLEHybrid.bitWidth(UInt32(Swift.min(finalDistinct, Double(UInt32.max))))))
        return dictBytes + Double(total) * bits / 8 > 0.9 * Double(total) * entryBytes
    }

    /// Whether the finished dictionary is smaller than PLAIN.
    static func pays(_ d: DictionaryEncoding, plainBytes: Int) -> Bool {
        d.page.count + (d.indices.count * d.bitWidth + 7) / 8 + 16 < plainBytes
    }

    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var h = x &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    private static func buildFixed<T: FixedWidthInteger>(
        _ v: UnsafeBufferPointer<T>, _ validity: [Bool]?, _ rows: Range<Int>, _ limit: Int
    ) -> DictionaryEncoding? {
        let total = validity.map { val in rows.reduce(0) { $0 + (val[$1] ? 1 : 0) } } ?? rows.count
        guard total > 0 else { return nil }
        let width = MemoryLayout<T>.size
        let table = ProbeTable()
        let page = OutputBuffer(capacity: 4096)
        var indices = [UInt32](repeating: 0, count: total)
        let ok = indices.withUnsafeMutableBufferPointer { idx -> Bool in
            var n = 0
            for i in rows where validity?[i] ?? true {
                let key = UInt64(truncatingIfNeeded: v[i])
                let (slot, found) = table.find(key: key, tag: 0, hash: mix(key)) { _ in true }
                if found {
                    idx[n] = slot.pointee.index
                } else {
                    let e = UInt32(table.count)
                    table.insert(at: slot, key: key, tag: 0, index: e)
                    idx[n] = e
                    var x = v[i].littleEndian
                    withUnsafeBytes(of: &x) { page.append($0.baseAddress!, count: width) }
                    if page.count > limit { return false }
                }
                n += 1
                if n == sampleSize && n < total
                    && shouldAbandon(
                        seen: n, distinct: table.count, total: total, entryBytes: Double(width), limitBytes: limit)
                {
                    return false
                }
            }
            return true
        }
        return ok ? DictionaryEncoding(page: page, entryCount: table.count, indices: indices) : nil
    }

    /// Keys of up to 8 bytes are stored in the slot itself (exact match, no second memory access);
    /// longer keys are matched by a 64-bit hash and then compared byte for byte.
    private static func buildBytes(_ b: ByteColumn, _ validity: [Bool]?, _ rows: Range<Int>, _ limit: Int)
        -> DictionaryEncoding?
    {
        let total = validity.map { val in rows.reduce(0) { $0 + (val[$1] ? 1 : 0) } } ?? rows.count
        guard total > 0 else { return nil }
        let avgEntry =
            Double(Int(b.offsets[rows.upperBound] - b.offsets[rows.lowerBound]) + 4 * rows.count) / Double(rows.count)
        let table = ProbeTable()
        let page = OutputBuffer(capacity: 1 << 16)
        var starts: [Int] = []  // entry value start within `page` (after its length prefix)
        var indices = [UInt32](repeating: 0, count: total)
        let ok = b.bytes.withUnsafeBufferPointer { bytesBuf -> Bool in
            b.offsets.withUnsafeBufferPointer { off -> Bool in
                indices.withUnsafeMutableBufferPointer { idx -> Bool in
                    let base = bytesBuf.baseAddress ?? UnsafePointer(bitPattern: 1)!
                    let end = base + bytesBuf.count
                    var n = 0
                    for i in rows where validity?[i] ?? true {
                        let p = base + Int(off[i])
                        let len = Int(off[i + 1] - off[i])
                        let key: UInt64
                        let tag: UInt32
                        let hash: UInt64
                        if len <= 8 {
                            key = shortKey(p, len, end)
                            tag = UInt32(len)
                            hash = mix(key ^ UInt64(len) << 59)
                        } else {
                            key = hashBytes(p, len)
                            tag = UInt32(len) | 0x8000_0000
                            hash = key
                        }
                        let (slot, found) = table.find(key: key, tag: tag, hash: hash) { e in
                            len <= 8 || memcmp(page.base + starts[Int(e)], p, len) == 0
                        }
                        if found {
                            idx[n] = slot.pointee.index
                        } else {
                            let e = UInt32(starts.count)
                            table.insert(at: slot, key: key, tag: tag, index: e)
                            idx[n] = e
                            page.appendUInt32LE(UInt32(len))
                            starts.append(page.count)
                            page.append(p, count: len)
                            if page.count > limit { return false }
                        }
                        n += 1
                        if n == sampleSize && n < total
                            && shouldAbandon(
                                seen: n, distinct: starts.count, total: total, entryBytes: avgEntry, limitBytes: limit)
                        {
                            return false
                        }
                    }
                    return true
                }
            }
        }
        return ok ? DictionaryEncoding(page: page, entryCount: starts.count, indices: indices) : nil
    }

    /// The value's bytes as a zero-padded little-endian word (len ≤ 8).
    @inline(__always) static func shortKey(_ p: UnsafePointer<UInt8>, _ len: Int, _ end: UnsafePointer<UInt8>) -> UInt64
    {
        if len == 0 { return 0 }
        if end - p >= 8 {
            let w = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
            return len == 8 ? w : w & ((1 << UInt64(8 * len)) - 1)
        }
        var w: UInt64 = 0
        for q in 0..<len { w |= UInt64(p[q]) << UInt64(8 * q) }
        return w
    }

    /// A 64-bit hash over 8-byte words (deterministic; quality is enough for a probe table).
    @inline(__always) static func hashBytes(_ p: UnsafePointer<UInt8>, _ len: Int) -> UInt64 {
        var h = UInt64(len) &* 0x9E37_79B9_7F4A_7C15
        var k = 0
        let raw = UnsafeRawPointer(p)
        while k + 8 <= len {
            h = (h ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            k += 8
        }
        if k < len {
            var w: UInt64 = 0
            for q in 0..<(len - k) { w |= UInt64(p[k + q]) << UInt64(8 * q) }
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
        }
        return mix(h)
    }
}

/// Open-addressing (linear probing) table of 16-byte slots: key, tag (length and kind) and entry
/// number, so a lookup usually touches one cache line. Grows at 80 % load.
final class ProbeTable {
    struct Slot {
        var key: UInt64
        var tag: UInt32
        var index: UInt32  // UInt32.max = empty
    }

    private(set) var slots: UnsafeMutablePointer<Slot>
    private var capacity: Int
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 1024) {
        self.capacity = capacity
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(key: 0, tag: 0, index: .max), count: capacity)
    }

    deinit { slots.deallocate() }

    /// The slot holding `key`/`tag` (found = true, after `verify` accepts its entry) or the empty
    /// slot where it belongs.
    @inline(__always)
    func find(key: UInt64, tag: UInt32, hash: UInt64, verify: (UInt32) -> Bool) -> (UnsafeMutablePointer<Slot>, Bool) {
        let mask = capacity - 1
        var i = Int(truncatingIfNeeded: hash >> shift)
        while true {
            let s = slots + i
            if s.pointee.index == .max { return (s, false) }
            if s.pointee.key == key && s.pointee.tag == tag && verify(s.pointee.index) { return (s, true) }
            i = (i + 1) & mask
        }
    }

    /// Fills an empty slot returned by `find`; may grow (invalidating slot pointers).
    @inline(__always)
    func insert(at slot: UnsafeMutablePointer<Slot>, key: UInt64, tag: UInt32, index: UInt32) {
        slot.pointee = Slot(key: key, tag: tag, index: index)
        count += 1
        if count * 5 > capacity * 4 { grow() }
    }

    /// Rehashes into twice the slots. Hashes are recomputed from the stored keys: for short keys
    /// and integers the key is the value, for long keys it is the hash itself.
    private func grow() {
        let old = slots
        let oldCapacity = capacity
        capacity *= 2
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(key: 0, tag: 0, index: .max), count: capacity)
        let mask = capacity - 1
        for k in 0..<oldCapacity where old[k].index != .max {
            let s = old[k]
            var i = Int(truncatingIfNeeded: ProbeTable.hash(key: s.key, tag: s.tag) >> shift)
            while slots[i].index != .max { i = (i + 1) & mask }
            slots[i] = s
        }
        old.deallocate()
    }

    /// The hash `find` was called with, derived from a stored slot.
    @inline(__always) static func hash(key: UInt64, tag: UInt32) -> UInt64 {
        if tag & 0x8000_0000 != 0 { return key }  // long byte key: key is the hash
        if tag == 0 { return DictionaryBuilder.mix(key) }  // integer
        return DictionaryBuilder.mix(key ^ UInt64(tag) << 59)  // short byte key: tag = length
    }
}
