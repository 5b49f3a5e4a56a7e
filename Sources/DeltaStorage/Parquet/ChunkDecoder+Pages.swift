/// Splitting a data page into definition levels and values (v1 and v2 layouts).
extension ChunkDecoder {
    /// The page payload uncompressed: decompressed into `scratch`, or the stored bytes themselves
    /// (shared by the flat and the nested decoders).
    static func expand(
        _ stored: UnsafeRawBufferPointer, uncompressedSize: Int, _ decompressor: PageDecompressor?,
        _ scratch: inout ScratchBuffer
    ) throws -> UnsafeRawBufferPointer {
        guard let decompressor else {
            guard uncompressedSize == stored.count else { throw DecodeError("uncompressed page sizes disagree") }
            return stored
        }
        guard uncompressedSize >= 0 else { throw DecodeError("negative page size") }
        let dst = scratch.reserve(uncompressedSize)
        try decompressor.decompress(
            stored.baseAddress ?? UnsafeRawPointer(dst), count: stored.count, into: dst, expected: uncompressedSize)
        return UnsafeRawBufferPointer(start: dst, count: uncompressedSize)
    }

    /// Definition levels (RLE hybrid, nil for REQUIRED columns) and the encoded values of a data page.
    /// v1: the whole payload is compressed and levels carry a 4-byte length. v2: levels come first,
    /// uncompressed and without a length prefix; only the values may be compressed.
    func sections(
        _ header: PageHeader, _ stored: UnsafeRawBufferPointer, _ decompressor: PageDecompressor?,
        _ scratch: inout ScratchBuffer
    ) throws -> (levels: UnsafeRawBufferPointer?, values: UnsafeRawBufferPointer) {
        if header.type == PageType.data {
            let page = try Self.expand(stored, uncompressedSize: Int(header.uncompressedSize), decompressor, &scratch)
            guard leaf.optional else { return (nil, page) }
            guard page.count >= 4 else { throw DecodeError("data page too short for definition levels") }
            let len = Int(page.loadUnaligned(as: UInt32.self).littleEndian)
            guard len <= page.count - 4 else { throw DecodeError("definition levels run past the page") }
            return (
                UnsafeRawBufferPointer(rebasing: page[4..<4 + len]),
                UnsafeRawBufferPointer(rebasing: page[(4 + len)...])
            )
        }
        let rl = Int(header.repetitionLevelsByteLength)
        let dl = Int(header.definitionLevelsByteLength)
        guard rl == 0 else { throw DecodeError("repetition levels in a flat column") }
        guard dl >= 0, dl <= stored.count, dl <= Int(header.uncompressedSize) else {
            throw DecodeError("definition levels (\(dl) bytes) run past the page")
        }
        guard leaf.optional || dl == 0 else { throw DecodeError("definition levels in a REQUIRED column") }
        let valueBytes = UnsafeRawBufferPointer(rebasing: stored[dl...])
        let values = try Self.expand(
            valueBytes, uncompressedSize: Int(header.uncompressedSize) - dl, header.isCompressed ? decompressor : nil,
            &scratch)
        return (leaf.optional ? UnsafeRawBufferPointer(rebasing: stored[..<dl]) : nil, values)
    }
}
