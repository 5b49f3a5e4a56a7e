import Dispatch

/// A file encoded in memory as parts: magic, column chunks in file order, footer + length + magic.
/// `ParquetWriter` either concatenates the parts or writes them straight to a file descriptor.
struct EncodedFile {
    var chunks: [EncodedChunk]  // row group major
    var footer: OutputBuffer
    var info: ParquetFileInfo
    var byteCount: Int { info.byteCount }

    init(
        _ batch: ColumnBatch, options: ParquetWriteOptions, name: String,
        createdBy: String = ParquetWriter.createdBy, levelRunsOnly: Bool = false
    ) throws {
        try Self.validate(batch, name: name)
        let leaves = batch.schema.fields.map(SchemaLeaf.init(field:))
        let groups = Self.rowGroups(batch, targetBytes: options.rowGroupSizeBytes)
        let columnCount = leaves.count
        let tryDict = batch.schema.fields.map { f -> Bool in
            let eligible = f.type != .double && f.type != .boolean
            switch options.dictionaryColumns {
            case .auto: return eligible
            case .never: return false
            case .only(let names): return eligible && names.contains(f.name)
            }
        }
        let sizes = batch.columns.map { Self.plainBytes($0) }

        // Units (row group × column), largest first so both cores finish together.
        let units = (0..<groups.count * columnCount).sorted { a, b in
            sizes[a % columnCount] * groups[a / columnCount].count > sizes[b % columnCount]
                * groups[b / columnCount].count
        }
        let results = SharedSlots<Result<EncodedChunk, Error>>(count: units.count)
        let rows = batch.rowCount
        let work: @Sendable (Int) -> Void = { k in
            let u = units[k]
            let g = u / columnCount
            let c = u % columnCount
            let hint = rows == 0 ? 0 : sizes[c] / rows * groups[g].count
            results[u] = Result {
                let encoder = try ColumnChunkEncoder(options: options, levelRunsOnly: levelRunsOnly)
                return try encoder.encode(
                    batch.columns[c], leaf: leaves[c], rows: groups[g], tryDictionary: tryDict[c], sizeHint: hint)
            }
        }
        if options.parallel && units.count > 1 {
            DispatchQueue.concurrentPerform(iterations: units.count, execute: work)
        } else {
            for k in 0..<units.count { work(k) }
        }
        do {
            chunks = try results.values().map { try $0.get() }
        } catch {
            throw ParquetError(file: name, message: "cannot encode: \(error)")
        }

        // Lay out offsets and build the footer.
        var offset = 4
        var rowGroups: [RowGroupMeta] = []
        var fileStats = [ColumnStatistics?](repeating: nil, count: columnCount)
        for (g, range) in groups.enumerated() {
            var metas: [ColumnChunkMeta] = []
            let groupStart = offset
            var uncompressed = 0
            for c in 0..<columnCount {
                let ch = chunks[g * columnCount + c]
                metas.append(
                    ColumnChunkMeta(
                        physical: leaves[c].physical, encodings: ch.encodings, path: [leaves[c].name],
                        codec: ch.codec.thriftValue, numValues: Int64(ch.numValues),
                        totalUncompressedSize: Int64(ch.totalUncompressedSize),
                        totalCompressedSize: Int64(ch.data.count),
                        dataPageOffset: Int64(offset + ch.dataPageOffset),
                        dictionaryPageOffset: ch.hasDictionary ? Int64(offset) : nil,
                        statistics: ch.statistics.encoded(physical: leaves[c].physical)))
                offset += ch.data.count
                uncompressed += ch.totalUncompressedSize
                fileStats[c] = fileStats[c].map { $0.merged(with: ch.statistics) } ?? ch.statistics
            }
            rowGroups.append(
                RowGroupMeta(
                    columns: metas, totalByteSize: Int64(uncompressed), numRows: Int64(range.count),
                    fileOffset: Int64(groupStart), totalCompressedSize: Int64(offset - groupStart),
                    ordinal: g <= Int(Int16.max) ? Int16(g) : nil))
        }
        let meta = FileMeta(
            leaves: leaves, numRows: Int64(rows), rowGroups: rowGroups, createdBy: createdBy)
        footer = OutputBuffer(capacity: 1024 + 256 * columnCount * groups.count)
        meta.encode(into: footer)
        let footerLength = footer.count
        footer.appendUInt32LE(UInt32(footerLength))
        footer.append(ParquetWriter.magic)
        info = ParquetFileInfo(
            rowCount: rows, byteCount: offset + footer.count,
            columnStatistics: fileStats.map { $0 ?? ColumnStatistics(nullCount: 0, min: nil, max: nil) })
    }

    /// Hands the chunk buffers back to the pool (the parts are invalid afterwards).
    func release() {
        for c in chunks { BufferPool.shared.give(c.data) }
    }

    /// Calls `body` with each part in file order.
    func forEachPart(_ body: (UnsafeRawBufferPointer) -> Void) {
        ParquetWriter.magic.withUnsafeBytes { body($0) }
        for c in chunks { body(c.data.buffer) }
        body(footer.buffer)
    }

    /// Row ranges of about `targetBytes` of PLAIN data each.
    static func rowGroups(_ batch: ColumnBatch, targetBytes: Int) -> [Range<Int>] {
        let rows = batch.rowCount
        guard rows > 0 else { return [] }
        let total = batch.columns.reduce(0) { $0 + plainBytes($1) }
        let perGroup = Swift.max(
            1, Int((Double(Swift.max(targetBytes, 1)) * Double(rows) / Double(Swift.max(total, 1))).rounded(.down)))
        return stride(from: 0, to: rows, by: perGroup).map { $0..<Swift.min(rows, $0 + perGroup) }
    }

    static func plainBytes(_ c: Column) -> Int {
        switch c.values {
        case .int32(let v): v.count * 4
        case .int64(let v): v.count * 8
        case .double(let v): v.count * 8
        case .boolean(let v): (v.count + 7) / 8
        case .bytes(let b): b.bytes.count + 4 * b.count
        }
    }

    static func validate(_ batch: ColumnBatch, name: String) throws {
        for (f, c) in zip(batch.schema.fields, batch.columns) {
            let ok: Bool
            switch (f.type, c.values) {
            case (.string, .bytes), (.binary, .bytes), (.long, .int64), (.timestamp, .int64),
                (.integer, .int32), (.date, .int32), (.double, .double), (.boolean, .boolean):
                ok = true
            default: ok = false
            }
            guard ok else {
                throw ParquetError(file: name, message: "column \(f.name): values do not match type \(f.type.rawValue)")
            }
            if !f.nullable && c.nullCount > 0 {
                throw ParquetError(file: name, message: "column \(f.name) is not nullable but has \(c.nullCount) nulls")
            }
            if case .bytes(let b) = c.values, Int(b.offsets.last ?? 0) != b.bytes.count {
                throw ParquetError(file: name, message: "column \(f.name): byte offsets do not cover the byte buffer")
            }
        }
    }
}
