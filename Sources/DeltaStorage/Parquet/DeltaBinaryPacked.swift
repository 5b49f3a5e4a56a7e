/// DELTA_BINARY_PACKED (Parquet encoding 5) for INT32/INT64: blocks of 128 deltas in 4 miniblocks
/// of 32, each miniblock bit-packed with its own width after subtracting the block's minimum delta.
/// Deltas wrap in the column's own width, so INT32 widths never exceed 32.
enum DeltaBinaryPacked {
    static let blockSize = 128
    static let miniblocks = 4
    static let miniblockSize = 32

    static func encode<T: FixedWidthInteger & SignedInteger>(_ values: UnsafeBufferPointer<T>, into out: OutputBuffer) {
        out.appendVarint(UInt64(blockSize))
        out.appendVarint(UInt64(miniblocks))
        out.appendVarint(UInt64(values.count))
        out.appendVarint(ThriftCompactWriter.zigzag64(Int64(values.first ?? 0)))
        guard values.count > 1 else { return }
        var deltas = [T](repeating: 0, count: blockSize)
        var i = 1
        while i < values.count {
            let n = Swift.min(blockSize, values.count - i)
            var minDelta = T.max
            for k in 0..<n {
                let d = values[i + k] &- values[i + k - 1]
                deltas[k] = d
                minDelta = Swift.min(minDelta, d)
            }
            out.appendVarint(ThriftCompactWriter.zigzag64(Int64(minDelta)))
            // Relative deltas (d − min) as unsigned bit patterns of the column width.
            var widths = [Int](repeating: 0, count: miniblocks)
            let used = (n + miniblockSize - 1) / miniblockSize
            for m in 0..<used {
                var acc: UInt64 = 0
                for k in (m * miniblockSize)..<Swift.min(n, (m + 1) * miniblockSize) {
                    acc |= UInt64(truncatingIfNeeded: T.Magnitude(truncatingIfNeeded: deltas[k] &- minDelta))
                }
                widths[m] = 64 - acc.leadingZeroBitCount
            }
            for m in 0..<miniblocks { out.append(UInt8(m < used ? widths[m] : 0)) }
            for m in 0..<used {
                let w = widths[m]
                guard w > 0 else { continue }
                out.reserve(4 * w + 8)
                var acc: UInt64 = 0
                var bits = 0
                var p = out.end
                for k in (m * miniblockSize)..<((m + 1) * miniblockSize) {
                    // Padding values past the end are zero.
                    let v: UInt64 =
                        k < n ? UInt64(truncatingIfNeeded: T.Magnitude(truncatingIfNeeded: deltas[k] &- minDelta)) : 0
                    // `bits` < 8 here; when the value crosses the 64-bit word, emit the word and carry.
                    acc |= v << UInt64(bits)
                    if bits + w >= 64 {
                        UnsafeMutableRawPointer(p).storeBytes(of: acc.littleEndian, as: UInt64.self)
                        p += 8
                        acc = bits == 0 ? 0 : v >> UInt64(64 - bits)
                        bits = bits + w - 64
                    } else {
                        bits += w
                    }
                    while bits >= 8 {
                        p.pointee = UInt8(truncatingIfNeeded: acc)
                        p += 1
                        acc >>= 8
                        bits -= 8
                    }
                }
                out.count = p - out.base  // 32 values × w bits = 4w whole bytes
            }
            i += n
        }
    }

    /// Decodes exactly `count` values into `dst`; throws on malformed or short data.
    static func decode<T: FixedWidthInteger & SignedInteger>(
        _ bytes: UnsafeRawBufferPointer, count: Int, into dst: UnsafeMutablePointer<T>
    ) throws {
        var pos = 0
        func varint() throws -> UInt64 {
            var r: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard pos < bytes.count else { throw DecodeError("DELTA_BINARY_PACKED data ends early") }
                let b = bytes[pos]
                pos += 1
                r |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { return r }
                shift += 7
                guard shift < 64 else { throw DecodeError("bad varint in DELTA_BINARY_PACKED header") }
            }
        }
        func zigzag() throws -> Int64 {
            let z = try varint()
            return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
        }
        let block = try varint()
        let mini = try varint()
        let total = try varint()
        guard block > 0, block % 128 == 0, block <= 1 << 20, mini > 0, block % mini == 0, (block / mini) % 32 == 0
        else {
            throw DecodeError("bad DELTA_BINARY_PACKED block layout (\(block) values, \(mini) miniblocks)")
        }
        guard total >= UInt64(count) else {
            throw DecodeError("DELTA_BINARY_PACKED holds \(total) values, page needs \(count)")
        }
        guard count > 0 else { return }
        var last = T(truncatingIfNeeded: try zigzag())
        dst[0] = last
        var produced = 1
        let perMini = Int(block / mini)
        let miniCount = Int(mini)
        let maxWidth = T.bitWidth
        while produced < count {
            let minDelta = T(truncatingIfNeeded: try zigzag())
            guard bytes.count - pos >= miniCount else { throw DecodeError("DELTA_BINARY_PACKED data ends early") }
            let widthsAt = pos
            pos += miniCount
            for m in 0..<miniCount where produced < count {
                let w = Int(bytes[widthsAt + m])
                guard w <= maxWidth else { throw DecodeError("miniblock bit width \(w) > \(maxWidth)") }
                let size = perMini * w / 8
                guard bytes.count - pos >= size else {
                    throw DecodeError("DELTA_BINARY_PACKED miniblock runs past the page")
                }
                let base = bytes.baseAddress! + pos
                let take = Swift.min(perMini, count - produced)
                let mask: UInt64 = w == 64 ? .max : (1 << UInt64(w)) - 1
                for k in 0..<take {
                    var v: UInt64 = 0
                    if w > 0 {
                        let bit = k * w
                        let byte = bit >> 3
                        let shift = UInt64(bit & 7)
                        var lo: UInt64 = 0
                        let avail = Swift.min(8, size - byte)
                        if avail == 8 {
                            lo = base.loadUnaligned(fromByteOffset: byte, as: UInt64.self).littleEndian
                        } else {
                            for q in 0..<avail {
                                lo |= UInt64(base.load(fromByteOffset: byte + q, as: UInt8.self)) << UInt64(8 * q)
                            }
                        }
                        v = lo >> shift
                        if Int(shift) + w > 64 {  // the value straddles a ninth byte
                            v |= UInt64(base.load(fromByteOffset: byte + 8, as: UInt8.self)) << (64 - shift)
                        }
                        v &= mask
                    }
                    last = last &+ minDelta &+ T(truncatingIfNeeded: v)
                    dst[produced + k] = last
                }
                produced += take
                pos += size
            }
        }
    }
}
