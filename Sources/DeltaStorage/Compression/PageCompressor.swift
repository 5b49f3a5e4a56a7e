import CSnappy
import CZlib
import CZstd

/// Compresses page payloads with one codec, reusing the codec's context across pages.
/// One instance per thread; output is appended to a caller-owned buffer.
final class PageCompressor {
    let codec: Codec
    private let level: Int32
    private var zstd: OpaquePointer?
    private var zs: UnsafeMutablePointer<z_stream>?

    init(codec: Codec, level: Int32?) throws {
        self.codec = codec
        switch codec {
        case .uncompressed, .snappy:
            self.level = 0
        case .zstd:
            self.level = level ?? Int32(ZSTD_CLEVEL_DEFAULT)
            zstd = ZSTD_createCCtx()
            if zstd == nil { throw CompressionError(codec: codec, message: "cannot create a compression context") }
        case .gzip:
            self.level = level ?? Z_DEFAULT_COMPRESSION
            let s = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            s.initialize(to: z_stream())
            // windowBits 15 + 16: a gzip member (RFC 1952), not a zlib stream.
            let rc = deflateInit2_(
                s, self.level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                Int32(MemoryLayout<z_stream>.size))
            if rc != Z_OK {
                s.deallocate()
                throw CompressionError(codec: codec, message: "deflateInit2 failed (\(rc)), level \(self.level)")
            }
            zs = s
        }
    }

    deinit {
        if let zstd { ZSTD_freeCCtx(zstd) }
        if let zs {
            deflateEnd(zs)
            zs.deallocate()
        }
    }

    /// Appends the compressed form of `count` bytes at `src` to `out`; returns the compressed size.
    @discardableResult
    func compress(_ src: UnsafeRawPointer, count: Int, into out: OutputBuffer) throws -> Int {
        let srcBytes = src.assumingMemoryBound(to: UInt8.self)
        switch codec {
        case .uncompressed:
            out.append(src, count: count)
            return count
        case .snappy:
            var outLen = snappy_max_compressed_length(count)
            out.reserve(outLen)
            let rc = out.end.withMemoryRebound(to: CChar.self, capacity: outLen) { dst in
                src.withMemoryRebound(to: CChar.self, capacity: count) { snappy_compress($0, count, dst, &outLen) }
            }
            guard rc == SNAPPY_OK else {
                throw CompressionError(codec: codec, message: "snappy_compress failed (\(rc))")
            }
            out.count += outLen
            return outLen
        case .zstd:
            let bound = ZSTD_compressBound(count)
            out.reserve(bound)
            let n = ZSTD_compressCCtx(zstd, out.end, bound, src, count, level)
            if ZSTD_isError(n) != 0 {
                throw CompressionError(codec: codec, message: String(cString: ZSTD_getErrorName(n)))
            }
            out.count += n
            return n
        case .gzip:
            guard let zs else { throw CompressionError(codec: codec, message: "no stream") }
            var rc = deflateReset(zs)
            guard rc == Z_OK else { throw CompressionError(codec: codec, message: "deflateReset failed (\(rc))") }
            let bound = Int(deflateBound(zs, UInt(count)))
            out.reserve(bound)
            zs.pointee.next_in = UnsafeMutablePointer(mutating: srcBytes)
            zs.pointee.avail_in = UInt32(count)
            zs.pointee.next_out = out.end
            zs.pointee.avail_out = UInt32(bound)
            rc = deflate(zs, Z_FINISH)
            guard rc == Z_STREAM_END else { throw CompressionError(codec: codec, message: "deflate failed (\(rc))") }
            let n = bound - Int(zs.pointee.avail_out)
            out.count += n
            return n
        }
    }
}
