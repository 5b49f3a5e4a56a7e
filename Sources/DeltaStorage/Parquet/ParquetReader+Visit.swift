extension ParquetReader {
    /// The stored (compressed) bytes of column `column`'s chunk in row group `rowGroup`, e.g. to
    /// start the largest chunks first when visiting them concurrently.
    public func storedSize(column: Int, rowGroup: Int) -> Int {
        Int(meta.rowGroups[rowGroup].columns[column].totalCompressedSize)
    }

    /// Hands the values of column `column` (an index into `schema`) in row group `rowGroup` to
    /// `visitor`, page by page, without building a column: PLAIN pages are passed in place from
    /// the decompressed page, dictionary pages once per chunk. A local file's chunk is mapped, not
    /// copied; the decompression buffer comes from a pool, so reading file after file reuses memory already mapped. Safe to call concurrently
    /// for different chunks (each call takes its own buffers).
    /// - Throws: `ParquetError` naming the file, column and row group when a page is corrupt,
    ///   truncated or uses an unsupported encoding or codec; whatever `visitor` throws.
    public func visit<V: PageVisitor>(column: Int, rowGroup: Int, _ visitor: inout V) throws {
        precondition(schema.fields.indices.contains(column) && meta.rowGroups.indices.contains(rowGroup))
        let box = ScratchPool.shared.take()
        defer { ScratchPool.shared.give(box) }
        var sink = VisitSink(type: schema.fields[column].type, visitor: visitor)
        defer { visitor = sink.visitor }
        _ = try withChunk(column: column, group: rowGroup, mapped: true) { decoder, bytes in
            try decoder.walkPages(bytes, &sink, scratch: &box.scratch)
        }
    }
}

/// Decompression and index buffers kept between chunk reads (fresh multi-megabyte buffers cost a
/// page fault and zeroing per 4 KiB page, which dominated reading file after file).
final class ScratchPool: @unchecked Sendable {
    static let shared = ScratchPool()

    final class Box {
        var scratch = ScratchBuffer()
    }

    /// Idle boxes kept (one per core that reads at a time is enough).
    private let keep = 8
    private var idle: [Box] = []
    private let lock = PthreadLock()

    func take() -> Box { lock.withLock { idle.popLast() } ?? Box() }

    func give(_ box: Box) { lock.withLock { if idle.count < keep { idle.append(box) } } }
}
