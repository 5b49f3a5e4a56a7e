import DedupPipeline
import Foundation

/// How `ExperimentRunner` executes a plan (the `dedupbench run` flags).
public struct RunOptions: Sendable {
    /// Where results.csv and manifest.json go (nil: `<resultsRoot>/<experiment>/<UTC timestamp>`,
    /// or with `resume`, the newest folder there).
    public var resultsDirectory: String?
    public var resultsRoot = "results"
    /// Continue an existing results.csv, skipping the run ids it already holds.
    public var resume = false
    /// Runs executed at once (1 by default: parallel runs disturb timings).
    public var jobs = 1
    public var shard: Shard?
    /// Keep each run's tables under `<results>/tables/<run id>` instead of deleting them.
    public var keepTables = false
    /// Scratch folder for tables while a run is in flight (nil: the system temp folder).
    public var workDirectory: String?
    public var progress: ProgressStyle = .auto
    /// Colour in progress output: nil = on a terminal unless NO_COLOR is set; false = `--no-color`.
    public var color: Bool? = nil
    /// Recorded in the manifest.
    public var commandLine: [String] = CommandLine.arguments
    /// Polled between runs: stop starting new ones (first Ctrl-C).
    public var shouldStop: @Sendable () -> Bool = { Interrupt.stopRequested }
    /// Polled during a run: kill it and do not record it (second Ctrl-C).
    public var shouldAbort: @Sendable () -> Bool = { Interrupt.abortRequested }
    /// Overrides of the spec's settings (nil: as in the spec).
    public var repeats: Int?
    public var warmup: Int?
    public var timeout: Double?
    public var retries: Int?
    public var retryBackoff: Double?

    public enum ProgressStyle: Sendable { case auto, bar, lines, quiet }

    public init() {}
}

/// What a `run` did.
public struct RunSummary: Sendable {
    public var resultsDirectory: String
    /// Runs this invocation was responsible for (after sharding), and those skipped as already recorded.
    public var planned: Int
    public var skipped: Int
    public var recorded: Int
    public var ok: Int
    public var failed: Int
    public var timedOut: Int
    /// Stopped by the user before every planned run was recorded.
    public var interrupted: Bool
    /// A torn trailing line was found (and removed) when resuming.
    public var repairedTornLine: Bool
}
