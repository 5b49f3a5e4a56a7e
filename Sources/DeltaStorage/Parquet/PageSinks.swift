/// Receives the decoded values of each data page. `levels` is nil when the page has no nulls;
/// otherwise values go to the rows whose level is 1 and nulls get placeholders.
protocol PageSink {
    mutating func setDictionary(_ page: UnsafeRawBufferPointer, count: Int) throws
    mutating func plain(_ values: UnsafeRawBufferPointer, nonNull: Int, rows: Int, levels: UnsafePointer<UInt32>?)
        throws
    mutating func dictionary(_ indices: UnsafeBufferPointer<UInt32>, rows: Int, levels: UnsafePointer<UInt32>?) throws
    mutating func deltaBinaryPacked(
        _ values: UnsafeRawBufferPointer, nonNull: Int, rows: Int, levels: UnsafePointer<UInt32>?) throws
    mutating func rle(
        _ values: UnsafeRawBufferPointer, nonNull: Int, rows: Int, levels: UnsafePointer<UInt32>?,
        scratch: UnsafeMutablePointer<UInt32>) throws
}

extension PageSink {
    mutating func deltaBinaryPacked(
        _ values: UnsafeRawBufferPointer, nonNull: Int, rows: Int, levels: UnsafePointer<UInt32>?
    ) throws {
        throw DecodeError("DELTA_BINARY_PACKED is only supported for INT32 and INT64 columns")
    }

    mutating func rle(
        _ values: UnsafeRawBufferPointer, nonNull: Int, rows: Int, levels: UnsafePointer<UInt32>?,
        scratch: UnsafeMutablePointer<UInt32>
    ) throws {
        throw DecodeError("RLE-encoded values are only supported for BOOLEAN columns")
    }
}

/// Fixed-width little-endian values (INT32, INT64, DOUBLE as bits) written straight into the output.
struct FixedSink<T: FixedWidthInteger>: PageSink {
    let out: UnsafeMutablePointer<T>
    var row = 0
    var dict: [T] = []

    init(out: UnsafeMutablePointer<T>) { self.out = out }

    mutating func setDictionary(_ page: UnsafeRawBufferPointer, count: Int) throws {
        let width = MemoryLayout<T>.size
        guard page.count >= count * width else {
            throw DecodeError("dictionary page holds \(page.count) bytes for \(count) values")
        }
        dict = (0..<count).map { page.loadUnaligned(fromByteOffset: $0 * width, as: T.self) }
    }

    mutating func plain(_ values: UnsafeRawBufferPointer, nonNull: Int, rows: Int, levels: UnsafePointer<UInt32>?)
        throws
    {
        let width = MemoryLayout<T>.size
        guard values.count >= nonNull * width else {
            throw DecodeError("page holds \(values.count) value bytes for \(nonNull) values")
        }
        if nonNull > 0 {
            UnsafeMutableRawPointer(out + row).copyMemory(from: values.baseAddress!, byteCount: nonNull * width)
        }
        if let levels { scatter(nonNull: nonNull, rows: rows, levels: levels) }
        row += rows
    }

    mutating func dictionary(_ indices: UnsafeBufferPointer<UInt32>, rows: Int, levels: UnsafePointer<UInt32>?) throws {
        try dict.withUnsafeBufferPointer { d in
            let dst = out + row
            for (k, i) in indices.enumerated() {
                guard Int(i) < d.count else { throw DecodeError("dictionary index \(i) ≥ dictionary size \(d.count)") }
                dst[k] = d[Int(i)]
            }
        }
        if let levels { scatter(nonNull: indices.count, rows: rows, levels: levels) }
        row += rows
    }

    /// INT32 or INT64 (the chunk decoder only routes integer columns here).
    mutating func deltaBinaryPacked(
        _ values: UnsafeRawBufferPointer, nonNull: Int, rows: Int, levels: UnsafePointer<UInt32>?
    ) throws {
        let raw = UnsafeMutableRawPointer(out + row)
        if MemoryLayout<T>.size == 4 {
            try DeltaBinaryPacked.decode(values, count: nonNull, into: raw.assumingMemoryBound(to: Int32.self))
        } else {
            try DeltaBinaryPacked.decode(values, count: nonNull, into: raw.assumingMemoryBound(to: Int64.self))
        }
        if let levels { scatter(nonNull: nonNull, rows: rows, levels: levels) }
        row += rows
    }

    /// Moves the `nonNull` packed values to their row slots (back to front, in place); nulls get 0.
    private func scatter(nonNull: Int, rows: Int, levels: UnsafePointer<UInt32>) {
        PageValues.scatter(out + row, present: nonNull, rows: rows, levels: levels, null: 0)
    }
}

/// BOOLEAN: bit-packed PLAIN values.
struct BooleanSink: PageSink {
    let out: UnsafeMutablePointer<Bool>
    var row = 0

    init(out: UnsafeMutablePointer<Bool>) { self.out = out }

    mutating func setDictionary(_ page: UnsafeRawBufferPointer, count: Int) throws {
        throw DecodeError("dictionary encoding of booleans is not supported")
    }

