/// PLAIN encoding of the non-null values of a row range (delta-parquet.md A6).
enum PlainEncoder {
    static func encode(_ column: Column, _ range: Range<Int>, nonNull: Int, into out: OutputBuffer) {
        let validity = nonNull == range.count ? nil : column.validity
        switch column.values {
        case .int32(let v): v.withUnsafeBufferPointer { fixed($0, range, validity, nonNull, out) }
        case .int64(let v): v.withUnsafeBufferPointer { fixed($0, range, validity, nonNull, out) }
        case .double(let v): v.withUnsafeBufferPointer { fixed($0, range, validity, nonNull, out) }
        case .boolean(let v): v.withUnsafeBufferPointer { booleans($0, range, validity, nonNull, out) }
        case .bytes(let b): bytes(b, range, validity, out)
        }
    }

    /// Little-endian values back to back (the in-memory layout on every platform Swift targets here).
    private static func fixed<T>(
        _ v: UnsafeBufferPointer<T>, _ range: Range<Int>, _ validity: [Bool]?, _ nonNull: Int, _ out: OutputBuffer
    ) {
        let width = MemoryLayout<T>.stride
        guard let validity else {
            out.append(UnsafeRawPointer(v.baseAddress! + range.lowerBound), count: range.count * width)
            return
        }
        out.reserve(nonNull * width)
        let dst = UnsafeMutableRawPointer(out.end).assumingMemoryBound(to: T.self)
        var k = 0
        for i in range where validity[i] {
            (dst + k).initialize(to: v[i])
            k += 1
        }
        out.count += k * width
    }

    /// Bit-packed, first value in the least significant bit, no length prefix.
    private static func booleans(
        _ v: UnsafeBufferPointer<Bool>, _ range: Range<Int>, _ validity: [Bool]?, _ nonNull: Int, _ out: OutputBuffer
    ) {
        let n = (nonNull + 7) / 8
        out.reserve(n)
        let dst = out.end
        dst.initialize(repeating: 0, count: n)
        var k = 0
        for i in range where validity?[i] ?? true {
            if v[i] { dst[k >> 3] |= UInt8(1) << UInt8(k & 7) }
            k += 1
        }
        out.count += n
    }

    /// uint32 length + bytes per value.
    private static func bytes(_ b: ByteColumn, _ range: Range<Int>, _ validity: [Bool]?, _ out: OutputBuffer) {
        b.bytes.withUnsafeBufferPointer { bytesBuf in
            b.offsets.withUnsafeBufferPointer { off in
                let total = Int(off[range.upperBound] - off[range.lowerBound]) + 4 * range.count
                out.reserve(total)
                var p = UnsafeMutableRawPointer(out.end)
                let src = UnsafeRawPointer(bytesBuf.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                for i in range where validity?[i] ?? true {
                    let s = Int(off[i])
                    let len = Int(off[i + 1]) - s
                    p.storeBytes(of: UInt32(truncatingIfNeeded: len).littleEndian, toByteOffset: 0, as: UInt32.self)
                    (p + 4).copyMemory(from: src + s, byteCount: len)
                    p += 4 + len
                }
                out.count = UnsafeMutablePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - out.base
            }
        }
    }
}
