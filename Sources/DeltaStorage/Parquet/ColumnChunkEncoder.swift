/// One encoded column chunk, with offsets relative to its first byte.
struct EncodedChunk: @unchecked Sendable {
    var data: OutputBuffer
    var hasDictionary: Bool
    /// The chunk's codec: the file's, or `.uncompressed` when compressing did not pay.
    var codec: Codec
    var dataPageOffset: Int
    var numValues: Int
    var totalUncompressedSize: Int
    var encodings: [Int32]
    var statistics: ColumnStatistics
}

/// Encodes the rows of one column into pages `[dictionary page][data pages…]`, compressing each
/// page payload. Owns its scratch buffers and codec context: use one per thread.
final class ColumnChunkEncoder {
    private let options: ParquetWriteOptions
    private let compressor: PageCompressor
    // Page scratch comes from the pool: a table write creates one encoder per column chunk.
    private let payload = BufferPool.shared.take(capacity: 1 << 16)
    private let compressed = BufferPool.shared.take(capacity: 1 << 16)
    /// Codec of the chunk being encoded (may drop to `.uncompressed`, see `minimumCompressionSavings`).
    private var chunkCodec: Codec

    /// Definition levels as RLE runs only (no bit-packing): reproduces reference files byte for byte.
    private let levelRunsOnly: Bool

    init(options: ParquetWriteOptions, levelRunsOnly: Bool = false) throws {
        self.options = options
        self.levelRunsOnly = levelRunsOnly
        chunkCodec = options.codec
        compressor = try PageCompressor(codec: options.codec, level: options.compressionLevel)
    }

    deinit {
        BufferPool.shared.give(payload)
        BufferPool.shared.give(compressed)
    }

    func encode(_ column: Column, leaf: SchemaLeaf, rows: Range<Int>, tryDictionary: Bool, sizeHint: Int) throws
        -> EncodedChunk
    {
        let statistics = ColumnStatistics.compute(column, rows: rows)
        var dictionary: DictionaryEncoding?
        if tryDictionary && statistics.nullCount < rows.count {
            dictionary = DictionaryBuilder.build(column, rows: rows, limitBytes: options.dictionaryPageSizeLimit)
            if let d = dictionary,
                !DictionaryBuilder.pays(d, plainBytes: plainSize(column, rows, nulls: statistics.nullCount))
            {
                dictionary = nil
            }
        }
        let delta = dictionary == nil && options.deltaEncoding && DeltaProbe.pays(column, rows)
        chunkCodec = options.codec
        let out = BufferPool.shared.take(
            capacity: options.codec == .gzip ? sizeHint / 2 : sizeHint + sizeHint / 16 + 4096)
        var chunk = EncodedChunk(
            data: out, hasDictionary: dictionary != nil, codec: options.codec, dataPageOffset: 0, numValues: rows.count,
            totalUncompressedSize: 0, encodings: [Encoding.plain, Encoding.rle], statistics: statistics)
        if delta { chunk.encodings = [Encoding.rle, Encoding.deltaBinaryPacked] }
        if let d = dictionary {
            chunk.encodings.append(Encoding.rleDictionary)
            let page = PageHeader(
                type: PageType.dictionary, uncompressedSize: 0, compressedSize: 0, numValues: Int32(d.entryCount),
                encoding: Encoding.plain)
            chunk.totalUncompressedSize += try writePage(page, d.page, into: out)
            chunk.dataPageOffset = out.count
        }
        var start = rows.lowerBound
        var nonNullBefore = 0
        while start < rows.upperBound {
            let end = pageEnd(column, from: start, limit: rows.upperBound, dictionary: dictionary)
            payload.count = 0
            let nonNull = writeLevels(column.validity, start..<end, optional: leaf.optional)
            if let d = dictionary {
                payload.append(UInt8(d.bitWidth))
                d.indices.withUnsafeBufferPointer { idx in
                    RLEHybrid.encode(
                        UnsafeBufferPointer(rebasing: idx[nonNullBefore..<nonNullBefore + nonNull]),
                        bitWidth: d.bitWidth,
                        into: payload)
                }
            } else if delta && nonNull > 0 {
                DeltaProbe.encode(column, start..<end, nonNull: nonNull, into: payload)
            } else {
                // An all-null page of a delta chunk is written as (empty) PLAIN: no zero-value
                // DELTA_BINARY_PACKED pages for readers to trip over.
                if delta && !chunk.encodings.contains(Encoding.plain) { chunk.encodings.insert(Encoding.plain, at: 0) }
                PlainEncoder.encode(column, start..<end, nonNull: nonNull, into: payload)
            }
            let page = PageHeader(
                type: PageType.data, uncompressedSize: 0, compressedSize: 0, numValues: Int32(end - start),
                encoding: dictionary != nil
                    ? Encoding.rleDictionary : delta && nonNull > 0 ? Encoding.deltaBinaryPacked : Encoding.plain)
            let pageStart = out.count
            var pageBytes = try writePage(page, payload, into: out)
            if start == rows.lowerBound && dictionary == nil && chunkCodec != .uncompressed
                && Double(out.count - pageStart - (pageBytes - payload.count)) > (1 - options.minimumCompressionSavings)
                    * Double(payload.count)
            {
                // The first page barely shrank (e.g. random hex or binary hashes): store the chunk
                // uncompressed; the codec is per column chunk in Parquet.
                chunkCodec = .uncompressed
                chunk.codec = .uncompressed
                out.count = pageStart
                pageBytes = try writePage(page, payload, into: out)
            }
            chunk.totalUncompressedSize += pageBytes
            nonNullBefore += nonNull
            start = end
        }
        return chunk
    }

