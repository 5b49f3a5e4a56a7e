import DedupPipeline
import CCrypto
import DedupFormats

/// Identities that are the same on every host and in every process (unlike Swift's `Hasher`):
/// SHA-256 from OpenSSL for cell ids and file fingerprints, SplitMix64 for run seeds. (Not to be
/// confused with DedupPipeline's `StableHash`, the fast key hash of the dedup tables.)
public enum RunIdentity {
    /// SHA-256 of `bytes` as 64 lowercase hex characters.
    public static func sha256Hex(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        return input.withUnsafeBytes { sha256Hex($0, digits: 64) }
    }

    /// SHA-256 of the UTF-8 bytes of `text`.
    public static func sha256Hex(_ text: String) -> String { sha256Hex(text, digits: 64) }

    /// The first `digits` hex characters of SHA-256 of `text` (cell ids use 12); no intermediate
    /// arrays, since a large matrix hashes one text per cell.
    static func sha256Hex(_ text: String, digits: Int) -> String {
        var copy = text
        return copy.withUTF8 { sha256Hex(UnsafeRawBufferPointer($0), digits: digits) }
    }

    static func sha256Hex(_ input: UnsafeRawBufferPointer, digits: Int) -> String {
        var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var empty: UInt8 = 0
        withUnsafeMutableBytes(of: &digest) { out in
            let d = out.baseAddress!.assumingMemoryBound(to: UInt8.self)
            if let base = input.baseAddress {
                _ = SHA256(base.assumingMemoryBound(to: UInt8.self), input.count, d)
            } else {
                _ = SHA256(&empty, 0, d)
            }
        }
        let n = min(max(digits, 0), 64)
        return withUnsafeBytes(of: digest) { d in
            String(unsafeUninitializedCapacity: n) { out in
                let hexDigits: StaticString = "0123456789abcdef"
                let table = hexDigits.utf8Start
                for i in 0..<n {
                    let byte = d[i / 2]
                    out[i] = table[Int(i % 2 == 0 ? byte >> 4 : byte & 15)]
                }
                return n
            }
        }
    }

    /// SplitMix64's step and output function (Steele, Lea, Flood 2014): a bijective 64-bit mixer.
    @inline(__always)
    public static func mix64(_ x: UInt64) -> UInt64 { SplitMix64.mix(x &+ 0x9E37_79B9_7F4A_7C15) }

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
