import DedupFormats
import Testing

@testable import DeltaStorage

@Suite struct CodecTests {
    static func sample(_ n: Int) -> [UInt8] {
        var rng = SplitMix64(seed: UInt64(n))
        // Half repetitive text, half random bytes: both compressible and incompressible stretches.
        return (0..<n).map { i in
            i % 1024 < 512 ? UInt8(ascii: "a") + UInt8(i % 7) : UInt8(truncatingIfNeeded: rng.next())
        }
    }

    static func compress(_ codec: Codec, _ data: [UInt8], level: Int32? = nil) throws -> [UInt8] {
        let out = OutputBuffer()
        let c = try PageCompressor(codec: codec, level: level)
        try data.withUnsafeBytes {
            _ = try c.compress($0.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, count: data.count, into: out)
        }
        return out.bytes
    }

    static func decompress(_ codec: Codec, _ data: [UInt8], expected: Int) throws -> [UInt8] {
        let d = try PageDecompressor(codec: codec)
        var out = [UInt8](repeating: 0, count: expected)
        try data.withUnsafeBytes { src in
            try out.withUnsafeMutableBytes { dst in
                try d.decompress(
                    src.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, count: data.count,
                    into: dst.baseAddress ?? UnsafeMutableRawPointer(bitPattern: 1)!, expected: expected)
            }
        }
        return out
    }

    @Test(arguments: Codec.allCases)
    func roundTripsWithReusedContexts(codec: Codec) throws {
        let c = try PageCompressor(codec: codec, level: nil)
        let d = try PageDecompressor(codec: codec)
        for n in [0, 1, 100, 65_536, 300_001] {
            let data = Self.sample(n)
            let out = OutputBuffer()
            try data.withUnsafeBytes {
                _ = try c.compress($0.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, count: n, into: out)
            }
            if codec != .uncompressed && n > 1000 { #expect(out.count < n) }
            var back = [UInt8](repeating: 0, count: n)
            try back.withUnsafeMutableBytes { dst in
                try d.decompress(
                    out.base, count: out.count, into: dst.baseAddress ?? UnsafeMutableRawPointer(bitPattern: 1)!,
                    expected: n)
            }
            #expect(back == data, "\(codec) n=\(n)")
        }
    }

    @Test func gzipIsARealGzipMember() throws {
        let z = try Self.compress(.gzip, Self.sample(10_000))
        #expect(Array(z.prefix(3)) == [0x1F, 0x8B, 0x08])  // RFC 1952 magic + deflate
        // Trailer: CRC32 then ISIZE (input length mod 2^32), little-endian.
        let isize = z.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(isize == 10_000)
    }

    @Test func zstdIsAStandardFrame() throws {
        let z = try Self.compress(.zstd, Self.sample(10_000), level: 1)
        #expect(Array(z.prefix(4)) == [0x28, 0xB5, 0x2F, 0xFD])
    }

    @Test func snappyIsTheRawBlockFormat() throws {
        // A raw block starts with the uncompressed length as a varint (no stream identifier chunk).
        let s = try Self.compress(.snappy, Self.sample(300))
        #expect(Array(s.prefix(2)) == [0xAC, 0x02])
        #expect(s.first != 0xFF)
    }

    @Test(arguments: [Codec.snappy, .gzip, .zstd])
    func corruptOrWrongSizeIsAnError(codec: Codec) throws {
        let data = Self.sample(5_000)
        var z = try Self.compress(codec, data)
        #expect(throws: CompressionError.self) { try Self.decompress(codec, z, expected: 5_001) }
        #expect(throws: CompressionError.self) {
            try Self.decompress(codec, Array(z.prefix(z.count / 2)), expected: 5_000)
        }
        for k in stride(from: 0, to: z.count, by: 37) { z[k] ^= 0x5A }
        do {
            let back = try Self.decompress(codec, z, expected: 5_000)
            #expect(back != data)  // snappy has no checksum; it may decode garbage, but never crash
        } catch is CompressionError {}
    }

    @Test func codecNames() {
        #expect(Codec(name: "none") == .uncompressed)
        #expect(Codec(name: "ZSTD") == .zstd)
        #expect(Codec(name: "lz4") == nil)
        #expect(Codec.allCases.map(\.thriftValue) == [0, 1, 2, 6])
    }
}
