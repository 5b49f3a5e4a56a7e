/// A small, fast, seed-free 64-bit hash with a fixed definition, used wherever a hash reaches an
/// output or must agree across processes: key fingerprints in the dedup tables and the row digests
/// of the table checksum (docs/STRATEGIES.md gives a Python version). Swift's `Hasher` is seeded
/// per process and is never used for these.
///
/// Definition (all arithmetic mod 2⁶⁴, `mum(a, b)` = high64(a·b) xor low64(a·b) of the 128-bit product):
/// - bytes `b` of length n: `h = K0 ^ n`; for each 8-byte little-endian word `w` of `b` (the last
///   one zero-padded): `h = mum(h ^ w, K1)`; result `mum(h ^ K0, K1 ^ n)`.
/// - 64-bit integer `v` with a type tag `t`: `mum(v ^ K0, K1 ^ t)`.
public enum StableHash {
    public static let k0: UInt64 = 0xA076_1D64_78BD_642F
    public static let k1: UInt64 = 0xE703_7ED1_A0B4_28DB

    @inlinable @inline(__always)
    public static func mum(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let p = a.multipliedFullWidth(by: b)
        return p.high ^ p.low
    }

    /// Hash of `count` bytes at `p`.
    @inlinable
    public static func bytes(_ p: UnsafePointer<UInt8>, count n: Int) -> UInt64 {
        var h = k0 ^ UInt64(truncatingIfNeeded: n)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            h = mum(h ^ w, k1)
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                w |= UInt64(p[i]) << shift
                shift += 8
                i += 1
            }
            h = mum(h ^ w, k1)
        }
        return mum(h ^ k0, k1 ^ UInt64(truncatingIfNeeded: n))
    }

    /// Hash of a byte array (convenience for tests and cold paths).
    public static func bytes<C: Collection>(_ c: C) -> UInt64 where C.Element == UInt8 {
        let a = Array(c)
        guard !a.isEmpty else { return mum(k0 ^ k0, k1) }
        return a.withUnsafeBufferPointer { bytes($0.baseAddress!, count: $0.count) }
    }

    /// Hash of a 64-bit integer value with a type tag (so equal bits of different types differ).
    @inlinable @inline(__always)
    public static func int(_ v: UInt64, tag: UInt64) -> UInt64 { mum(v ^ k0, k1 ^ tag) }
}
