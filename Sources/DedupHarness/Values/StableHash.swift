import CCrypto

/// Hashes that are identical on every host and in every process (unlike Swift's `Hasher`):
/// SHA-256 from OpenSSL for identities and file fingerprints, SplitMix64 for seed derivation.
public enum StableHash {
    /// SHA-256 of `bytes` as 64 lowercase hex characters.
    public static func sha256Hex(_ bytes: some Collection<UInt8>) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        let input = Array(bytes)
        input.withUnsafeBufferPointer { buf in
            _ = SHA256(buf.baseAddress, buf.count, &digest)
        }
        return hex(digest)
    }

    /// SHA-256 of the UTF-8 bytes of `text`.
    public static func sha256Hex(_ text: String) -> String { sha256Hex(Array(text.utf8)) }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The SplitMix64 output function (Steele, Lea, Flood 2014): a bijective 64-bit mixer.
    @inline(__always)
    public static func mix64(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seed of one run: a function of the experiment seed, the cell id and the repeat only,
    /// so adding cells or axis values never changes an existing run's seed. Kept below 2^53 so that
    /// every JSON reader and spreadsheet holds it exactly.
    public static func runSeed(experimentSeed: UInt64, cellID: String, repeat index: Int) -> UInt64 {
        let cellBits = UInt64(cellID.prefix(16), radix: 16) ?? mix64(UInt64(truncatingIfNeeded: cellID.utf8.count))
        var h = mix64(experimentSeed)
        h = mix64(h ^ cellBits)
        h = mix64(h ^ UInt64(bitPattern: Int64(index)))
        return h & ((1 << 53) - 1)
    }
}
