#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ParquetReader {
    /// Reads and checks magic, footer length and metadata; validates every chunk's byte range.
    /// `allowNested` accepts nested schemas, whose chunks hold at least one level entry per row.
    static func readFooter(
        name: String, size: Int, allowNested: Bool = false, read: (Int, Int) throws -> [UInt8]
    ) throws -> FileMeta {
        func fail(_ m: String) -> ParquetError { ParquetError(file: name, message: m) }
        guard size >= 12 else { throw fail("not a Parquet file: only \(size) bytes") }
        let head = try read(0, 4)
        let tail = try read(size - 8, 8)
        guard head == ParquetWriter.magic else { throw fail("not a Parquet file: missing PAR1 magic at the start") }
        guard Array(tail[4..<8]) == ParquetWriter.magic else {
            throw fail("not a Parquet file or truncated: missing PAR1 magic at the end")
        }
        let footerLength = Int(UInt32(tail[0]) | UInt32(tail[1]) << 8 | UInt32(tail[2]) << 16 | UInt32(tail[3]) << 24)
        guard footerLength > 0, footerLength <= size - 12 else {
            throw fail("footer length \(footerLength) does not fit in a \(size)-byte file")
        }
        let footerStart = size - 8 - footerLength
        let footer = try read(footerStart, footerLength)
        let meta: FileMeta
        do {
            meta = try footer.withUnsafeBytes { try FileMeta.decode($0, allowNested: allowNested) }
        } catch let e as DecodeError {
            throw fail("corrupt footer: \(e.message)")
        }
        var rows: Int64 = 0
        for (g, rg) in meta.rowGroups.enumerated() {
            rows += rg.numRows
            for (c, chunk) in rg.columns.enumerated() {
                let leaf = meta.leaves[c]
                let where_ = "column \(leaf.name), row group \(g)"
                guard chunk.physical == leaf.physical else {
                    throw fail("\(where_): chunk type differs from the schema")
                }
                guard Codec(thrift: chunk.codec) != nil else {
                    throw fail("\(where_): unsupported codec \(chunk.codec)")
                }
                let start = chunk.startOffset
                guard start >= 4, chunk.totalCompressedSize >= 0,
                    start + chunk.totalCompressedSize <= Int64(footerStart),
                    chunk.dataPageOffset >= start, chunk.dataPageOffset < start + chunk.totalCompressedSize
                else {
                    throw fail(
                        "\(where_): byte range \(start)+\(chunk.totalCompressedSize) lies outside the data section "
                            + "(4..<\(footerStart)); the file is truncated or corrupt")
                }
                guard chunk.numValues == rg.numRows || (allowNested && chunk.numValues > rg.numRows) else {
                    throw fail("\(where_): \(chunk.numValues) values but the row group has \(rg.numRows) rows")
                }
            }
        }
        guard rows == meta.numRows else { throw fail("row groups hold \(rows) rows, footer says \(meta.numRows)") }
        return meta
    }

    static func pread(_ fd: Int32, offset: Int, count: Int, name: String) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buf, n in
            try pread(fd, offset: offset, count: count, into: buf.baseAddress!, name: name)
            n = count
        }
    }

    /// Reads exactly `count` bytes at `offset`; a short file is an error naming it.
    static func pread(_ fd: Int32, offset: Int, count: Int, into dst: UnsafeMutablePointer<UInt8>, name: String) throws
    {
        var done = 0
        while done < count {
            let r = Glibc.pread(fd, dst + done, count - done, off_t(offset + done))
            if r < 0 && errno == EINTR { continue }
            guard r > 0 else {
                throw ParquetError(
                    file: name, message: r < 0 ? "read failed: \(ParquetWriter.errnoText())" : "unexpected end of file")
            }
            done += r
        }
    }
}

extension Codec {
    init?(thrift: Int32) {
        switch thrift {
        case 0: self = .uncompressed
        case 1: self = .snappy
        case 2: self = .gzip
        case 6: self = .zstd
        default: return nil
        }
    }
}
