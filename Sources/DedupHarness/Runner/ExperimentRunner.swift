import DedupPipeline
import DedupFormats
import Foundation

/// Executes an `ExperimentPlan`: warm-ups and repeats per cell, retries with exponential backoff,
/// one durable CSV row per finished run, a manifest with provenance, resume and sharding.
public final class ExperimentRunner: @unchecked Sendable {
    public let plan: ExperimentPlan
    public let executor: any RunExecutor
    public let prices: PriceTable
    /// The price table's file (nil: the built-in default), recorded in the manifest.
    public let pricesFile: String?
    public let options: RunOptions

    private let lock = NSLock()
    private var summary = RunSummary(
        resultsDirectory: "", planned: 0, skipped: 0, recorded: 0, ok: 0, failed: 0,
        timedOut: 0, interrupted: false, repairedTornLine: false)
    private var firstError: ResultsError?
    private var nextIndex = 0

    public init(
        plan: ExperimentPlan, executor: any RunExecutor, prices: PriceTable = .awsS3StandardUSEast1,
        pricesFile: String? = nil, options: RunOptions = RunOptions()
    ) {
        var plan = plan
        if let v = options.repeats { plan.spec.repeats = v }
        if let v = options.warmup { plan.spec.warmup = v }
        if let v = options.timeout { plan.spec.timeout = v }
        if let v = options.retries { plan.spec.retries = v }
        if let v = options.retryBackoff { plan.spec.retryBackoff = v }
        self.plan = plan
        self.executor = executor
        self.prices = prices
        self.pricesFile = pricesFile
        self.options = options
    }

    /// Runs everything not yet recorded. Throws on unusable results files or a missing base config;
    /// failed runs are recorded, not thrown.
    public func run() throws -> RunSummary {
        let spec = plan.spec
        let dir = try resultsDirectory()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        summary.resultsDirectory = dir
        let manifestPath = (dir as NSString).appendingPathComponent("manifest.json")
        if options.resume, FileManager.default.fileExists(atPath: manifestPath) {
            try checkResumable(try Manifest.load(path: manifestPath), path: manifestPath)
        }
        let baseConfig = try baseConfigPath(in: dir)
        let file = try ResultsFile(
            path: (dir as NSString).appendingPathComponent("results.csv"),
            columns: ResultColumns.all, resume: options.resume)
        summary.repairedTornLine = file.truncatedTornLine

        let all = plan.runs(includeWarmup: false, shard: options.shard)
        summary.planned = all.count
        let pending = Set(all.map(\.runID)).subtracting(file.recordedRunIDs)
        summary.skipped = all.count - pending.count
        // Warm-ups only for cells that still have repeats to run.
        let runs = plan.runs(includeWarmup: true, shard: options.shard).filter { run in
            run.isWarmup
                ? (0..<spec.repeats).contains { pending.contains("\(run.cell.id)-\($0)") } : pending.contains(run.runID)
        }

        var manifest = try startManifest(path: manifestPath, baseConfig: baseConfig)
        try manifest.write(path: manifestPath)

        // Run tables live under the results folder, not /tmp: a killed run leaves them there, and
        // the next run or --resume of this folder removes them before it starts.
        // One folder per harness process (`<pid>`), so a second process on the same folder (a shard)
        // never removes tables in flight; folders of processes that are gone are removed.
        let inFlight = (dir as NSString).appendingPathComponent(Self.workFolder)
        let workRoot = options.workDirectory ?? (inFlight as NSString).appendingPathComponent(String(getpid()))
        if options.workDirectory == nil { try Self.removeLeftTables(in: inFlight) }
        try FileManager.default.createDirectory(atPath: workRoot, withIntermediateDirectories: true)
        defer {
            if options.workDirectory == nil {
                try? FileManager.default.removeItem(atPath: workRoot)
                _ = rmdir(inFlight)  // only when no other process still uses it
            }
        }

        let progress = Progress(total: runs.count, style: progressStyle(), color: options.color)
        if summary.skipped > 0 {
            progress.message("resume: \(summary.skipped) of \(all.count) runs already recorded in \(dir)")
        }
        if file.truncatedTornLine { progress.message("resume: removed a torn last line from results.csv") }
        let context = Context(
            baseConfig: baseConfig, file: file, workRoot: workRoot, dir: dir, progress: progress,
            rows: RowBuilder(experiment: spec.name, prices: prices))

        nextIndex = 0
        let jobs = max(1, min(options.jobs, runs.count))
        let worker: @Sendable (Int) -> Void = { _ in
            while true {
                self.lock.lock()
                let stop = self.options.shouldStop() || self.firstError != nil || self.nextIndex >= runs.count
                let index = self.nextIndex
                if !stop { self.nextIndex += 1 } else if self.nextIndex < runs.count { self.summary.interrupted = true }
                self.lock.unlock()
                if stop { return }
                self.execute(runs[index], context)
            }
        }
        if jobs == 1 { worker(0) } else { DispatchQueue.concurrentPerform(iterations: jobs, execute: worker) }
        progress.finish()

        manifest.finished = Manifest.timestamp()
        manifest.sessions[manifest.sessions.count - 1].finished = manifest.finished
        manifest.sessions[manifest.sessions.count - 1].runsRecorded = summary.recorded
        manifest.sessions[manifest.sessions.count - 1].runsSkipped = summary.skipped
        manifest.sessions[manifest.sessions.count - 1].interrupted = summary.interrupted
        try manifest.write(path: manifestPath)
        if let firstError { throw firstError }
        return summary
    }

