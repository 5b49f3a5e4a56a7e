/// One leaf column of a nested file, decoded: a repetition and a definition level per entry, and
/// the non-null values packed together (the value of entry `k` exists when its definition level
/// equals the leaf's maximum).
struct DecodedLeaf {
    var repetition: [UInt8]
    var definition: [UInt8]
    var values: ColumnValues
}

/// Walks the pages of one column chunk of a nested column (data page v1 and v2; PLAIN,
/// dictionary, RLE booleans and DELTA_BINARY_PACKED integers; every codec) and returns its levels
/// and values. Levels are checked against the leaf's maxima; every length is bounds-checked.
struct NestedChunkDecoder {
    let physical: PhysicalType
    let maxRepetition: Int
    let maxDefinition: Int
    let meta: ColumnChunkMeta

    func decode(_ chunk: UnsafeRawBufferPointer) throws -> DecodedLeaf {
        let entries = Int(meta.numValues)
        switch physical {
        case .int64:
            var values = [Int64](repeating: 0, count: entries)
            let (r, d, n) = try values.withUnsafeMutableBufferPointer { buf in
                var sink = FixedSink<Int64>(out: buf.baseAddress!)
                return try walk(chunk, entries: entries, &sink)
            }
            values.removeLast(values.count - n)
            return DecodedLeaf(repetition: r, definition: d, values: .int64(values))
        case .int32:
            var values = [Int32](repeating: 0, count: entries)
            let (r, d, n) = try values.withUnsafeMutableBufferPointer { buf in
                var sink = FixedSink<Int32>(out: buf.baseAddress!)
                return try walk(chunk, entries: entries, &sink)
            }
            values.removeLast(values.count - n)
            return DecodedLeaf(repetition: r, definition: d, values: .int32(values))
        case .double:
            var values = [Double](repeating: 0, count: entries)
            let (r, d, n) = try values.withUnsafeMutableBufferPointer { buf in
                try buf.baseAddress!.withMemoryRebound(to: UInt64.self, capacity: entries) { p in
                    var sink = FixedSink<UInt64>(out: p)
                    return try walk(chunk, entries: entries, &sink)
                }
            }
            values.removeLast(values.count - n)
            return DecodedLeaf(repetition: r, definition: d, values: .double(values))
        case .boolean:
            var values = [Bool](repeating: false, count: entries)
            let (r, d, n) = try values.withUnsafeMutableBufferPointer { buf in
                var sink = BooleanSink(out: buf.baseAddress!)
                return try walk(chunk, entries: entries, &sink)
            }
            values.removeLast(values.count - n)
            return DecodedLeaf(repetition: r, definition: d, values: .boolean(values))
        case .byteArray:
            var sink = BytesSink(rows: entries, reserve: Int(Swift.min(meta.totalUncompressedSize, Int64(Int32.max))))
            let (r, d, _) = try walk(chunk, entries: entries, &sink)
            return DecodedLeaf(repetition: r, definition: d, values: .bytes(sink.finish()))
        case .int96, .float, .fixedLenByteArray:
            throw DecodeError("physical type \(physical) is not supported in nested columns")
        }
    }

