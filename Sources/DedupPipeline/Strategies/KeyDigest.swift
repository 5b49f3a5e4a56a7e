import CXXHash
import DeltaStorage

/// A dedup key reduced to 12 bytes (a `UInt64` and a `UInt32`), what the strategies' long-lived
/// key indexes store instead of the key's bytes (a sha256 hex key is 64 bytes; 100M of them
/// would not fit the memory budget).
///
/// Encoding of a key of `n` bytes (byte 0 of `a` is a tag, never 0, so an all-zero slot is empty):
/// - `n ≤ 11`: tag `n + 1`, then the key's bytes (zero-padded). Exact.
/// - lowercase hex of `2m` characters, `m ≤ 11` (an xxh64 hex digest): tag `0x40 | m`, then the
///   `m` decoded bytes. Exact.
/// - otherwise, 95 bits with the tag's top bit set: the first 12 bytes of the digest itself for a
///   hash column (`hexDigest`: the decoded hex; `binaryDigest`: the raw bytes), else of XXH3-128
///   of the key's bytes (`general`).
///
/// The three forms cannot be confused (disjoint tags). Only the third can make two different
/// keys equal: among `n` distinct keys the chance that any two share their 95 bits is at most
/// n²/2⁹⁶ (1.3·10⁻¹⁵ at 10M keys, 1.3·10⁻¹³ at 100M), taking a sha256/md5 digest or XXH3 as
/// random. Even then it is not silent: the verifier fingerprints rows with an independent hash
/// (`StableHash`), so a merged key shows up as a lost record and fails the run.
struct KeyDigest: Equatable {
    var a: UInt64
    var b: UInt32

    /// What a key column holds, which decides how a long key is reduced.
    enum Kind: Sendable {
        /// Lowercase hex of a cryptographic digest (a hash column with hex encoding).
        case hexDigest
        /// Raw digest bytes (a hash column with binary encoding).
        case binaryDigest
        /// Anything else (strings, numbers, several columns).
        case general

        /// The kind of a key made of `columns` of `schema`: a single hash column is a digest.
        static func of(_ columns: [String], in schema: Schema) -> Kind {
            guard columns.count == 1, [HashColumns.compositeName, HashColumns.payloadName].contains(columns[0]),
                let i = schema.index(of: columns[0])
            else { return .general }
            return schema.fields[i].type == .binary ? .binaryDigest : .hexDigest
        }
    }

    /// 64 well-mixed bits for the table's home slot and shard.
    @inline(__always) var mixed: UInt64 { StableHash.mum(a ^ StableHash.k0, StableHash.k1 ^ UInt64(b)) }

    /// The digest of the `n` key bytes at `p`.
    @inline(__always)
    static func make(_ p: UnsafePointer<UInt8>, _ n: Int, kind: Kind) -> KeyDigest {
        var out: (UInt64, UInt64) = (0, 0)  // 16 bytes of scratch; the first 12 are the digest
        withUnsafeMutableBytes(of: &out) { o in
            let d = o.baseAddress!.assumingMemoryBound(to: UInt8.self)
            if n <= 11 {
                d[0] = UInt8(n + 1)
                for k in 0..<n { d[1 + k] = p[k] }
            } else if n % 2 == 0, n <= 22, decodeHex(p, n, into: d + 1) {
                d[0] = 0x40 | UInt8(n / 2)
            } else {
                switch kind {
                case .hexDigest where n >= 24 && decodeHex(p, 24, into: d): break
                case .binaryDigest where n >= 12: for k in 0..<12 { d[k] = p[k] }
                default:
                    let h = XXH3_128bits(p, n)
                    storeLE(h.low64, d)
                    storeLE(h.high64, d + 8)
                }
                d[0] |= 0x80
            }
        }
        return KeyDigest(a: UInt64(littleEndian: out.0), b: UInt32(truncatingIfNeeded: UInt64(littleEndian: out.1)))
    }

    /// Decodes `n` lowercase hex characters at `p` into `n / 2` bytes at `out`; false (and `out`
    /// partly written) when a character is not `[0-9a-f]`.
    @inline(__always)
    private static func decodeHex(_ p: UnsafePointer<UInt8>, _ n: Int, into out: UnsafeMutablePointer<UInt8>) -> Bool {
        var k = 0
        while k < n {
            guard let hi = nibble(p[k]), let lo = nibble(p[k + 1]) else { return false }
            out[k / 2] = hi << 4 | lo
            k += 2
        }
        return true
    }

    @inline(__always)
    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }

    @inline(__always)
    private static func storeLE(_ x: UInt64, _ p: UnsafeMutablePointer<UInt8>) {
        for k in 0..<8 { p[k] = UInt8(truncatingIfNeeded: x >> (8 * UInt64(k))) }
    }

    /// The digests of every key of `keys` (or of rows `rows` only, in that order), on all cores.
    static func digests(_ keys: ByteColumn, rows: [Int]? = nil, kind: Kind) -> [KeyDigest] {
        let n = rows?.count ?? keys.count
        if n == 0 { return [] }
        return [KeyDigest](unsafeUninitializedCapacity: n) { out, initialized in
            keys.withKeyBuffer { kb in
                let k = UncheckedSendable(kb)
                let o = UncheckedSendable(out)
                let select = rows.map { r in UncheckedSendable(r) }
                parallelChunks(count: n, minimumChunk: 65_536) { range in
                    for i in range {
                        let row = select.map { $0.value[i] } ?? i
                        let lo = Int(k.value.offsets[row])
                        (o.value.baseAddress! + i).initialize(
                            to: make(k.value.bytes + lo, Int(k.value.offsets[row + 1]) - lo, kind: kind))
                    }
                }
            }
            initialized = n
        }
    }
}