    /// The folder inside a results folder where runs write their tables (`<pid>/<run id>-a<n>`).
    public static let workFolder = ".tables-in-flight"

    /// Removes what killed harnesses left under `inFlight`: every entry that is not the folder of
    /// a live process.
    static func removeLeftTables(in inFlight: String) throws {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: inFlight)) ?? [] {
            if let pid = pid_t(name), pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
            let path = (inFlight as NSString).appendingPathComponent(name)
            do { try fm.removeItem(atPath: path) } catch {
                throw ResultsError.unreadable(
                    path: path, reason: "cannot remove the tables a killed run left: \(SystemErrorText.describe(error))")
            }
        }
    }

    /// Refuses to append to results recorded for another experiment, other `--set` overrides, another
    /// seed or another base config: one results.csv must never mix them (e.g. a resume that forgot
    /// `--set generation.scale=20000` would add 1M-record runs to 20k ones).
    func checkResumable(_ recorded: Manifest, path: String) throws {
        let spec = plan.spec
        let now = plan.overrides.map { "\($0.key)=\($0.value.text)" }
        var problems: [String] = []
        if recorded.experiment.name != spec.name {
            problems.append("they belong to experiment '\(recorded.experiment.name)', not '\(spec.name)'")
        }
        if recorded.experiment.overrides != now {
            let shown: ([String]) -> String = { $0.isEmpty ? "none" : $0.map { "--set \($0)" }.joined(separator: " ") }
            problems.append("they were recorded with overrides \(shown(recorded.experiment.overrides)), this command has \(shown(now))")
        }
        if recorded.experiment.seed != spec.seed {
            problems.append("they were recorded with seed \(recorded.experiment.seed), the experiment now has \(spec.seed)")
        }
        guard problems.isEmpty else {
            throw ResultsError.badManifest(
                path: path,
                reason: "cannot resume: " + problems.joined(separator: "; ")
                    + " — resume with the same command, or write to a new --results folder")
        }
    }

    private struct Context: Sendable {
        var baseConfig: String
        var file: ResultsFile
        var workRoot: String
        var dir: String
        var progress: Progress
        var rows: RowBuilder
    }

    /// One run: attempts with backoff, then its row (warm-ups are logged, never recorded).
    private func execute(_ run: PlannedRun, _ ctx: Context) {
        let spec = plan.spec
        ctx.progress.started(run)
        var attempt = 0
        var total = 0.0
        while true {
            attempt += 1
            let outDir: String
            if options.keepTables, !run.isWarmup {
                outDir = (ctx.dir as NSString).appendingPathComponent("tables/\(run.runID)")
            } else {
                outDir = (ctx.workRoot as NSString).appendingPathComponent("\(run.runID)-a\(attempt)")
            }
            try? FileManager.default.removeItem(atPath: outDir)
            try? FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
            let request = RunRequest(
                run: run, baseConfig: ctx.baseConfig, outDir: outDir, timeout: spec.timeout,
                shouldAbort: options.shouldAbort)
            let result = executor.execute(request)
            total += result.seconds
            keepQuarantine(from: outDir, run: run, attempt: attempt, resultsDirectory: ctx.dir)
            if !(options.keepTables && !run.isWarmup) { try? FileManager.default.removeItem(atPath: outDir) }

            var status = ResultColumns.statusOK
            var error = ""
            var metrics: [String: JSONValue]?
            switch result.outcome {
            case .aborted:
                lock.lock()
                summary.interrupted = true
                lock.unlock()
                ctx.progress.message("aborted \(run.runID) (not recorded)")
                return
            case .completed(let m):
                metrics = m
                if let s = m["status"]?.text, !s.isEmpty { status = s }
                if let e = m["error"], case .string(let text) = e { error = text }
            case .failed(let e), .timedOut(let e):
                if case .timedOut = result.outcome {
                    status = ResultColumns.statusTimeout
                } else {
                    status = ResultColumns.statusFailed
                }
                error = e
                if !run.isWarmup, attempt <= spec.retries {
                    ctx.progress.message("\(run.runID): attempt \(attempt) \(status): \(error.prefix(300)); retrying")
                    if !backoff(attempt: attempt) {
                        // Stopped while waiting: leave the run unrecorded so --resume runs it again.
                        lock.lock()
                        summary.interrupted = true
                        lock.unlock()
                        return
                    }
                    continue
                }
            }
            if run.isWarmup {
                if status != ResultColumns.statusOK {
                    ctx.progress.message("warm-up of \(run.cell.id) \(status): \(error.prefix(300))")
                }
                ctx.progress.finished(run, status: "warmup", seconds: total, attempts: attempt)
                return
            }
            let row = ctx.rows.row(for: run, metrics: metrics, status: status, error: error, attempts: attempt)
            do {
                try ctx.file.append(row.fields())
            } catch {
                lock.lock()
                if firstError == nil { firstError = error }
                lock.unlock()
                return
            }
            lock.lock()
            summary.recorded += 1
            switch status {
            case ResultColumns.statusOK: summary.ok += 1
            case ResultColumns.statusTimeout: summary.timedOut += 1
            default: summary.failed += 1
            }
            lock.unlock()
            ctx.progress.finished(run, status: status, seconds: total, attempts: attempt, error: error)
            return
        }
    }

    /// Moves a file source's quarantine files out of the run's table folder (which is removed) to
    /// `<results>/quarantine/<run id>-a<attempt>[-n].jsonl`, so rejected lines stay inspectable.
    private func keepQuarantine(from outDir: String, run: PlannedRun, attempt: Int, resultsDirectory: String) {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: outDir)) ?? []).filter {
            $0.hasPrefix("quarantine") && $0.hasSuffix(".jsonl")
        }.sorted()
        guard !names.isEmpty else { return }
        let target = (resultsDirectory as NSString).appendingPathComponent("quarantine")
        try? fm.createDirectory(atPath: target, withIntermediateDirectories: true)
        for (n, name) in names.enumerated() {
            let base = "\(run.runID)-a\(attempt)" + (n == 0 ? "" : "-\(n + 1)")
            _ = rename((outDir as NSString).appendingPathComponent(name), "\(target)/\(base).jsonl")
        }
    }

    /// Sleeps `retryBackoff × 2^(attempt-1)` seconds (at most 60), waking early on a stop request.
    /// Returns false when the user asked to stop.
    private func backoff(attempt: Int) -> Bool {
        let delay = min(60, plan.spec.retryBackoff * pow(2, Double(attempt - 1)))
        let end = Monotonic.now() + delay
        while Monotonic.now() < end {
            if options.shouldStop() { return false }
            usleep(UInt32(min(50_000, max(1, (end - Monotonic.now()) * 1e6))))
        }
        return !options.shouldStop()
    }

    private func progressStyle() -> Progress.Style {
        switch options.progress {
        case .auto: return Progress.autoStyle()
        case .bar: return .bar
        case .lines: return .lines
        case .quiet: return .quiet
        }
    }

    /// The results folder: as given, the newest existing one when resuming, or a new timestamped one.
    func resultsDirectory() throws -> String {
        if let d = options.resultsDirectory { return d }
        let root = (options.resultsRoot as NSString).appendingPathComponent(plan.spec.name)
        if options.resume {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
            guard
                let last = names.last(where: {
                    FileManager.default.fileExists(atPath: "\(root)/\($0)/results.csv")
                })
            else { throw ResultsError.notFound(path: root) }
            return (root as NSString).appendingPathComponent(last)
        }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let stamp = f.string(from: Date())
        var candidate = (root as NSString).appendingPathComponent(stamp)
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = (root as NSString).appendingPathComponent("\(stamp)-\(n)")
            n += 1
        }
        return candidate
    }

    /// The base config as a file: the spec's path, or the inline mapping written beside the results.
    private func baseConfigPath(in dir: String) throws -> String {
        switch plan.spec.base {
        case .path(let p):
            guard FileManager.default.fileExists(atPath: p) else {
                throw SpecError(
                    file: plan.spec.file, line: 0, column: 0, key: "base", value: p,
                    expected: "an existing pipeline config file (relative paths start at the experiment file's folder)")
            }
            return p
        case .inline(let yaml):
            let p = (dir as NSString).appendingPathComponent("pipeline.yaml")
            guard FileManager.default.createFile(atPath: p, contents: Data(yaml.utf8)) else {
                throw ResultsError.io(path: p, operation: "write", errno: errno)
            }
            return p
        }
    }

    private func startManifest(path: String, baseConfig: String) throws -> Manifest {
        let spec = plan.spec
        let provenance = Provenance.collect()
        let session = Manifest.Session(
            started: Manifest.timestamp(), finished: nil, commandLine: options.commandLine, host: provenance.host,
            gitCommit: provenance.gitCommit, gitDirty: provenance.gitDirty, experimentSHA256: spec.fileSHA256,
            executor: executor.name, jobs: options.jobs, shard: options.shard?.description, runsRecorded: 0,
            runsSkipped: 0, interrupted: false)
        let info = Manifest.ExperimentInfo(
            name: spec.name, description: spec.description, file: spec.file, sha256: spec.fileSHA256, base: baseConfig,
            baseSHA256: FileManager.default.contents(atPath: baseConfig).map { RunIdentity.sha256Hex(Array($0)) } ?? "",
            seed: spec.seed, repeats: spec.repeats, warmup: spec.warmup, timeout: spec.timeout, retries: spec.retries,
            axes: spec.axes.map(\.key), overrides: plan.overrides.map { "\($0.key)=\($0.value.text)" },
            cells: plan.cells.count, runs: plan.cells.count * spec.repeats, charts: spec.charts,
            retryBackoff: spec.retryBackoff, volume: spec.volume)
        let priceInfo = Manifest.PriceInfo(
            name: prices.name, version: prices.version, asOf: prices.asOf, file: pricesFile,
            sha256: pricesFile.flatMap { FileManager.default.contents(atPath: $0) }.map {
                RunIdentity.sha256Hex(Array($0))
            },
            table: prices)
        if options.resume, FileManager.default.fileExists(atPath: path) {
            var m = try Manifest.load(path: path)
            m.experiment = info
            m.prices = priceInfo
            m.sessions.append(session)
            m.finished = nil
            return m
        }
        return Manifest(
            schemaVersion: ResultColumns.schemaVersion, columns: ResultColumns.all, experiment: info,
            prices: priceInfo, provenance: provenance, started: session.started, finished: nil,
            sessions: [session], mergedFrom: nil)
    }
}
