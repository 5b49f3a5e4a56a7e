import CSnappy
import CZlib
import CZstd

/// Decompresses page payloads into caller-provided memory of the exact expected size, verifying
/// that size (a mismatch means a corrupt file). One instance per thread.
final class PageDecompressor {
    let codec: Codec
    private var zstd: OpaquePointer?
    private var zs: UnsafeMutablePointer<z_stream>?

    init(codec: Codec) throws {
        self.codec = codec
        switch codec {
        case .uncompressed, .snappy: break
        case .zstd:
            zstd = ZSTD_createDCtx()
            if zstd == nil { throw CompressionError(codec: codec, message: "cannot create a decompression context") }
        case .gzip:
            let s = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            s.initialize(to: z_stream())
            // windowBits 15 + 32: accept gzip or zlib headers.
            let rc = inflateInit2_(s, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            if rc != Z_OK {
                s.deallocate()
                throw CompressionError(codec: codec, message: "inflateInit2 failed (\(rc))")
            }
            zs = s
        }
    }

    deinit {
        if let zstd { ZSTD_freeDCtx(zstd) }
        if let zs {
            inflateEnd(zs)
            zs.deallocate()
        }
    }

    /// Decompresses `count` bytes at `src` into exactly `expected` bytes at `dst`.
    func decompress(
        _ src: UnsafeRawPointer, count: Int, into dst: UnsafeMutableRawPointer, expected: Int
    ) throws {
        switch codec {
        case .uncompressed:
            guard count == expected else {
                throw CompressionError(codec: codec, message: "page sizes differ (\(count) vs \(expected))")
            }
            dst.copyMemory(from: src, byteCount: count)
        case .snappy:
            let s = src.assumingMemoryBound(to: CChar.self)
            var len = 0
            guard snappy_uncompressed_length(s, count, &len) == SNAPPY_OK, len == expected else {
                throw CompressionError(codec: codec, message: "corrupt snappy block or wrong uncompressed size")
            }
            guard snappy_uncompress(s, count, dst.assumingMemoryBound(to: CChar.self), &len) == SNAPPY_OK,
                len == expected
            else { throw CompressionError(codec: codec, message: "corrupt snappy block") }
        case .zstd:
            let n = ZSTD_decompressDCtx(zstd, dst, expected, src, count)
            if ZSTD_isError(n) != 0 {
                throw CompressionError(codec: codec, message: String(cString: ZSTD_getErrorName(n)))
            }
            guard n == expected else {
                throw CompressionError(codec: codec, message: "decompressed \(n) bytes, expected \(expected)")
            }
        case .gzip:
            guard let zs else { throw CompressionError(codec: codec, message: "no stream") }
            guard inflateReset(zs) == Z_OK else { throw CompressionError(codec: codec, message: "inflateReset failed") }
            zs.pointee.next_in = UnsafeMutablePointer(mutating: src.assumingMemoryBound(to: UInt8.self))
            zs.pointee.avail_in = UInt32(count)
            zs.pointee.next_out = dst.assumingMemoryBound(to: UInt8.self)
            zs.pointee.avail_out = UInt32(expected)
            let rc = inflate(zs, Z_FINISH)
            guard rc == Z_STREAM_END, zs.pointee.avail_out == 0 else {
                throw CompressionError(
                    codec: codec,
                    message:
                        "corrupt gzip data (inflate \(rc), \(expected - Int(zs.pointee.avail_out)) of \(expected) bytes)"
                )
            }
        }
    }
}
