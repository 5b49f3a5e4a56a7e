import Foundation

/// Fires scheduled experiments when their cron time comes, each as a real `dedupbench run` child
/// process into a new timestamped results folder (`<results root>/<experiment>/<UTC time>`).
///
/// Never two runs of the same experiment at once: a firing while the previous run of that experiment
/// is still going is recorded as `skipped` (as Prefect does with a concurrency limit of one), and the
/// schedule moves on to its next time. Missed times (the machine slept) fire once, not once each.
/// Time comes from the caller (`tick(now:)`), so tests drive it with any clock.
public final class ExperimentScheduler: @unchecked Sendable {
    public let schedules: [ScheduledExperiment]
    /// Where new results folders go (the first `--results` folder).
    public let resultsRoot: String
    let launcher: any RunLauncher
    /// Called when a run starts or ends (the catalog rescans).
    let onChange: @Sendable () -> Void
    /// Outcomes kept per schedule.
    static let historyLimit = 20

    private let lock = NSLock()
    private var nextFire: [Date?]
    private var history: [[ScheduleOutcome]]
    private var running: Set<String> = []
    private var threads = 0

    public init(
        schedules: [ScheduledExperiment], resultsRoot: String, launcher: any RunLauncher, now: Date,
        onChange: @escaping @Sendable () -> Void = {}
    ) {
        self.schedules = schedules
        self.resultsRoot = resultsRoot
        self.launcher = launcher
        self.onChange = onChange
        nextFire = schedules.map { $0.cron.next(after: now) }
        history = schedules.map { _ in [] }
    }

    /// Fires every schedule whose time has come; returns the indexes that fired (started or skipped).
    @discardableResult
    public func tick(now: Date) -> [Int] {
        var fired: [Int] = []
        var starts: [(Int, ScheduleOutcome)] = []
        lock.lock()
        for (i, schedule) in schedules.enumerated() {
            guard let due = nextFire[i], due <= now else { continue }
            nextFire[i] = schedule.cron.next(after: now)
            fired.append(i)
            if running.contains(schedule.experimentName) {
                record(
                    i,
                    ScheduleOutcome(
                        status: "skipped", scheduledFor: due, started: nil, finished: nil, resultsDirectory: nil,
                        exitCode: nil, message: "the previous run of \(schedule.experimentName) was still running"))
                continue
            }
            running.insert(schedule.experimentName)
            let outcome = ScheduleOutcome(
                status: "running", scheduledFor: due, started: Date(), finished: nil,
                resultsDirectory: newResultsDirectory(schedule.experimentName, due), exitCode: nil, message: "")
            record(i, outcome)
            starts.append((i, outcome))
        }
        threads += starts.count
        lock.unlock()
        for (i, outcome) in starts { start(i, outcome) }
        if !starts.isEmpty { onChange() }
        return fired
    }

    private func record(_ i: Int, _ outcome: ScheduleOutcome) {
        history[i].append(outcome)
        if history[i].count > Self.historyLimit { history[i].removeFirst(history[i].count - Self.historyLimit) }
    }

    /// The child runs on its own thread: ChildProcess blocks while it drains the pipes.
    private func start(_ i: Int, _ outcome: ScheduleOutcome) {
        let schedule = schedules[i]
        let thread = Thread { [self] in
            let result = launcher.launch(
                experimentFile: schedule.experimentFile, resultsDirectory: outcome.resultsDirectory!,
                extraArguments: schedule.extraArguments)
            lock.lock()
            if let k = history[i].lastIndex(where: { $0.resultsDirectory == outcome.resultsDirectory }) {
                history[i][k].finished = Date()
                history[i][k].exitCode = result.exitCode
                history[i][k].message = result.message
                history[i][k].status =
                    switch result.exitCode {
                    case 0: "ok"
                    case 1: "runs_failed"  // ExitStatus.failed: the sweep finished, some runs failed
                    default: "error"
                    }
            }
            running.remove(schedule.experimentName)
            threads -= 1
            lock.unlock()
            onChange()
        }
        thread.name = "dedupbench-schedule-\(schedule.experimentName)"
        thread.start()
    }

    /// `<root>/<experiment>/<yyyyMMddTHHmmssZ of the cron time>`, with `-2`, `-3`… if it exists.
    private func newResultsDirectory(_ experiment: String, _ time: Date) -> String {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        let d = c.dateComponents([.year, .month, .day, .hour, .minute, .second], from: time)
        let stamp = String(
            format: "%04d%02d%02dT%02d%02d%02dZ", d.year!, d.month!, d.day!, d.hour!, d.minute!, d.second!)
        let base = resultsRoot + "/" + experiment + "/" + stamp
        var candidate = base
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }

    /// Every schedule with its next time and recent outcomes.
    public func status() -> [ScheduleStatus] {
        lock.lock()
        defer { lock.unlock() }
        return schedules.enumerated().map { i, s in
            ScheduleStatus(index: i, schedule: s, nextFire: nextFire[i], outcomes: history[i])
        }
    }

    /// Whether a launched run is still going.
    public var isBusy: Bool {
        lock.lock()
        defer { lock.unlock() }
        return threads > 0
    }

    /// Ticks with `clock` every `interval` seconds until the task is cancelled.
    public func run(clock: @escaping @Sendable () -> Date, interval: Double = 1) async {
        while !Task.isCancelled {
            tick(now: clock())
            try? await Task.sleep(nanoseconds: UInt64(interval * 1e9))
        }
    }
}
