/// Summary of one metric over the repeats of a cell.
public struct SampleStatistics: Equatable, Sendable {
    public var count: Int
    public var median: Double
    public var min: Double
    public var max: Double
    public var mean: Double
    /// Median absolute deviation from the median, unscaled (multiply by 1.4826 for a normal σ).
    public var mad: Double

    /// nil for an empty sample.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        median = Self.median(sorted: sorted)
        min = sorted[0]
        max = sorted[sorted.count - 1]
        mean = Self.mean(sorted)
        let m = median
        mad = Self.median(sorted: sorted.map { abs($0 - m) }.sorted())
    }

    /// The median of an ascending sample: the middle value, or the mean of the two middle values.
    public static func median(sorted: [Double]) -> Double {
        precondition(!sorted.isEmpty, "median of an empty sample")
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// The median of an unsorted sample.
    public static func median(_ values: [Double]) -> Double { median(sorted: values.sorted()) }

    /// Mean summed in a fixed (ascending) order so the result does not depend on input order.
    static func mean(_ sorted: [Double]) -> Double {
        sorted.reduce(0, +) / Double(sorted.count)
    }
}
