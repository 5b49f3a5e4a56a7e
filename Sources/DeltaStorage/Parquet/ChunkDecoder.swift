/// One column chunk decoded: values for every row (placeholders at nulls) and the validity mask.
struct DecodedColumn: Sendable {
    var values: ColumnValues
    var validity: [Bool]?

    /// Joins the pieces of one column from consecutive row groups.
    static func concatenate(_ pieces: [DecodedColumn]) -> Column {
        if pieces.count == 1 { return Column(pieces[0].values, validity: pieces[0].validity) }
        func joined<T>(_ extract: (ColumnValues) -> [T]?) -> [T] {
            var out: [T] = []
            out.reserveCapacity(pieces.reduce(0) { $0 + $1.values.count })
            for p in pieces { out.append(contentsOf: extract(p.values) ?? []) }
            return out
        }
        let values: ColumnValues
        switch pieces[0].values {
        case .int32: values = .int32(joined { if case .int32(let v) = $0 { v } else { nil } })
        case .int64: values = .int64(joined { if case .int64(let v) = $0 { v } else { nil } })
        case .double: values = .double(joined { if case .double(let v) = $0 { v } else { nil } })
        case .boolean: values = .boolean(joined { if case .boolean(let v) = $0 { v } else { nil } })
        case .bytes:
            var out = ByteColumn()
            let parts = pieces.compactMap { p -> ByteColumn? in if case .bytes(let b) = p.values { b } else { nil } }
            out.reserve(values: parts.reduce(0) { $0 + $1.count }, bytes: parts.reduce(0) { $0 + $1.bytes.count })
            for b in parts { out.append(contentsOf: b) }
            values = .bytes(out)
        }
        var validity: [Bool]?
        if pieces.contains(where: { $0.validity != nil }) {
            var v: [Bool] = []
            v.reserveCapacity(values.count)
            for p in pieces { v.append(contentsOf: p.validity ?? [Bool](repeating: true, count: p.values.count)) }
            validity = v
        }
        return Column(values, validity: validity)
    }
}

/// Walks the pages of one column chunk, decompressing and decoding each into a value sink.
/// All lengths and counts are checked against the bytes actually present.
struct ChunkDecoder {
    let leaf: SchemaLeaf
    let type: ColumnType
    let meta: ColumnChunkMeta
    let rows: Int

    init(leaf: SchemaLeaf, type: ColumnType, meta: ColumnChunkMeta, rows: Int) {
        self.leaf = leaf
        self.type = type
        self.meta = meta
        self.rows = rows
    }

    func decode(_ chunk: UnsafeRawBufferPointer) throws -> DecodedColumn {
        switch type {
        case .long, .timestamp:
            return try decodeFixed(chunk, Int64.self) { .int64($0) }
        case .integer, .date:
            return try decodeFixed(chunk, Int32.self) { .int32($0) }
        case .double:
            return try decodeFixed(chunk, Double.self) { .double($0) }
        case .boolean:
            var values = [Bool](repeating: false, count: rows)
            let validity = try values.withUnsafeMutableBufferPointer { buf in
                var sink = BooleanSink(out: buf.baseAddress!)
                return try walkPages(chunk, &sink)
            }
            return DecodedColumn(values: .boolean(values), validity: validity)
        case .string, .binary:
            var sink = BytesSink(rows: rows, reserve: Int(Swift.min(meta.totalUncompressedSize, Int64(Int32.max))))
            let validity = try walkPages(chunk, &sink)
            return DecodedColumn(values: .bytes(sink.finish()), validity: validity)
        }
    }

    private func decodeFixed<T: FixedWidthInteger & BitwiseCopyable>(
        _ chunk: UnsafeRawBufferPointer, _: T.Type, wrap: ([T]) -> ColumnValues
    ) throws -> DecodedColumn {
        var values = [T](repeating: 0, count: rows)
        let validity = try values.withUnsafeMutableBufferPointer { buf in
            var sink = FixedSink<T>(out: buf.baseAddress!)
            return try walkPages(chunk, &sink)
        }
        return DecodedColumn(values: wrap(values), validity: validity)
    }

    private func decodeFixed(
        _ chunk: UnsafeRawBufferPointer, _: Double.Type, wrap: ([Double]) -> ColumnValues
    ) throws -> DecodedColumn {
        var values = [Double](repeating: 0, count: rows)
        let validity = try values.withUnsafeMutableBufferPointer { buf in
            try buf.baseAddress!.withMemoryRebound(to: UInt64.self, capacity: rows) { p in
                var sink = FixedSink<UInt64>(out: p)
                return try walkPages(chunk, &sink)
            }
        }
        return DecodedColumn(values: wrap(values), validity: validity)
    }

    /// The page loop; returns the validity mask (nil when no value is null).
    private func walkPages<S: PageSink>(_ chunk: UnsafeRawBufferPointer, _ sink: inout S) throws -> [Bool]? {
        var scratch = ScratchBuffer()
        return try walkPages(chunk, &sink, scratch: &scratch)
    }

