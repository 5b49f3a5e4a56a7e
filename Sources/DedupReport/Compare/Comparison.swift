/// The outcome of comparing a candidate result set against a baseline.
public struct Comparison: Sendable {
    /// Exit codes of `dedupbench compare`.
    public enum ExitStatus: Int32, Sendable {
        case noRegression = 0
        case regression = 1
        case badInput = 2
    }

    public enum Verdict: String, Sendable, CaseIterable {
        /// Worse beyond the threshold, and the test says it is not noise.
        case regression
        /// A deterministic value (or the seed) differs beyond tolerance.
        case changed
        /// Better beyond the threshold, and the test says it is not noise.
        case improvement
        /// Past the threshold, but the repeats are too few for the test to ever be significant.
        case inconclusive
        /// Past the threshold, but the test says it may be noise.
        case notSignificant = "not_significant"
        /// A deterministic value differs within the configured tolerance.
        case withinTolerance = "within_tolerance"
        /// The median moved less than the threshold.
        case unchanged
        /// No ok run on one side.
        case noData = "no_data"
        /// A significant timing regression, but baseline and candidate ran on different machines
        /// (CPU model or cores differ, or one is unknown): reported as a warning, never a failure.
        case timingWarning = "timing_warning"

        /// Whether this verdict fails CI.
        public var fails: Bool { self == .regression || self == .changed }
    }

    public enum Kind: String, Sendable {
        case noisy, deterministic, status
    }

    /// One metric of one cell.
    public struct Finding: Sendable {
        public var cellId: String
        public var label: String
        public var metric: String
        public var kind: Kind
        public var verdict: Verdict
        public var baseline: String
        public var candidate: String
        /// Relative change of the medians (noisy) or the difference (deterministic), as text.
        public var change: String
        /// Why: p-value, repeats, interval, differing repeats.
        public var evidence: String
        public var relativeChange: Double?
        public var pValue: Double?
        public var u: Double?
        public var baselineCount: Int?
        public var candidateCount: Int?
        public var ratioInterval: Bootstrap.Interval?
    }

    /// A cell present on one side only.
    public struct CellRef: Sendable {
        public var cellId: String
        public var label: String
    }

    public var baselinePaths: [String]
    public var candidatePaths: [String]
    public var baselineCommit: String?
    public var candidateCommit: String?
    public var warnings: [String]
    public var options: CompareOptions
    public var commonCells: Int
    public var comparedRuns: Int
    public var findings: [Finding]
    public var onlyInBaseline: [CellRef]
    public var onlyInCandidate: [CellRef]

    public func count(_ verdict: Verdict) -> Int { findings.filter { $0.verdict == verdict }.count }

    public var hasRegression: Bool {
        findings.contains { $0.verdict.fails } || (options.failOnMissing && !onlyInBaseline.isEmpty)
    }

    public var exitStatus: ExitStatus { hasRegression ? .regression : .noRegression }
}
