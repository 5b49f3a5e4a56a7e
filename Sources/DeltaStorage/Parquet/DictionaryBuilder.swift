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
        let estimate = dup == 0 ? Double.infinity : Swift.max(Double(distinct), Double(seen) * Double(seen) / (2 * Double(dup)))
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
        var table = HashTable(capacity: 1024)
        var entries: [T] = []
        var indices = [UInt32](repeating: 0, count: total)
        var n = 0
        for i in rows where validity?[i] ?? true {
            let x = v[i]
            let h = mix(UInt64(truncatingIfNeeded: x))
            var slot = table.index(h)
            while true {
                let e = table.slots[slot]
                if e < 0 {
                    table.slots[slot] = Int32(entries.count)
                    table.hashes.append(h)
                    indices[n] = UInt32(entries.count)
                    entries.append(x)
                    if entries.count * width > limit { return nil }
                    if table.needsGrowth(entries.count) { table.grow() }
                    break
                }
                if entries[Int(e)] == x {
                    indices[n] = UInt32(e)
                    break
                }
                slot = (slot + 1) & table.mask
            }
            n += 1
            if n == sampleSize && n < total
                && shouldAbandon(seen: n, distinct: entries.count, total: total, entryBytes: Double(width), limitBytes: limit)
            {
                return nil
            }
        }
        let page = OutputBuffer(capacity: entries.count * width)
        entries.withUnsafeBytes { page.append($0.baseAddress!, count: $0.count) }
        return DictionaryEncoding(page: page, entryCount: entries.count, indices: indices)
    }

    private static func buildBytes(_ b: ByteColumn, _ validity: [Bool]?, _ rows: Range<Int>, _ limit: Int) -> DictionaryEncoding? {
        let total = validity.map { val in rows.reduce(0) { $0 + (val[$1] ? 1 : 0) } } ?? rows.count
        guard total > 0 else { return nil }
        let avgEntry = Double(Int(b.offsets[rows.upperBound] - b.offsets[rows.lowerBound]) + 4 * rows.count) / Double(rows.count)
        var table = HashTable(capacity: 1024)
        let page = OutputBuffer(capacity: 1 << 16)
        var starts: [Int] = []  // entry value start within `page` (after its length prefix)
        var indices = [UInt32](repeating: 0, count: total)
        var n = 0
        return b.bytes.withUnsafeBufferPointer { bytesBuf -> DictionaryEncoding? in
            b.offsets.withUnsafeBufferPointer { off -> DictionaryEncoding? in
                let base = bytesBuf.baseAddress ?? UnsafePointer(bitPattern: 1)!
                for i in rows where validity?[i] ?? true {
                    let p = base + Int(off[i])
                    let len = Int(off[i + 1] - off[i])
                    let h = hashBytes(p, len)
                    var slot = table.index(h)
                    while true {
                        let e = table.slots[slot]
                        if e < 0 {
                            table.slots[slot] = Int32(starts.count)
                            table.hashes.append(h)
                            indices[n] = UInt32(starts.count)
                            page.appendUInt32LE(UInt32(len))
                            starts.append(page.count)
                            page.append(p, count: len)
                            if page.count > limit { return nil }
                            if table.needsGrowth(starts.count) { table.grow() }
                            break
                        }
                        let s = starts[Int(e)]
                        if table.hashes[Int(e)] == h,
                            Int(UnsafeRawPointer(page.base + s - 4).loadUnaligned(as: UInt32.self)) == len,
                            len == 0 || memcmp(page.base + s, p, len) == 0
                        {
                            indices[n] = UInt32(e)
                            break
                        }
                        slot = (slot + 1) & table.mask
                    }
                    n += 1
                    if n == sampleSize && n < total
                        && shouldAbandon(seen: n, distinct: starts.count, total: total, entryBytes: avgEntry, limitBytes: limit)
                    {
                        return nil
                    }
                }
                return DictionaryEncoding(page: page, entryCount: starts.count, indices: indices)
            }
        }
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

/// Linear-probing table of entry numbers (−1 = empty), with the entries' hashes kept for rehashing.
struct HashTable {
    var slots: [Int32]
    var hashes: [UInt64] = []
    var mask: Int
    private var shift: UInt64

    init(capacity: Int) {
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    @inline(__always) func index(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h >> shift) }
    @inline(__always) func needsGrowth(_ entries: Int) -> Bool { entries * 2 > slots.count }

    mutating func grow() {
        let cap = slots.count * 2
        slots = [Int32](repeating: -1, count: cap)
        mask = cap - 1
        shift = UInt64(64 - cap.trailingZeroBitCount)
        for (e, h) in hashes.enumerated() {
            var s = index(h)
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = Int32(e)
        }
    }
}