    /// Writes header + (compressed) payload; returns header + uncompressed payload bytes.
    private func writePage(_ header: PageHeader, _ body: OutputBuffer, into out: OutputBuffer) throws -> Int {
        guard body.count <= Int(Int32.max) else {
            throw CompressionError(codec: options.codec, message: "page too large")
        }
        var h = header
        h.uncompressedSize = Int32(body.count)
        let stored: OutputBuffer
        if chunkCodec == .uncompressed {
            stored = body
        } else {
            compressed.count = 0
            try compressor.compress(body.base, count: body.count, into: compressed)
            stored = compressed
        }
        h.compressedSize = Int32(stored.count)
        let before = out.count
        h.encode(into: out)
        let headerBytes = out.count - before
        out.append(stored)
        return headerBytes + body.count
    }

    /// Definition levels (OPTIONAL only): 4-byte length + RLE hybrid with bit width 1.
    /// Returns the number of non-null values in the range.
    private func writeLevels(_ validity: [Bool]?, _ range: Range<Int>, optional: Bool) -> Int {
        guard let validity else {
            if optional {
                payload.appendUInt32LE(0)
                let at = payload.count
                RLEHybrid.writeRLE(1, count: range.count, bitWidth: 1, into: payload)
                payload.setUInt32LE(UInt32(payload.count - at), at: at - 4)
            }
            return range.count
        }
        payload.appendUInt32LE(0)
        let at = payload.count
        var nonNull = 0
        validity.withUnsafeBufferPointer { v in
            UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(v)[range]).withMemoryRebound(to: UInt8.self) {
                levels in
                for b in levels { nonNull &+= Int(b) }
                if levelRunsOnly {
                    RLEHybrid.encodeRuns(levels, bitWidth: 1, into: payload)
                } else {
                    RLEHybrid.encode(levels, bitWidth: 1, into: payload)
                }
            }
        }
        payload.setUInt32LE(UInt32(payload.count - at), at: at - 4)
        return nonNull
    }

    /// The end of the page starting at `start`: about `pageSizeBytes` of encoded values.
    private func pageEnd(_ column: Column, from start: Int, limit: Int, dictionary: DictionaryEncoding?) -> Int {
        let target = Swift.max(options.pageSizeBytes, 1)
        let rows: Int
        if let d = dictionary {
            rows = target * 8 / d.bitWidth
        } else {
            switch column.values {
            case .int32: rows = target / 4
            case .int64, .double: rows = target / 8
            case .boolean: rows = target * 8
            case .bytes(let b):
                return b.offsets.withUnsafeBufferPointer { off in
                    var end = start
                    var bytes = 0
                    while end < limit && bytes < target {
                        bytes += 4 + Int(off[end + 1] - off[end])
                        end += 1
                    }
                    return end
                }
            }
        }
        return Swift.min(limit, start + Swift.max(rows, 1))
    }

    /// PLAIN bytes of the non-null values (null slots of byte columns are empty).
    private func plainSize(_ column: Column, _ rows: Range<Int>, nulls: Int) -> Int {
        let n = rows.count - nulls
        switch column.values {
        case .int32: return n * 4
        case .int64, .double: return n * 8
        case .boolean: return n / 8
        case .bytes(let b):
            var bytes = Int(b.offsets[rows.upperBound] - b.offsets[rows.lowerBound])
            if nulls > 0, let validity = column.validity {
                for i in rows where !validity[i] { bytes -= Int(b.offsets[i + 1] - b.offsets[i]) }
            }
            return bytes + 4 * n
        }
    }
}