    /// The page loop with the caller's decompression and index buffers (reused across chunks).
    func walkPages<S: PageSink>(_ chunk: UnsafeRawBufferPointer, _ sink: inout S, scratch: inout ScratchBuffer) throws
        -> [Bool]?
    {
        guard let codec = Codec(thrift: meta.codec) else { throw DecodeError("unsupported codec \(meta.codec)") }
        let decompressor = codec == .uncompressed ? nil : try PageDecompressor(codec: codec)
        var levels = [UInt32]()
        var validity: [Bool]?
        var pages = ChunkPages(chunk)
        var row = 0
        var sawDictionary = false
        while row < rows {
            guard !pages.atEnd else { throw DecodeError("chunk ends after \(row) of \(rows) values") }
            let (header, stored) = try pages.next()
            guard [PageType.data, PageType.dictionary, PageType.dataV2].contains(header.type) else {
                continue  // index pages and unknown page types carry no values
            }
            if header.type == PageType.dictionary {
                guard !sawDictionary, row == 0 else { throw DecodeError("dictionary page after data pages") }
                guard header.numValues >= 0 else { throw DecodeError("negative dictionary size") }
                let page = try Self.expand(
                    stored, uncompressedSize: Int(header.uncompressedSize), decompressor, &scratch)
                try sink.setDictionary(page, count: Int(header.numValues))
                sawDictionary = true
                continue
            }
            let n = Int(header.numValues)
            guard n > 0, n <= rows - row else {
                throw DecodeError("data page has \(n) values; \(rows - row) of \(rows) rows remain")
            }
            let (levelBytes, values) = try sections(header, stored, decompressor, &scratch)
            var nonNull = n
            var levelPointer: UnsafePointer<UInt32>?
            if let levelBytes {
                if levels.count < n { levels = [UInt32](repeating: 0, count: n) }
                nonNull = try levels.withUnsafeMutableBufferPointer { lv in
                    try RLEHybrid.decode(levelBytes, bitWidth: 1, count: n, into: lv.baseAddress!)
                    var present = 0
                    for k in 0..<n {
                        guard lv[k] <= 1 else { throw DecodeError("definition level \(lv[k]) > 1 in a flat column") }
                        present &+= Int(lv[k])
                    }
                    return present
                }
                if nonNull < n && validity == nil {
                    validity = [Bool](repeating: true, count: row)
                    validity!.reserveCapacity(rows)
                }
                if validity != nil {
                    for k in 0..<n { validity!.append(levels[k] != 0) }
                }
            }
            try levels.withUnsafeBufferPointer { lv in
                levelPointer = nonNull < n ? lv.baseAddress : nil
                switch header.encoding {
                case Encoding.plain:
                    try sink.plain(values, nonNull: nonNull, rows: n, levels: levelPointer)
                case Encoding.rleDictionary, Encoding.plainDictionary:
                    guard sawDictionary else { throw DecodeError("dictionary-encoded page without a dictionary page") }
                    guard values.count >= 1 else { throw DecodeError("dictionary page data is empty") }
                    let width = Int(values[0])
                    guard width <= 32 else { throw DecodeError("dictionary index bit width \(width) > 32") }
                    let idx = scratch.indices(nonNull)
                    try RLEHybrid.decode(
                        UnsafeRawBufferPointer(rebasing: values[1...]), bitWidth: width, count: nonNull, into: idx)
                    try sink.dictionary(UnsafeBufferPointer(start: idx, count: nonNull), rows: n, levels: levelPointer)
                case Encoding.rle where leaf.physical == .boolean:
                    try sink.rle(
                        values, nonNull: nonNull, rows: n, levels: levelPointer, scratch: scratch.indices(nonNull))
                case Encoding.deltaBinaryPacked where leaf.physical == .int32 || leaf.physical == .int64:
                    try sink.deltaBinaryPacked(values, nonNull: nonNull, rows: n, levels: levelPointer)
                default:
                    throw DecodeError("unsupported encoding \(header.encoding)")
                }
            }
            row += n
        }
        return validity
    }
}

/// Reused decompression target and index buffer of one chunk decode.
struct ScratchBuffer: ~Copyable {
    private var page: UnsafeMutableRawPointer?
    private var pageCapacity = 0
    private var idx: UnsafeMutablePointer<UInt32>?
    private var idxCapacity = 0

    init() {}

    deinit {
        page?.deallocate()
        idx?.deallocate()
    }

    mutating func reserve(_ n: Int) -> UnsafeMutableRawPointer {
        if n > pageCapacity || page == nil {
            page?.deallocate()
            pageCapacity = Swift.max(n, 1)
            page = .allocate(byteCount: pageCapacity, alignment: 16)
        }
        return page!
    }

    mutating func indices(_ n: Int) -> UnsafeMutablePointer<UInt32> {
        if n > idxCapacity || idx == nil {
            idx?.deallocate()
            idxCapacity = Swift.max(n, 1)
            idx = .allocate(capacity: idxCapacity)
        }
        return idx!
    }
}
