import CCrypto
import CXXHash

/// One-shot digests through the C libraries (OpenSSL's low-level SHA256/MD5, libxxhash), plus
/// lowercase hex through a lookup table. No allocation per call.
public enum Digest {
    /// The raw digest of `bytes` (tests, tools; not for hot loops).
    public static func raw(_ algorithm: HashAlgorithm, _ bytes: [UInt8]) -> [UInt8] {
        encoded(algorithm, .binary, bytes)
    }

    /// The lowercase hex digest of `bytes`.
    public static func hex(_ algorithm: HashAlgorithm, _ bytes: [UInt8]) -> String {
        String(decoding: encoded(algorithm, .hex, bytes), as: UTF8.self)
    }

    static func encoded(_ algorithm: HashAlgorithm, _ encoding: HashEncoding, _ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: encoding.width(algorithm))
        var scratch = [UInt8](repeating: 0, count: 64)
        bytes.withUnsafeBufferPointer { b in
            out.withUnsafeMutableBufferPointer { o in
                scratch.withUnsafeMutableBufferPointer { s in
                    let empty: UInt8 = 0
                    withUnsafePointer(to: empty) { e in
                        hexTable.withUnsafeBufferPointer { t in
                            write(
                                algorithm, encoding, b.baseAddress ?? e, b.count, to: o.baseAddress!,
                                scratch: s.baseAddress!, hex: t.baseAddress!)
                        }
                    }
                }
            }
        }
        return out
    }

    /// Writes the digest of `input[0..<count]` at `out` (`encoding.width(algorithm)` bytes);
    /// `scratch` must hold 32 bytes; `hex` is `hexTable`'s storage.
    @inline(__always)
    static func write(
        _ algorithm: HashAlgorithm, _ encoding: HashEncoding, _ input: UnsafePointer<UInt8>, _ count: Int,
        to out: UnsafeMutablePointer<UInt8>, scratch: UnsafeMutablePointer<UInt8>, hex: UnsafePointer<UInt8>
    ) {
        let target = encoding == .binary ? out : scratch
        switch algorithm {
        case .sha256:
            // The Init/Update/Final calls run the digest directly; OpenSSL 3's one-shot SHA256()
            // goes through an EVP fetch per call, several times slower for small records.
            var ctx = SHA256_CTX()
            SHA256_Init(&ctx)
            if count <= 55 {
                sha256OneBlock(&ctx, input, count, to: target)
            } else {
                SHA256_Update(&ctx, input, count)
                SHA256_Final(target, &ctx)
            }
        case .md5:
            var ctx = MD5_CTX()
            MD5_Init(&ctx)
            MD5_Update(&ctx, input, count)
            MD5_Final(target, &ctx)
        case .xxh64:
            let h = XXH64(input, count, 0)
            for k in 0..<8 { target[k] = UInt8(truncatingIfNeeded: h >> (56 - 8 * UInt64(k))) }
        }
        if encoding == .hex { hexEncode(scratch, algorithm.digestBytes, to: out, table: hex) }
    }

    /// SHA-256 of a message of at most 55 bytes (every composite key and payload of the
    /// generated records): the one padded block (FIPS 180-4 §5.1.1: the message, 0x80, zeros,
    /// the bit length big-endian) goes straight to OpenSSL's block function (the SHA-NI path),
    /// skipping Update's buffering and Final's padding, about a third of the per-record hashing
    /// cost at these sizes; the digest is the state words big-endian. `ctx` is freshly initialised.
    @inline(__always)
    static func sha256OneBlock(
        _ ctx: inout SHA256_CTX, _ input: UnsafePointer<UInt8>, _ count: Int, to out: UnsafeMutablePointer<UInt8>
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { b in
            let block = b.baseAddress!
            block.initialize(repeating: 0, count: 64)
            if count > 0 { block.update(from: input, count: count) }
            block[count] = 0x80
            let bits = UInt64(count) &* 8
            for k in 0..<8 { block[56 &+ k] = UInt8(truncatingIfNeeded: bits >> (56 &- 8 &* UInt64(k))) }
            SHA256_Transform(&ctx, block)
        }
        withUnsafeBytes(of: &ctx.h) { h in
            for w in 0..<8 {
                let v = h.loadUnaligned(fromByteOffset: 4 &* w, as: UInt32.self)
                out[4 &* w] = UInt8(truncatingIfNeeded: v >> 24)
                out[4 &* w &+ 1] = UInt8(truncatingIfNeeded: v >> 16)
                out[4 &* w &+ 2] = UInt8(truncatingIfNeeded: v >> 8)
                out[4 &* w &+ 3] = UInt8(truncatingIfNeeded: v)
            }
        }
    }

    /// Two hex characters per byte from a 512-byte table, moved as one 16-bit load and store
    /// (half the loads and stores of a byte at a time; the hash loop's largest cost after SHA).
    @inline(__always)
    static func hexEncode(
        _ src: UnsafePointer<UInt8>, _ count: Int, to out: UnsafeMutablePointer<UInt8>, table t: UnsafePointer<UInt8>
    ) {
        let pairs = UnsafeRawPointer(t)
        let dst = UnsafeMutableRawPointer(out)
        for k in 0..<count {
            let pair = pairs.loadUnaligned(fromByteOffset: Int(src[k]) &* 2, as: UInt16.self)
            dst.storeBytes(of: pair, toByteOffset: 2 &* k, as: UInt16.self)
        }
    }

    static let hexTable: [UInt8] = {
        let digits = Array("0123456789abcdef".utf8)
        var t = [UInt8](repeating: 0, count: 512)
        for b in 0..<256 {
            t[2 * b] = digits[b >> 4]
            t[2 * b + 1] = digits[b & 15]
        }
        return t
    }()
}
