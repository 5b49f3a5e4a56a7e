/// UUIDs for data file names and the table id: seeded (SplitMix64, reproducible) or from the
/// system generator when no seed is given.
struct NameGenerator {
    private var state: UInt64
    private let seeded: Bool

    /// `stream` separates independent uses of one seed (e.g. the version being written).
    init(seed: UInt64?, stream: UInt64) {
        if let seed {
            state = seed ^ (stream &* 0xD6E8_FEB8_6659_FD93)
            seeded = true
        } else {
            var g = SystemRandomNumberGenerator()
            state = g.next()
            seeded = false
        }
    }

    /// SplitMix64 (Steele, Lea & Flood 2014).
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

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
