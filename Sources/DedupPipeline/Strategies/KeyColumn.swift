import DeltaStorage

/// Dedup keys as bytes: every key column is viewed as a `ByteColumn` once, at the boundary, so the
/// dedup kernels are one specialised loop over contiguous bytes whatever the key's type.
/// Integers become their little-endian bytes (4 for integer/date, 8 for long/timestamp).
enum KeyColumn {
    /// The key bytes of a key made of `columns`: one column as `bytes(of:)`; several as each
    /// column's bytes in turn, variable-length ones prefixed with their UInt32 length (unambiguous).
    static func bytes(of columns: [Column]) -> ByteColumn {
        if columns.count == 1 { return bytes(of: columns[0]) }
        let parts = columns.map { bytes(of: $0) }
        let n = columns.first?.count ?? 0
        let prefix = columns.map { c -> Int in if case .bytes = c.values { 4 } else { 0 } }
        // row ends first (sum over parts of running lengths), then one pass of copies
        var offsets = [Int32](repeating: 0, count: n + 1)
        for (p, extra) in zip(parts, prefix) {
            var total: Int32 = 0
            for i in 0..<n {
                total &+= p.offsets[i + 1] - p.offsets[i] + Int32(extra)
                offsets[i + 1] &+= total
            }
        }
        var out = [UInt8](repeating: 0, count: Int(offsets[n]))
        out.withUnsafeMutableBufferPointer { out in
            ByteColumn.withKeyBuffers(parts) { buffers in
                var cursor = 0
                for i in 0..<n {
                    for (b, extra) in zip(buffers, prefix) {
                        let lo = Int(b.offsets[i])
                        let len = Int(b.offsets[i + 1]) - lo
                        if extra > 0 {
                            for k in 0..<4 {
                                out[cursor + k] = UInt8(truncatingIfNeeded: UInt32(len) >> (8 * UInt32(k)))
                            }
                            cursor += 4
                        }
                        if len > 0 { (out.baseAddress! + cursor).update(from: b.bytes + lo, count: len) }
                        cursor += len
                    }
                }
            }
        }
        return ByteColumn(bytes: out, offsets: offsets)
    }

    /// The key bytes of `column` (strings and binary as stored; numbers little-endian).
    static func bytes(of column: Column) -> ByteColumn {
        switch column.values {
        case .bytes(let b): return b
        case .int64(let v): return fixed(v.count, width: 8) { p, i in storeLE(UInt64(bitPattern: v[i]), p, 8) }
        case .int32(let v):
            return fixed(v.count, width: 4) { p, i in storeLE(UInt64(UInt32(bitPattern: v[i])), p, 4) }
        case .double(let v): return fixed(v.count, width: 8) { p, i in storeLE(v[i].bitPattern, p, 8) }
        case .boolean(let v): return fixed(v.count, width: 1) { p, i in p[0] = v[i] ? 1 : 0 }
        }
    }

    private static func storeLE(_ x: UInt64, _ p: UnsafeMutablePointer<UInt8>, _ width: Int) {
        for k in 0..<width { p[k] = UInt8(truncatingIfNeeded: x >> (8 * UInt64(k))) }
    }

    private static func fixed(
        _ n: Int, width: Int, _ write: (UnsafeMutablePointer<UInt8>, Int) -> Void
    ) -> ByteColumn {
        var bytes = [UInt8](repeating: 0, count: n * width)
        bytes.withUnsafeMutableBufferPointer { b in
            for i in 0..<n { write(b.baseAddress! + i * width, i) }
        }
        let offsets = (0...n).map { Int32($0 * width) }
        return ByteColumn(bytes: bytes, offsets: offsets)
    }

    /// `StableHash` fingerprints of every key, computed on all cores.
    static func fingerprints(_ keys: ByteColumn) -> [UInt64] {
        let n = keys.count
        if n == 0 { return [] }
        var out = [UInt64](repeating: 0, count: n)
        keys.bytes.withUnsafeBufferPointer { bb in
            keys.offsets.withUnsafeBufferPointer { ob in
                out.withUnsafeMutableBufferPointer { fb in
                    let src = SendablePointer(UnsafeMutablePointer(mutating: bb.baseAddress ?? emptyByte))
                    let off = SendablePointer(UnsafeMutablePointer(mutating: ob.baseAddress!))
                    let dst = SendablePointer(fb.baseAddress!)
                    parallelChunks(count: n, minimumChunk: 65_536) { range in
                        for i in range {
                            let lo = Int(off.base[i])
                            dst.base[i] = StableHash.bytes(src.base + lo, count: Int(off.base[i + 1]) - lo)
                        }
                    }
                }
            }
        }
        return out
    }

    /// Whether value `i` of `a` equals value `j` of `b` (both given as raw buffers of a ByteColumn).
    @inline(__always)
    static func equal(_ a: KeyBuffer, _ i: Int, _ b: KeyBuffer, _ j: Int) -> Bool {
        let ai = Int(a.offsets[i])
        let al = Int(a.offsets[i + 1]) - ai
        let bj = Int(b.offsets[j])
        let bl = Int(b.offsets[j + 1]) - bj
        if al != bl { return false }
        if al == 0 { return true }
        return memcmp(a.bytes + ai, b.bytes + bj, al) == 0
    }
}

/// Raw pointers into a `ByteColumn` that is not mutated while they are used.
struct KeyBuffer {
    let bytes: UnsafePointer<UInt8>
    let offsets: UnsafePointer<Int32>
}

extension ByteColumn {
    /// Runs `body` with raw pointers to the values (valid only inside `body`).
    func withKeyBuffer<R>(_ body: (KeyBuffer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { bb in
            try offsets.withUnsafeBufferPointer { ob in
                try body(KeyBuffer(bytes: bb.baseAddress ?? emptyByte, offsets: ob.baseAddress!))
            }
        }
    }
}

/// A valid address for empty buffers (whose `baseAddress` may be nil); never dereferenced.
nonisolated(unsafe) let emptyByte = UnsafePointer(UnsafeMutablePointer<UInt8>.allocate(capacity: 8))

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
