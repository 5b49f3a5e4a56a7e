import DedupPipeline

/// The repeats of one cell (one parameter combination) and their statistics.
/// Statistics use only runs with status `ok`; failed and timed-out runs are counted and listed.
public struct CellSummary: Sendable {
    public var experiment: String
    public var cellId: String
    /// The cell's value on every axis of its experiment (axis name → display text).
    public var axisValues: [String: String]
    /// All runs, ordered by repeat.
    public var runs: [RunRecord]
    /// Per metric: statistics over the ok runs (metrics without any value are absent).
    public var metrics: [String: MetricSummary]

    public var okRuns: [RunRecord] { runs.filter(\.isOK) }
    public var failedCount: Int { runs.filter { $0.status == ResultColumns.statusFailed }.count }
    public var timeoutCount: Int { runs.filter { $0.status == ResultColumns.statusTimeout }.count }
    public var okCount: Int { runs.count - failedCount - timeoutCount }

    /// Metrics summarised for every cell; a bootstrap interval is added for the noisy ones.
    public static let summarisedMetrics =
        ResultColumns.correctness + ResultColumns.storage + ResultColumns.cost + ResultColumns.timing

    public init(experiment: String, cellId: String, axisValues: [String: String], runs: [RunRecord],
                resamples: Int = Bootstrap.defaultResamples) {
        self.experiment = experiment
        self.cellId = cellId
        self.axisValues = axisValues
        self.runs = runs.sorted { ($0.repeatIndex, $0.line) < ($1.repeatIndex, $1.line) }
        var metrics: [String: MetricSummary] = [:]
        let ok = self.runs.filter(\.isOK)
        for metric in Self.summarisedMetrics {
            let values = ok.compactMap { $0.numbers[metric] }
            guard let stats = SampleStatistics(values) else { continue }
            let interval = ResultColumns.noisy.contains(metric)
                ? Bootstrap.medianInterval(values, seed: ResampleGenerator.stableSeed("\(cellId)/\(metric)"),
                                           resamples: resamples)
                : nil
            metrics[metric] = MetricSummary(values: values, stats: stats, interval: interval)
        }
        self.metrics = metrics
    }

    /// The median of `metric` over ok runs.
    public func median(_ metric: String) -> Double? { metrics[metric]?.stats.median }
}

/// One metric of one cell: the raw values (ok runs, in repeat order), their statistics, and for
/// noisy metrics the 95% bootstrap interval of the median.
public struct MetricSummary: Sendable {
    public var values: [Double]
    public var stats: SampleStatistics
    public var interval: Bootstrap.Interval?
}