    /// The page loop. Values go to `sink` packed (no null slots); returns the levels and the value count.
    private func walk<S: PageSink>(_ chunk: UnsafeRawBufferPointer, entries: Int, _ sink: inout S) throws -> (
        [UInt8], [UInt8], Int
    ) {
        guard let codec = Codec(thrift: meta.codec) else { throw DecodeError("unsupported codec \(meta.codec)") }
        let decompressor = codec == .uncompressed ? nil : try PageDecompressor(codec: codec)
        var scratch = ScratchBuffer()
        var repetition = [UInt8]()
        var definition = [UInt8]()
        repetition.reserveCapacity(maxRepetition > 0 ? entries : 0)
        definition.reserveCapacity(entries)
        var levels = [UInt32]()
        var pages = ChunkPages(chunk)
        var done = 0
        var valueCount = 0
        var sawDictionary = false
        while done < entries {
            guard !pages.atEnd else { throw DecodeError("chunk ends after \(done) of \(entries) level entries") }
            let (header, stored) = try pages.next()
            guard [PageType.data, PageType.dictionary, PageType.dataV2].contains(header.type) else { continue }
            if header.type == PageType.dictionary {
                guard !sawDictionary, done == 0 else { throw DecodeError("dictionary page after data pages") }
                guard header.numValues >= 0 else { throw DecodeError("negative dictionary size") }
                let page = try ChunkDecoder.expand(stored, uncompressedSize: Int(header.uncompressedSize), decompressor, &scratch)
                try sink.setDictionary(page, count: Int(header.numValues))
                sawDictionary = true
                continue
            }
            let n = Int(header.numValues)
            if n == 0 { continue }  // arrow-rs may end a v2 chunk with an empty page
            guard n > 0, n <= entries - done else {
                throw DecodeError("data page has \(n) level entries; \(entries - done) of \(entries) remain")
            }
            if levels.count < n { levels = [UInt32](repeating: 0, count: n) }
            let values: UnsafeRawBufferPointer
            if header.type == PageType.data {
                let page = try ChunkDecoder.expand(stored, uncompressedSize: Int(header.uncompressedSize), decompressor, &scratch)
                var p = 0
                if maxRepetition > 0 {
                    p = try readLevels(page, from: p, prefixed: nil, n, max: maxRepetition, &levels, into: &repetition)
                }
                if maxDefinition > 0 {
                    p = try readLevels(page, from: p, prefixed: nil, n, max: maxDefinition, &levels, into: &definition)
                }
                values = UnsafeRawBufferPointer(rebasing: page[p...])
            } else {
                let rl = Int(header.repetitionLevelsByteLength)
                let dl = Int(header.definitionLevelsByteLength)
                guard rl >= 0, dl >= 0, rl + dl <= stored.count, rl + dl <= Int(header.uncompressedSize) else {
                    throw DecodeError("levels (\(rl) + \(dl) bytes) run past the page")
                }
                if maxRepetition > 0 {
                    _ = try readLevels(stored, from: 0, prefixed: rl, n, max: maxRepetition, &levels, into: &repetition)
                } else if rl != 0 {
                    throw DecodeError("repetition levels in a column that is not repeated")
                }
                if maxDefinition > 0 {
                    _ = try readLevels(
                        stored, from: rl, prefixed: dl, n, max: maxDefinition, &levels, into: &definition)
                } else if dl != 0 {
                    throw DecodeError("definition levels in a REQUIRED column")
                }
                values = try ChunkDecoder.expand(
                    UnsafeRawBufferPointer(rebasing: stored[(rl + dl)...]), uncompressedSize: Int(header.uncompressedSize) - rl - dl,
                    header.isCompressed ? decompressor : nil, &scratch)
            }
            if maxDefinition == 0 { definition.append(contentsOf: repeatElement(0, count: n)) }
            if maxRepetition == 0 { repetition.append(contentsOf: repeatElement(0, count: n)) }
            var nonNull = 0
            for k in (definition.count - n)..<definition.count where Int(definition[k]) == maxDefinition {
                nonNull += 1
            }
            if nonNull > 0 {
                try decodeValues(
                    header.encoding, values, nonNull: nonNull, sawDictionary: sawDictionary, &scratch, &sink)
            }
            valueCount += nonNull
            done += n
        }
        return (repetition, definition, valueCount)
    }

    /// Levels of `n` entries: with a 4-byte length prefix (v1, `prefixed` nil) or `prefixed` bytes (v2).
    /// Returns the position after them.
    private func readLevels(
        _ page: UnsafeRawBufferPointer, from p: Int, prefixed: Int?, _ n: Int, max: Int, _ scratch: inout [UInt32],
        into out: inout [UInt8]
    ) throws -> Int {
        var start = p
        let length: Int
        if let prefixed {
            length = prefixed
        } else {
            guard page.count - p >= 4 else { throw DecodeError("data page too short for its levels") }
            length = Int(page.loadUnaligned(fromByteOffset: p, as: UInt32.self).littleEndian)
            start += 4
        }
        guard length >= 0, length <= page.count - start else { throw DecodeError("levels run past the page") }
        try scratch.withUnsafeMutableBufferPointer { lv in
            try RLEHybrid.decode(
                UnsafeRawBufferPointer(rebasing: page[start..<start + length]),
                bitWidth: RLEHybrid.bitWidth(UInt32(max)),
                count: n, into: lv.baseAddress!)
            for k in 0..<n {
                guard lv[k] <= UInt32(max) else { throw DecodeError("level \(lv[k]) exceeds the maximum \(max)") }
                out.append(UInt8(lv[k]))
            }
        }
        return start + length
    }

    private func decodeValues<S: PageSink>(
        _ encoding: Int32, _ values: UnsafeRawBufferPointer, nonNull: Int, sawDictionary: Bool,
        _ scratch: inout ScratchBuffer, _ sink: inout S
    ) throws {
        switch encoding {
        case Encoding.plain:
            try sink.plain(values, nonNull: nonNull, rows: nonNull, levels: nil)
        case Encoding.rleDictionary, Encoding.plainDictionary:
            guard sawDictionary else { throw DecodeError("dictionary-encoded page without a dictionary page") }
            guard values.count >= 1 else { throw DecodeError("dictionary page data is empty") }
            let width = Int(values[0])
            guard width <= 32 else { throw DecodeError("dictionary index bit width \(width) > 32") }
            let idx = scratch.indices(nonNull)
            try RLEHybrid.decode(
                UnsafeRawBufferPointer(rebasing: values[1...]), bitWidth: width, count: nonNull, into: idx)
            try sink.dictionary(UnsafeBufferPointer(start: idx, count: nonNull), rows: nonNull, levels: nil)
        case Encoding.rle where physical == .boolean:
            try sink.rle(values, nonNull: nonNull, rows: nonNull, levels: nil, scratch: scratch.indices(nonNull))
        case Encoding.deltaBinaryPacked where physical == .int32 || physical == .int64:
            try sink.deltaBinaryPacked(values, nonNull: nonNull, rows: nonNull, levels: nil)
        default:
            throw DecodeError("unsupported encoding \(encoding)")
        }
    }
}
