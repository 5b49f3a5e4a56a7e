import DedupFormats

/// UUIDs for data file names and the table id: seeded (SplitMix64, reproducible) or from the
/// system generator when no seed is given.
struct NameGenerator {
    private var rng: SplitMix64
    private let seeded: Bool

    /// `stream` separates independent uses of one seed (e.g. the version being written).
    init(seed: UInt64?, stream: UInt64) {
        if let seed {
            rng = SplitMix64(seed: seed ^ (stream &* 0xD6E8_FEB8_6659_FD93))
            seeded = true
        } else {
            var g = SystemRandomNumberGenerator()
            rng = SplitMix64(seed: g.next())
            seeded = false
        }
    }

    mutating func next() -> UInt64 { rng.next() }

    /// A version-4 UUID string (lowercase, 8-4-4-4-12).
    mutating func uuid() -> String {
        var hi = next()
        var lo = next()
        hi = (hi & ~0xF000) | 0x4000  // version 4
        lo = (lo & ~(0xC000 << 48)) | (0x8000 << 48)  // RFC 4122 variant
        let h = hex(hi, 16) + hex(lo, 16)
        let c = Array(h)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-"
            + String(c[20..<32])
    }

    var isSeeded: Bool { seeded }

    private func hex(_ v: UInt64, _ width: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: width - s.count) + s
    }
}
