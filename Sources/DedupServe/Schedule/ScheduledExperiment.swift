import Foundation

/// An experiment run on a cron schedule (`serve --experiment FILE --cron EXPR`).
public struct ScheduledExperiment: Sendable {
    /// The experiment file, as given at start-up (validated then).
    public var experimentFile: String
    /// Its `name:`, which names the results folder and guards against overlapping runs.
    public var experimentName: String
    public var cron: CronExpression
    /// Extra `dedupbench run` arguments fixed at start-up (e.g. `--retries 2` from a seed config).
    public var extraArguments: [String]

    public init(experimentFile: String, experimentName: String, cron: CronExpression, extraArguments: [String] = []) {
        self.experimentFile = experimentFile
        self.experimentName = experimentName
        self.cron = cron
        self.extraArguments = extraArguments
    }
}

/// One firing of a schedule: a run started (and how it ended), or a run skipped.
public struct ScheduleOutcome: Sendable {
    /// `running`, `ok`, `runs_failed` (exit 1: recorded, some runs failed), `error` or `skipped`.
    public var status: String
    /// The cron time it fired for, and when the child started/ended (nil while running or when skipped).
    public var scheduledFor: Date
    public var started: Date?
    public var finished: Date?
    public var resultsDirectory: String?
    public var exitCode: Int32?
    public var message: String
}

/// A schedule with its next fire time and recent outcomes (newest last).
public struct ScheduleStatus: Sendable {
    public var index: Int
    public var schedule: ScheduledExperiment
    public var nextFire: Date?
    public var outcomes: [ScheduleOutcome]
    public var last: ScheduleOutcome? { outcomes.last }
}
