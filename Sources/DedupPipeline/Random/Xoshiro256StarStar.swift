import DedupFormats

/// Blackman & Vigna's xoshiro256**: the sequential generator for per-run decisions (delivery model,
/// chaos ranges). Seeded through SplitMix64 as its authors recommend; never from system randomness.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    public init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        s0 = sm.next()
        s1 = sm.next()
        s2 = sm.next()
        s3 = sm.next()
    }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    @inlinable
    func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x &<< k) | (x &>> (64 &- k)) }  // masking shifts: k is 7 or 45

    /// A double in [0, 1) with 53 random bits (platform independent, unlike `Double.random(in:)`'s
    /// unspecified algorithm).
    @inlinable
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A double uniformly in [lo, hi).
    @inlinable
    public mutating func nextDouble(in lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * nextUnit() }

    /// An integer in [0, bound) by Lemire's multiply-shift (bias < 2⁻³² for the bounds used here).
    @inlinable
    public mutating func nextBounded(_ bound: UInt64) -> UInt64 {
        next().multipliedFullWidth(by: bound).high
    }
}
