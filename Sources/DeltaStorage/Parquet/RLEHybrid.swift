/// The RLE / bit-packed hybrid encoding (definition levels and dictionary indices), delta-parquet.md A7.
enum RLEHybrid {
    /// Bits needed for values up to `maxValue` (0 for 0).
    static func bitWidth(_ maxValue: UInt32) -> Int { 32 - maxValue.leadingZeroBitCount }

    /// Encodes `values` (each < 2^bitWidth) as runs: a repeat of ≥ 8 equal values starting at a
    /// group boundary becomes an RLE run, everything else goes into bit-packed groups of 8.
    static func encode<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>, bitWidth w: Int, into out: OutputBuffer
    ) {
        let n = values.count
        guard n > 0 else { return }
        var i = 0
        var packedStart = 0  // first value of the pending bit-packed run
        while i < n {
            let v = values[i]
            var j = i + 1
            while j < n && values[j] == v { j += 1 }
            if j - i >= 8 {
                if packedStart < i { writePacked(values, packedStart..<i, bitWidth: w, into: out) }
                writeRLE(UInt32(v), count: j - i, bitWidth: w, into: out)
                i = j
                packedStart = i
            } else {
                i = Swift.min(i + 8, n)  // one more group for the bit-packed run
            }
        }
        if packedStart < n { writePacked(values, packedStart..<n, bitWidth: w, into: out) }
    }

    /// Encodes `values` as RLE runs only (valid, but larger than `encode` for alternating data).
    static func encodeRuns<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>, bitWidth w: Int, into out: OutputBuffer
    ) {
        var i = 0
        while i < values.count {
            var j = i + 1
            while j < values.count && values[j] == values[i] { j += 1 }
            writeRLE(UInt32(values[i]), count: j - i, bitWidth: w, into: out)
            i = j
        }
    }

    static func writeRLE(_ value: UInt32, count: Int, bitWidth w: Int, into out: OutputBuffer) {
        out.appendVarint(UInt64(count) << 1)
        var v = value
        for _ in 0..<((w + 7) / 8) {
            out.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
    }

    /// One bit-packed run; a final partial group is padded with zeros (readers stop at num_values).
    static func writePacked<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>, _ range: Range<Int>, bitWidth w: Int, into out: OutputBuffer
    ) {
        let groups = (range.count + 7) / 8
        out.appendVarint(UInt64(groups) << 1 | 1)
        let byteCount = groups * w
        out.reserve(byteCount + 8)
        var p = out.end
        var acc: UInt64 = 0
        var bits = 0
        for k in range {
            acc |= UInt64(truncatingIfNeeded: values[k]) << UInt64(bits)
            bits += w
            if bits >= 32 {
                UnsafeMutableRawPointer(p).storeBytes(of: UInt32(truncatingIfNeeded: acc).littleEndian, as: UInt32.self)
                p += 4
                acc >>= 32
                bits -= 32
            }
        }
        while bits > 0 {
            p.pointee = UInt8(truncatingIfNeeded: acc)
            p += 1
            acc >>= 8
            bits -= 8
        }
        let written = p - out.end
        if written < byteCount { (out.end + written).initialize(repeating: 0, count: byteCount - written) }
        out.count += byteCount
    }

    /// Decodes exactly `count` values from `bytes` into `dst`; returns the bytes consumed.
    /// Throws when the data ends early or a run is malformed.
    @discardableResult
    static func decode(
        _ bytes: UnsafeRawBufferPointer, bitWidth w: Int, count: Int, into dst: UnsafeMutablePointer<UInt32>
    ) throws -> Int {
        guard w >= 0 && w <= 32 else { throw DecodeError("invalid bit width \(w)") }
        var pos = 0
        var produced = 0
        let mask: UInt64 = w == 0 ? 0 : (UInt64(1) << UInt64(w)) - 1
        while produced < count {
            var header: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard pos < bytes.count else { throw DecodeError("RLE data ends after \(produced) of \(count) values") }
                let b = bytes[pos]
                pos += 1
                header |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { break }
                shift += 7
                if shift > 56 { throw DecodeError("bad RLE run header") }
            }
            if header & 1 == 0 {
                let runLength = Int(truncatingIfNeeded: header >> 1)
                let valueBytes = (w + 7) / 8
                guard runLength > 0, bytes.count - pos >= valueBytes else { throw DecodeError("bad RLE run") }
                var v: UInt32 = 0
                for k in 0..<valueBytes { v |= UInt32(bytes[pos + k]) << UInt32(8 * k) }
                pos += valueBytes
                let take = Swift.min(runLength, count - produced)
                (dst + produced).initialize(repeating: v, count: take)
                produced += take
            } else {
                let groups = Int(truncatingIfNeeded: header >> 1)
                guard groups > 0, w == 0 || groups <= (bytes.count - pos) / w else {
                    throw DecodeError("bit-packed run past end of data")
                }
                let runBytes = groups * w
                let take = Swift.min(groups * 8, count - produced)
                let base = bytes.baseAddress! + pos
                let end = runBytes
                for k in 0..<take {
                    let bit = k * w
                    let byte = bit >> 3
                    var word: UInt64 = 0
                    if byte + 8 <= end {
                        word = base.loadUnaligned(fromByteOffset: byte, as: UInt64.self).littleEndian
                    } else {
                        for q in 0..<Swift.min(8, end - byte) {
                            word |= UInt64(base.load(fromByteOffset: byte + q, as: UInt8.self)) << UInt64(8 * q)
                        }
                    }
                    dst[produced + k] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
                }
                produced += take
                pos += runBytes
            }
        }
        return pos
    }
}
