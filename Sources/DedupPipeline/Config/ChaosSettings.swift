import DedupFormats

/// `chaos.mode`: `fixed` values are used as written; `random` values are `[lo, hi]` ranges sampled
/// once per run from the run's seed (a plain number is allowed and used as is).
public enum ChaosMode: String, Sendable, CaseIterable, Codable { case fixed, random }

/// One chaos knob: a number, or a `[lo, hi]` range (random mode).
public enum ChaosValue: Sendable, Equatable {
    case fixed(Double)
    case range(Double, Double)

    public var lowerBound: Double {
        switch self {
        case .fixed(let v): v
        case .range(let lo, _): lo
        }
    }

    public var upperBound: Double {
        switch self {
        case .fixed(let v): v
        case .range(_, let hi): hi
        }
    }
}

/// `generation.chaos:` as written (ranges not yet sampled).
public struct ChaosSettings: Sendable, Equatable {
    public var mode: ChaosMode
    /// Share of messages delivered a second time (later, identical payload).
    public var dupProb: ChaosValue
    /// Share of messages delivered after an extra delay (out of order).
    public var slowProb: ChaosValue
    /// Share of messages never delivered.
    public var dropProb: ChaosValue
    /// Publisher's minimum spacing between publishes, seconds (the seed's 10 ms).
    public var baseDelay: ChaosValue
    /// ± variation of that spacing, seconds.
    public var jitter: ChaosValue

    public init(
        mode: ChaosMode = .fixed, dupProb: ChaosValue = .fixed(0.1), slowProb: ChaosValue = .fixed(0.1),
        dropProb: ChaosValue = .fixed(0), baseDelay: ChaosValue = .fixed(0.01), jitter: ChaosValue = .fixed(0.02)
    ) {
        self.mode = mode
        self.dupProb = dupProb
        self.slowProb = slowProb
        self.dropProb = dropProb
        self.baseDelay = baseDelay
        self.jitter = jitter
    }

    /// Samples every range once from `seed` (in a fixed order, so adding a knob later does not
    /// shift the others' values: each knob has its own stream).
    public func resolve(seed: UInt64) -> ResolvedChaos {
        func pick(_ v: ChaosValue, _ stream: UInt64) -> Double {
            switch v {
            case .fixed(let x): return x
            case .range(let lo, let hi):
                var rng = Xoshiro256StarStar(
                    seed: SplitMix64.value(seed: seed, stream: 0xC4A0_5000 + stream, counter: 0))
                return rng.nextDouble(in: lo, hi)
            }
        }
        return ResolvedChaos(
            dupProb: pick(dupProb, 1), slowProb: pick(slowProb, 2), dropProb: pick(dropProb, 3),
            baseDelay: pick(baseDelay, 4), jitter: pick(jitter, 5))
    }
}

/// The chaos values one run used.
public struct ResolvedChaos: Sendable, Equatable, Codable {
    public var dupProb: Double
    public var slowProb: Double
    public var dropProb: Double
    public var baseDelay: Double
    public var jitter: Double

    public init(dupProb: Double, slowProb: Double, dropProb: Double, baseDelay: Double, jitter: Double) {
        self.dupProb = dupProb
        self.slowProb = slowProb
        self.dropProb = dropProb
        self.baseDelay = baseDelay
        self.jitter = jitter
    }
}
