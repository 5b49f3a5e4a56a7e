import DedupHarness
import DedupReport
import Foundation

/// Live progress of a sweep, computed from its results.csv (one row per finished run, appended as
/// each run ends) and manifest.json (planned runs, start time, and the experiment file, whose
/// expansion gives the order runs are executed in and so the cell in flight).
public struct SweepProgress: Sendable {
    /// `running`, `finished` or `stopped` (see `ResultSetEntry.state`).
    public var state: String
    public var done: Int
    public var total: Int?
    public var ok: Int
    public var failed: Int
    public var timedOut: Int
    /// Seconds since the manifest's start time (until its finish time when finished).
    public var elapsed: Double?
    /// Remaining seconds at the mean pace so far; nil before the first row or when the total is unknown.
    public var eta: Double?
    /// The next planned run not yet recorded (`run_id` and its cell label), while running.
    public var currentRun: String?
    public var currentCell: String?
    /// Why the current cell is unknown (experiment file moved or changed since the run started).
    public var currentNote: String?
    public var failures: [Failure]

    public struct Failure: Sendable {
        public var runId: String
        public var cell: String
        public var status: String
        public var error: String
        public var attempts: String
    }

    nonisolated(unsafe) static let iso: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }()

    static func date(_ text: String?) -> Date? {
        guard let text else { return nil }
        if let d = iso.date(from: text) { return d }
        let plain = ISO8601DateFormatter()
        return plain.date(from: text)
    }

    /// Progress of `entry` at `now`.
    public static func compute(entry: ResultSetEntry, file: ResultFile?, now: Date, staleAfter: TimeInterval)
        -> SweepProgress
    {
        let table = file?.table
        let rows = table.map { t in t.rows.map { row in (t, row) } } ?? []
        var p = SweepProgress(
            state: entry.state(now: now, staleAfter: staleAfter), done: rows.count, total: entry.planned,
            ok: entry.ok, failed: entry.failed, timedOut: entry.timedOut, elapsed: nil, eta: nil,
            currentRun: nil, currentCell: nil, currentNote: nil, failures: [])
        if let start = date(entry.started) {
            let end = date(entry.finished) ?? now
            p.elapsed = max(0, end.timeIntervalSince(start))
        }
        if p.state == "running", let elapsed = p.elapsed, let total = p.total, p.done > 0 {
            p.eta = elapsed / Double(p.done) * Double(max(0, total - p.done))
        }
        for (t, row) in rows where t.text(row, "status") != "ok" {
            let params = RunRecord(path: t.path, line: row.line, text: ["params": t.text(row, "params")], numbers: [:])
                .params
            p.failures.append(
                Failure(
                    runId: t.text(row, "run_id"),
                    cell: params.isEmpty
                        ? t.text(row, "cell_id") : params.map { "\($0.0)=\($0.1.text)" }.joined(separator: ", "),
                    status: t.text(row, "status"), error: t.text(row, "error"), attempts: t.text(row, "attempts")))
        }
        if p.state == "running" {
            let recorded = Set(rows.map { $0.0.text($0.1, "run_id") })
            switch plannedRuns(file?.manifest) {
            case .success(let runs):
                if let next = runs.first(where: { !recorded.contains($0.runID) }) {
                    p.currentRun = next.runID
                    p.currentCell = next.cell.label
                }
                if p.total == nil { p.total = runs.count }
            case .failure(let note):
                p.currentNote = note.message
            }
        }
        return p
    }

    struct Note: Error { var message: String }

    /// The runs the sweep executes, in order, from the experiment file named in the manifest —
    /// only when that file still has the recorded SHA-256 (else the order could differ).
    static func plannedRuns(_ manifest: RunManifest?) -> Result<[PlannedRun], Note> {
        guard let manifest, let file = manifest.string(["experiment.file"]) else {
            return .failure(Note(message: "the manifest names no experiment file"))
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(Note(message: "the experiment file \(file) is not readable from the server's folder"))
        }
        if let recorded = manifest.string(["experiment.sha256"]), RunIdentity.sha256Hex(Array(data)) != recorded {
            return .failure(Note(message: "the experiment file \(file) changed since the sweep started"))
        }
        do {
            let spec = try ExperimentSpec.load(path: file)
            var overrides: [ExperimentPlan.Override] = []
            if case .array(let items)? = manifest.json.lookup("experiment.overrides") {
                for item in items { overrides.append(try ExperimentPlan.Override.parse(item.text)) }
            }
            let plan = try ExperimentPlan(spec: spec, overrides: overrides)
            let shard = manifest.json.lookup("sessions").flatMap { s -> String? in
                if case .array(let a) = s, let last = a.last, case .string(let v)? = last["shard"] { return v }
                return nil
            }.flatMap(Shard.init)
            return .success(plan.runs(includeWarmup: false, shard: shard))
        } catch {
            return .failure(Note(message: "cannot expand \(file): \(error)"))
        }
    }
}
