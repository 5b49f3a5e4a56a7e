/// Walks the pages of one column chunk: each page header (Thrift compact) followed by its stored,
/// possibly compressed, bytes (Parquet format, "Column chunks"). The one owner of that framing for
/// the flat and the nested decoders.
struct ChunkPages {
    let chunk: UnsafeRawBufferPointer
    /// Offset of the next page header in `chunk`.
    private(set) var position = 0

    init(_ chunk: UnsafeRawBufferPointer) { self.chunk = chunk }

    /// True when every byte of the chunk has been walked.
    var atEnd: Bool { position >= chunk.count }

    /// The next page's header and stored bytes.
    /// - Throws: `DecodeError` when the header does not decode or the page runs past the chunk.
    mutating func next() throws -> (header: PageHeader, stored: UnsafeRawBufferPointer) {
        var r = ThriftCompactReader(chunk, position: position)
        let header = try PageHeader.decode(&r)
        position = r.position
        let size = Int(header.compressedSize)
        guard size <= chunk.count - position else {
            throw DecodeError(
                "page of \(size) bytes at chunk offset \(position) runs past the chunk (\(chunk.count) bytes)")
        }
        let stored = UnsafeRawBufferPointer(rebasing: chunk[position..<position + size])
        position += size
        return (header, stored)
    }
}
