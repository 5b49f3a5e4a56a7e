/// Percentile bootstrap intervals with a seeded resampler.
///
/// Draw `resamples` samples of size n with replacement, take the statistic of each, sort, and read
/// the interval at indices ⌊(α/2)·B⌋ and ⌈(1−α/2)·B⌉−1. With the same values (in any order) and
/// the same seed the interval is identical. With few repeats the interval is wide and can only
/// take sample values — that is honest, not a bug.
public enum Bootstrap {
    public static let defaultResamples = 2000

    /// A closed interval [lower, upper].
    public struct Interval: Equatable, Sendable {
        public var lower: Double
        public var upper: Double
        public init(lower: Double, upper: Double) {
            self.lower = lower
            self.upper = upper
        }
        public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
    }

    /// The confidence interval of the median of `values` (nil for an empty sample).
    public static func medianInterval(
        _ values: [Double], seed: UInt64, resamples: Int = defaultResamples, confidence: Double = 0.95
    ) -> Interval? {
        guard !values.isEmpty else { return nil }
        let sample = values.sorted()  // order-independent
        var rng = ResampleGenerator(seed: seed)
        var medians = [Double](repeating: 0, count: resamples)
        var draw = [Double](repeating: 0, count: sample.count)
        for b in 0..<resamples {
            for i in 0..<sample.count { draw[i] = sample[rng.index(below: sample.count)] }
            draw.sort()
            medians[b] = SampleStatistics.median(sorted: draw)
        }
        return percentile(medians, confidence: confidence)
    }

    /// The interval of median(candidate) / median(baseline), resampling both sides independently.
    /// nil when a side is empty or a resampled baseline median is zero.
    public static func ratioOfMediansInterval(
        baseline: [Double], candidate: [Double], seed: UInt64, resamples: Int = defaultResamples,
        confidence: Double = 0.95
    ) -> Interval? {
        guard !baseline.isEmpty, !candidate.isEmpty else { return nil }
        let a = baseline.sorted(), c = candidate.sorted()
        var rng = ResampleGenerator(seed: seed)
        var ratios = [Double](repeating: 0, count: resamples)
        var da = [Double](repeating: 0, count: a.count), dc = [Double](repeating: 0, count: c.count)
        for b in 0..<resamples {
            for i in 0..<a.count { da[i] = a[rng.index(below: a.count)] }
            for i in 0..<c.count { dc[i] = c[rng.index(below: c.count)] }
            da.sort()
            dc.sort()
            let denominator = SampleStatistics.median(sorted: da)
            guard denominator != 0 else { return nil }
            ratios[b] = SampleStatistics.median(sorted: dc) / denominator
        }
        return percentile(ratios, confidence: confidence)
    }

    static func percentile(_ values: [Double], confidence: Double) -> Interval {
        let sorted = values.sorted()
        let alpha = 1 - confidence
        let b = Double(sorted.count)
        let lo = Swift.max(0, Swift.min(sorted.count - 1, Int((alpha / 2 * b).rounded(.down))))
        let hi = Swift.max(0, Swift.min(sorted.count - 1, Int(((1 - alpha / 2) * b).rounded(.up)) - 1))
        return Interval(lower: sorted[lo], upper: sorted[hi])
    }
}
