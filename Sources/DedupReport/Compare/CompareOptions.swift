/// Settings of `dedupbench compare`.
public struct CompareOptions: Sendable {
    /// How a noisy metric is judged "not noise" once its median moved past the threshold.
    public enum SignificanceTest: String, CaseIterable, Sendable {
        /// Two-sided Mann-Whitney U over the repeats, p < alpha.
        case mannWhitney = "mann-whitney"
        /// The bootstrap 95% interval of median(candidate)/median(baseline) excludes 1.
        case bootstrap
    }

    /// An allowed difference for a deterministic metric.
    public enum Tolerance: Equatable, Sendable {
        case absolute(Double)
        /// A fraction of the baseline value (0.01 = 1%).
        case relative(Double)

        func allows(baseline: Double, candidate: Double) -> Bool {
            switch self {
            case let .absolute(limit): return abs(candidate - baseline) <= limit
            case let .relative(fraction): return abs(candidate - baseline) <= fraction * abs(baseline)
            }
        }

        var text: String {
            switch self {
            case let .absolute(v): return NumberFormat.shortest(v)
            case let .relative(f): return NumberFormat.shortest(f * 100) + "%"
            }
        }
    }

    /// Relative change of the median that a noisy metric must pass (0.10 = 10%).
    public var threshold: Double = 0.10
    /// Fail on timing regressions even when baseline and candidate ran on different machines
    /// (default false: they are warnings then). Set for A/B runs measured in the same job.
    public var timingAcrossMachines = false
    /// Per-metric overrides of `threshold`.
    public var metricThresholds: [String: Double] = [:]
    /// Allowed differences for deterministic metrics (default: none — any difference is a change).
    public var tolerances: [String: Tolerance] = [:]
    public var alpha: Double = 0.05
    public var test: SignificanceTest = .mannWhitney
    /// Treat cells present only in the baseline as a regression.
    public var failOnMissing = false
    public var resamples = Bootstrap.defaultResamples

    public init() {}

    public func threshold(for metric: String) -> Double { metricThresholds[metric] ?? threshold }

    /// Parses "10%" (percent) or "0.1" (fraction). A bare number above 1 is refused as ambiguous.
    public static func parseFraction(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("%") {
            guard let v = Double(t.dropLast()), v >= 0, v.isFinite else { return nil }
            return v / 100
        }
        guard let v = Double(t), v >= 0, v <= 1 else { return nil }
        return v
    }

    /// Parses "metric=10%" into a name and a fraction.
    public static func parseMetricThreshold(_ text: String) -> (String, Double)? {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let v = parseFraction(parts[1]) else { return nil }
        return (parts[0], v)
    }

    /// Parses "metric=4096" (absolute) or "metric=1%" (relative).
    public static func parseTolerance(_ text: String) -> (String, Tolerance)? {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        if parts[1].hasSuffix("%") {
            guard let v = Double(parts[1].dropLast()), v >= 0 else { return nil }
            return (parts[0], .relative(v / 100))
        }
        guard let v = Double(parts[1]), v >= 0, v.isFinite else { return nil }
        return (parts[0], .absolute(v))
    }
}
