/// SplitMix64 (Steele, Lea & Flood 2014): the seeded generator behind every bootstrap, so the same
/// inputs always give the same intervals. Never seeded from the clock or the system.
public struct ResampleGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform index in `0..<count` (Lemire's multiply-high; the bias is below 2⁻⁵⁰ for our sizes).
    public mutating func index(below count: Int) -> Int {
        Int(UInt64(count).multipliedFullWidth(by: next()).high)
    }

    /// FNV-1a 64 of a string: a stable seed for a (cell, metric) pair, unlike Swift's per-process `Hasher`.
    public static func stableSeed(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
