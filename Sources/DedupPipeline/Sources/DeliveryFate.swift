import DedupFormats

/// The delivery model's random decisions for one message, drawn in sequence order from one
/// xoshiro stream, so the virtual-clock and realtime runs of a seed make the same decisions.
struct DeliveryFate {
    /// Publisher spacing after the previous publish of the same partition, µs.
    var gap: Int64
    var dropped: Bool
    /// Extra delay before the first delivery (0 unless slow), µs.
    var slowDelay: Int64
    /// Delay of the redelivery after the first delivery, µs; nil = no duplicate.
    var redelivery: Int64?
}

/// Draws `DeliveryFate`s. Every message consumes the same number of draws whatever its fate, so
/// changing one probability does not reshuffle the others' decisions.
struct FateStream {
    var rng: Xoshiro256StarStar
    let chaos: ResolvedChaos
    let slowLo: Double, slowHi: Double, redLo: Double, redHi: Double

    init(seed: UInt64, chaos: ResolvedChaos, pubsub: PubSubSettings) {
        rng = Xoshiro256StarStar(seed: SplitMix64.value(seed: seed, stream: 0xDE11_7E11, counter: 0))
        self.chaos = chaos
        (slowLo, slowHi) = (pubsub.slowDelay.lowerBound, pubsub.slowDelay.upperBound)
        (redLo, redHi) = (pubsub.redeliveryDelay.lowerBound, pubsub.redeliveryDelay.upperBound)
    }

    @inline(__always)
    static func micros(_ seconds: Double) -> Int64 { Int64((seconds * 1e6).rounded()) }

    @inline(__always)
    mutating func next() -> DeliveryFate {
        let g = chaos.baseDelay + chaos.jitter * (2 * rng.nextUnit() - 1)
        let drop = rng.nextUnit() < chaos.dropProb
        let slowDraw = rng.nextUnit()
        let slowAmount = rng.nextDouble(in: slowLo, slowHi)
        let dupDraw = rng.nextUnit()
        let redAmount = rng.nextDouble(in: redLo, redHi)
        return DeliveryFate(
            gap: FateStream.micros(max(0, g)), dropped: drop,
            slowDelay: slowDraw < chaos.slowProb ? FateStream.micros(slowAmount) : 0,
            redelivery: dupDraw < chaos.dupProb ? FateStream.micros(redAmount) : nil)
    }
}
