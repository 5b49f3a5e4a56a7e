/// Writes nested rows (structs, lists, maps) as a Parquet file: one row group, data page v1 with
/// RLE/bit-packed repetition and definition levels, PLAIN values, compressed with `options.codec`.
/// This is what Delta checkpoints need (PROTOCOL.md, "Checkpoints"); table data files keep using
/// `ParquetWriter`, whose bytes this type never touches.
///
/// Page rules followed for strict readers: a data page starts at a record boundary (repetition
/// level 0), `num_values` counts level entries, and the column chunk's `num_values` is the sum.
public enum NestedParquetWriter {
    /// Encodes `rows` (each a `.structure` with one value per field of `schema`) into file bytes.
    /// Throws `ParquetError` when a value does not match its field (naming the row and field).
    public static func encode(schema: [NestedField], rows: [NestedValue], options: ParquetWriteOptions) throws
        -> [UInt8]
    {
        let layout = NestedLayout(schema)
        for leaf in layout.leaves where leaf.maxDefinition > 255 || leaf.maxRepetition > 255 {
            throw ParquetError(
                file: "<nested>", message: "column \(leaf.path.joined(separator: ".")) is nested too deeply")
        }
        var shredder = NestedShredder(layout: layout)
        do {
            for (i, row) in rows.enumerated() { try shredder.add(row: row, index: i) }
        } catch {
            throw ParquetError(file: "<nested>", message: error.message)
        }
        var out = [UInt8]()
        out.append(contentsOf: ParquetWriter.magic)
        var chunks: [ColumnChunkMeta] = []
        var uncompressedTotal: Int64 = 0
        let compressor = try PageCompressor(codec: options.codec, level: options.compressionLevel)
        for (i, leaf) in layout.leaves.enumerated() {
            let data = shredder.leaves[i]
            let start = out.count
            let uncompressed = try writeChunk(
                data, leaf: leaf, pageBytes: options.pageSizeBytes, codec: options.codec, compressor, into: &out)
            uncompressedTotal += Int64(uncompressed)
            chunks.append(
                ColumnChunkMeta(
                    physical: leaf.physical, encodings: [Encoding.plain, Encoding.rle], path: leaf.path,
                    codec: options.codec.thriftValue, numValues: Int64(data.definition.count),
                    totalUncompressedSize: Int64(uncompressed), totalCompressedSize: Int64(out.count - start),
                    dataPageOffset: Int64(start), dictionaryPageOffset: nil, statistics: nil))
        }
        let group = RowGroupMeta(
            columns: chunks, totalByteSize: uncompressedTotal, numRows: Int64(rows.count), fileOffset: 4,
            totalCompressedSize: Int64(out.count - 4), ordinal: 0)
        let footer = OutputBuffer(capacity: 4096)
        encodeFooter(layout, rows: rows.count, group: rows.isEmpty ? nil : group, into: footer)
        out.append(contentsOf: footer.bytes)
        let n = UInt32(footer.count)
        out += [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 24)]
        out.append(contentsOf: ParquetWriter.magic)
        return out
    }

    /// Data pages of about `pageBytes` value bytes each, cut only where a record starts.
    /// Returns the chunk's uncompressed size (headers + uncompressed payloads).
    private static func writeChunk(
        _ data: NestedShredder.LeafData, leaf: NestedLayout.Leaf, pageBytes: Int, codec: Codec,
        _ compressor: PageCompressor, into out: inout [UInt8]
    ) throws -> Int {
        let values = Column(data.values(leaf.type))
        let entries = data.definition.count
        let repWidth = RLEHybrid.bitWidth(UInt32(leaf.maxRepetition))
        let defWidth = RLEHybrid.bitWidth(UInt32(leaf.maxDefinition))
        let payload = OutputBuffer(capacity: 1 << 16)
        let compressed = OutputBuffer(capacity: 1 << 16)
        let header = OutputBuffer(capacity: 64)
        var uncompressed = 0
        var start = 0
        var valueStart = 0
        repeat {
            // Page end: past `pageBytes` of values, at the next entry that starts a record.
            var end = start
            var valueEnd = valueStart
            var bytes = 0
            while end < entries && (end == start || bytes < pageBytes || data.repetition[end] != 0) {
                if Int(data.definition[end]) == leaf.maxDefinition {
                    bytes += valueSize(values.values, valueEnd)
                    valueEnd += 1
                }
                end += 1
            }
            payload.count = 0
            if leaf.maxRepetition > 0 { writeLevels(data.repetition, start..<end, width: repWidth, into: payload) }
            if leaf.maxDefinition > 0 { writeLevels(data.definition, start..<end, width: defWidth, into: payload) }
            if valueEnd > valueStart {
                PlainEncoder.encode(values, valueStart..<valueEnd, nonNull: valueEnd - valueStart, into: payload)
            }
            compressed.count = 0
            if codec == .uncompressed {
                compressed.append(payload)
            } else {
                try compressor.compress(payload.base, count: payload.count, into: compressed)
            }
            header.count = 0
            PageHeader(
                type: PageType.data, uncompressedSize: Int32(payload.count), compressedSize: Int32(compressed.count),
                numValues: Int32(end - start), encoding: Encoding.plain
            ).encode(into: header)
            out.append(contentsOf: header.buffer)
            out.append(contentsOf: compressed.buffer)
            uncompressed += header.count + payload.count
            start = end
            valueStart = valueEnd
        } while start < entries
        return uncompressed
    }

    private static func valueSize(_ v: ColumnValues, _ i: Int) -> Int {
        switch v {
        case .int32: 4
        case .int64, .double: 8
        case .boolean: 1
        case .bytes(let b): 4 + Int(b.offsets[i + 1] - b.offsets[i])
        }
    }

    /// 4-byte little-endian length, then the RLE/bit-packed hybrid runs (data page v1 levels).
    private static func writeLevels(_ levels: [UInt8], _ range: Range<Int>, width: Int, into out: OutputBuffer) {
        out.appendUInt32LE(0)
        let at = out.count
        levels.withUnsafeBufferPointer {
            RLEHybrid.encode(UnsafeBufferPointer(rebasing: $0[range]), bitWidth: width, into: out)
        }
        out.setUInt32LE(UInt32(out.count - at), at: at - 4)
    }

    /// FileMetaData with the nested schema (field ids: parquet.thrift).
    private static func encodeFooter(_ layout: NestedLayout, rows: Int, group: RowGroupMeta?, into out: OutputBuffer) {
        var w = ThriftCompactWriter(out)
        w.i32(1, 1)
        w.listField(2, element: .structure, size: layout.elements.count + 1)
        w.beginStructElement()
        w.string(4, "spark_schema")
        w.i32(5, Int32(layout.roots.count))
        w.endStruct()
        for e in layout.elements { e.encode(&w) }
        w.i64(3, Int64(rows))
        w.listField(4, element: .structure, size: group == nil ? 0 : 1)
        group?.encode(&w)
        w.string(6, ParquetWriter.createdBy)
        w.listField(7, element: .structure, size: layout.leaves.count)
        for _ in layout.leaves {
            w.beginStructElement()
            w.beginStruct(1)  // TYPE_ORDER
            w.endStruct()
            w.endStruct()
        }
        w.endStruct()
    }
}
