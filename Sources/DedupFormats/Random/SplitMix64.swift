/// Steele, Lea & Flood's SplitMix64: a tiny seeded generator, used to expand one 64-bit seed into
/// the state of other generators and as a stateless mixer (`mix`) for counter-based generation.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective avalanche of all 64 bits.
    @inlinable
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A stream-independent value for (`seed`, `stream`, `counter`): the same inputs always give the
    /// same output, so rows can be generated in any order or chunking.
    @inlinable
    public static func value(seed: UInt64, stream: UInt64, counter: UInt64) -> UInt64 {
        mix(seed ^ mix(stream &* 0xD6E8_FEB8_6659_FD93 &+ counter &* 0x9E37_79B9_7F4A_7C15))
    }
}