    mutating func plain(_ values: UnsafeRawBufferPointer, nonNull: Int, rows: Int, levels: UnsafePointer<UInt32>?)
        throws
    {
        guard values.count >= (nonNull + 7) / 8 else { throw DecodeError("boolean page too short") }
        let dst = out + row
        var v = 0
        for k in 0..<rows where levels.map({ $0[k] != 0 }) ?? true {
            dst[k] = (values[v >> 3] >> UInt8(v & 7)) & 1 == 1
            v += 1
        }
        row += rows
    }

    mutating func dictionary(_ indices: UnsafeBufferPointer<UInt32>, rows: Int, levels: UnsafePointer<UInt32>?) throws {
        throw DecodeError("dictionary encoding of booleans is not supported")
    }

    /// RLE-encoded booleans (pyarrow's choice in data page v2): 4-byte length, then hybrid runs of width 1.
    mutating func rle(
        _ values: UnsafeRawBufferPointer, nonNull: Int, rows: Int, levels: UnsafePointer<UInt32>?,
        scratch: UnsafeMutablePointer<UInt32>
    ) throws {
        guard values.count >= 4 else { throw DecodeError("boolean RLE data too short") }
        let len = Int(values.loadUnaligned(as: UInt32.self).littleEndian)
        guard len <= values.count - 4 else { throw DecodeError("boolean RLE data runs past the page") }
        try RLEHybrid.decode(
            UnsafeRawBufferPointer(rebasing: values[4..<4 + len]), bitWidth: 1, count: nonNull, into: scratch)
        let dst = out + row
        var v = 0
        for k in 0..<rows where levels.map({ $0[k] != 0 }) ?? true {
            dst[k] = scratch[v] != 0
            v += 1
        }
        row += rows
    }
}

/// BYTE_ARRAY values into a `ByteColumn` (nulls are empty values).
struct BytesSink: PageSink {
    var bytes: [UInt8] = []
    var offsets: [Int32]
    var dictBytes: [UInt8] = []
    var dictOffsets: [Int] = [0]

    init(rows: Int, reserve: Int) {
        offsets = [0]
        offsets.reserveCapacity(rows + 1)
        bytes.reserveCapacity(reserve)
    }

    func finish() -> ByteColumn { ByteColumn(bytes: bytes, offsets: offsets) }

    mutating func setDictionary(_ page: UnsafeRawBufferPointer, count: Int) throws {
        dictBytes.reserveCapacity(page.count)
        dictOffsets.reserveCapacity(count + 1)
        var p = 0
        for _ in 0..<count {
            guard page.count - p >= 4 else { throw DecodeError("dictionary page ends early") }
            let len = Int(page.loadUnaligned(fromByteOffset: p, as: UInt32.self).littleEndian)
            guard len <= page.count - p - 4 else {
                throw DecodeError("dictionary value length \(len) runs past the page")
            }
            dictBytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: page[p + 4..<p + 4 + len]))
            dictOffsets.append(dictBytes.count)
            p += 4 + len
        }
    }

    /// Copies the page's values section in one go, then squeezes out the length prefixes in place.
    mutating func plain(_ values: UnsafeRawBufferPointer, nonNull: Int, rows: Int, levels: UnsafePointer<UInt32>?)
        throws
    {
        let start = bytes.count
        guard Int64(start) + Int64(values.count) <= Int64(Int32.max) else { throw DecodeError("column exceeds 2 GiB") }
        bytes.append(contentsOf: values)
        var end = start
        try bytes.withUnsafeMutableBytes { buf in
            let base = buf.baseAddress!
            let limit = start + values.count
            var r = start
            var v = 0
            for k in 0..<rows {
                if let levels, levels[k] == 0 {
                    offsets.append(Int32(end))
                    continue
                }
                guard v < nonNull, limit - r >= 4 else {
                    throw DecodeError("page ends after \(v) of \(nonNull) values")
                }
                let len = Int(base.loadUnaligned(fromByteOffset: r, as: UInt32.self).littleEndian)
                guard len <= limit - r - 4 else { throw DecodeError("value length \(len) runs past the page") }
                if len > 0 { (base + end).copyMemory(from: base + r + 4, byteCount: len) }
                end += len
                r += 4 + len
                v += 1
                offsets.append(Int32(end))
            }
        }
        bytes.removeLast(bytes.count - end)
    }

    mutating func dictionary(_ indices: UnsafeBufferPointer<UInt32>, rows: Int, levels: UnsafePointer<UInt32>?) throws {
        let entries = dictOffsets.count - 1
        var total = 0
        for i in indices {
            guard Int(i) < entries else { throw DecodeError("dictionary index \(i) ≥ dictionary size \(entries)") }
            total += dictOffsets[Int(i) + 1] - dictOffsets[Int(i)]
        }
        guard Int64(bytes.count) + Int64(total) <= Int64(Int32.max) else { throw DecodeError("column exceeds 2 GiB") }
        var end = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: total))
        bytes.withUnsafeMutableBytes { buf in
            dictBytes.withUnsafeBytes { d in
                var v = 0
                for k in 0..<rows {
                    if let levels, levels[k] == 0 {
                        offsets.append(Int32(end))
                        continue
                    }
                    let i = Int(indices[v])
                    let s = dictOffsets[i]
                    let len = dictOffsets[i + 1] - s
                    if len > 0 { (buf.baseAddress! + end).copyMemory(from: d.baseAddress! + s, byteCount: len) }
                    end += len
                    v += 1
                    offsets.append(Int32(end))
                }
            }
        }
    }
}
