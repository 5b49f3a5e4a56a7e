import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the Parquet files `ParquetWriter` writes: flat schemas, data page v1, PLAIN and
/// dictionary pages, all four codecs, several pages and row groups. Every offset and length in
/// the file is checked; a corrupt or truncated file gives a `ParquetError` naming it.
public struct ParquetReader: Sendable {
    enum Source: Sendable {
        case memory([UInt8])
        case file(String)
    }

    let name: String
    let source: Source
    let meta: FileMeta
    /// Delta-level schema reconstructed from the physical and logical types.
    public let schema: Schema
    /// Bytes in the file (its length when its footer was read).
    public let byteCount: Int

    /// Opens `path` and reads its footer.
    public init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ParquetError(file: path, message: "cannot open: \(ParquetWriter.errnoText())") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw ParquetError(file: path, message: "cannot stat: \(ParquetWriter.errnoText())")
        }
        let size = Int(st.st_size)
        let meta = try Self.readFooter(name: path, size: size) { offset, count in
            try Self.pread(fd, offset: offset, count: count, name: path)
        }
        try self.init(name: path, source: .file(path), meta: meta, byteCount: size)
    }

    /// Reads a file held in memory; `name` is used in error messages.
    public init(bytes: [UInt8], name: String) throws {
        let meta = try Self.readFooter(name: name, size: bytes.count) { offset, count in
            Array(bytes[offset..<offset + count])
        }
        try self.init(name: name, source: .memory(bytes), meta: meta, byteCount: bytes.count)
    }

    private init(name: String, source: Source, meta: FileMeta, byteCount: Int) throws {
        self.name = name
        self.source = source
        self.meta = meta
        self.byteCount = byteCount
        var fields: [Field] = []
        for leaf in meta.leaves {
            guard let t = leaf.columnType else {
                throw ParquetError(
                    file: name,
                    message: "column \(leaf.name): unsupported Parquet type \(leaf.physical) "
                        + "(converted \(leaf.convertedType.map(String.init) ?? "none"))")
            }
            fields.append(Field(leaf.name, t, nullable: leaf.optional))
        }
        schema = Schema(fields)
    }

    public var rowCount: Int { Int(meta.numRows) }
    public var rowGroupCount: Int { meta.rowGroups.count }

    /// Row counts per row group.
    public var rowGroupRowCounts: [Int] { meta.rowGroups.map { Int($0.numRows) } }

    /// The named columns (all when nil), in the order requested. Columns are decoded concurrently.
    public func read(columns: [String]? = nil) throws -> ColumnBatch {
        let indices = try (columns ?? schema.names).map { n in
            guard let i = schema.index(of: n) else {
                throw ParquetError(
                    file: name, message: "no column named \(n) (columns: \(schema.names.joined(separator: ", ")))")
            }
            return i
        }
        let groups = meta.rowGroups.count
        let parts = SharedSlots<Result<DecodedColumn, Error>>(count: indices.count * groups)
        let work: @Sendable (Int) -> Void = { [self] u in
            let c = indices[u / Swift.max(groups, 1)]
            let g = u % groups
            parts[u] = Result { try self.decodeChunk(column: c, group: g) }
        }
        let units = indices.count * groups
        if units > 1 {
            DispatchQueue.concurrentPerform(iterations: units, execute: work)
        } else if units == 1 {
            work(0)
        }
        let decoded: [DecodedColumn]
        do {
            decoded = try parts.values().map { try $0.get() }
        } catch let e as ParquetError {
            throw e
        } catch {
            throw ParquetError(file: name, message: "\(error)")
        }
        var out: [Column] = []
        for (k, c) in indices.enumerated() {
            let pieces = Array(decoded[k * groups..<(k + 1) * groups])
            out.append(
                pieces.isEmpty
                    ? ColumnBatch.empty(Schema([schema.fields[c]])).columns[0] : DecodedColumn.concatenate(pieces))
        }
        return ColumnBatch(schema: Schema(indices.map { schema.fields[$0] }), columns: out)
    }

    private func decodeChunk(column c: Int, group g: Int) throws -> DecodedColumn {
        try withChunk(column: c, group: g) { decoder, bytes in try decoder.decode(bytes) }
    }

    /// Hands the bytes of column `c`'s chunk in row group `g` (from memory, or read into a pooled
    /// buffer) to `body` with the chunk's decoder; errors name the file, column and row group.
    /// `mapped`: a file's chunk is memory-mapped (read-only, prefaulted) instead of copied, for a
    /// single pass over it that decompresses every page anyway (saves the kernel's copy).
    func withChunk<T>(
        column c: Int, group g: Int, mapped: Bool = false, _ body: (ChunkDecoder, UnsafeRawBufferPointer) throws -> T
    ) throws -> T {
        let rg = meta.rowGroups[g]
        let chunk = rg.columns[c]
        let leaf = meta.leaves[c]
        let start = Int(chunk.startOffset)
        let length = Int(chunk.totalCompressedSize)
        do {
            let decoder = ChunkDecoder(leaf: leaf, type: schema.fields[c].type, meta: chunk, rows: Int(rg.numRows))
            switch source {
            case .memory(let bytes):
                return try bytes.withUnsafeBytes {
                    try body(decoder, UnsafeRawBufferPointer(rebasing: $0[start..<start + length]))
                }
            case .file(let path):
                let fd = open(path, O_RDONLY)
                guard fd >= 0 else { throw DecodeError("cannot open: \(ParquetWriter.errnoText())") }
                defer { close(fd) }
                if mapped, length > 0 {
                    return try Self.withMapping(fd, offset: start, count: length, name: path) { try body(decoder, $0) }
                }
                // Chunk bytes go into a pooled buffer: repeated key reads reuse mapped memory.
                let buffer = BufferPool.shared.take(capacity: length)
                defer { BufferPool.shared.give(buffer) }
                try Self.pread(fd, offset: start, count: length, into: buffer.base, name: path)
                return try body(decoder, UnsafeRawBufferPointer(start: buffer.base, count: length))
            }
        } catch let e as ParquetError {
            throw e
        } catch {
            throw ParquetError(file: name, message: "column \(leaf.name), row group \(g): \(error)")
        }
    }

    /// Maps `count` bytes at `offset` of `fd` read-only for `body`. The file's size is checked
    /// after mapping, so a file truncated since its footer was read fails here with its name.
    static func withMapping<T>(
        _ fd: Int32, offset: Int, count: Int, name: String, _ body: (UnsafeRawBufferPointer) throws -> T
    ) throws -> T {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let base = offset / page * page
        let span = offset + count - base
        guard let m = mmap(nil, span, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, off_t(base)), m != MAP_FAILED else {
            throw ParquetError(file: name, message: "cannot map: \(ParquetWriter.errnoText())")
        }
        defer { munmap(m, span) }
        var st = stat()
        guard fstat(fd, &st) == 0, Int(st.st_size) >= offset + count else {
            throw ParquetError(file: name, message: "file shrank while being read")
        }
        return try body(UnsafeRawBufferPointer(start: m + (offset - base), count: count))
    }
}
