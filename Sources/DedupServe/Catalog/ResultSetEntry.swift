import DedupReport
import Foundation

/// One result set found under a results folder: a directory holding `results.csv` (and usually
/// `manifest.json`), summarised for the dashboard and `/api/sets`.
public struct ResultSetEntry: Sendable {
    /// URL-safe identifier: the path below its results folder with `/` written as `~`
    /// (e.g. `dup-sweep~20261130T101500Z`), unique across folders.
    public var id: String
    /// Absolute, standardised directory of the set.
    public var directory: String
    /// The results folder it was found under (as given on the command line).
    public var root: String
    public var csvPath: String { directory + "/results.csv" }
    public var manifestPath: String { directory + "/manifest.json" }
    public var hasManifest: Bool
    /// `experiment` column of the first row, else the manifest's experiment name, else the folder name.
    public var experiment: String
    /// `cpu_model (cores)` and host from the manifest.
    public var machine: String?
    public var host: String?
    public var commit: String?
    public var dirty: Bool?
    /// ISO 8601 UTC times from the manifest (`finished` is nil while a sweep runs or after it was killed).
    public var started: String?
    public var finished: String?
    public var runs: Int
    public var ok: Int
    public var failed: Int
    public var timedOut: Int
    /// Runs the experiment plans (manifest `experiment.runs`), when known.
    public var planned: Int?
    /// Modification time of results.csv.
    public var modified: Date
    /// Why the set could not be read (its CSV or manifest is malformed); the other fields are partial.
    public var loadError: String?

    /// A sweep is live when its manifest has no finish time and results.csv changed recently.
    public func isRunning(now: Date, staleAfter: TimeInterval) -> Bool {
        hasManifest && finished == nil && now.timeIntervalSince(modified) < staleAfter
    }

    /// `finished`, `running`, `stopped` (no finish time, no recent row) or `unreadable`.
    public func state(now: Date, staleAfter: TimeInterval) -> String {
        if loadError != nil { return "unreadable" }
        if !hasManifest || finished != nil { return "finished" }
        return isRunning(now: now, staleAfter: staleAfter) ? "running" : "stopped"
    }

    /// Summarises a loaded result file.
    init(id: String, directory: String, root: String, file: ResultFile?, modified: Date, loadError: String?) {
        self.id = id
        self.directory = directory
        self.root = root
        self.modified = modified
        self.loadError = loadError
        hasManifest = FileManager.default.fileExists(atPath: directory + "/manifest.json")
        let m = file?.manifest
        let rows =
            file.map { f in
                f.table.rows.map {
                    RunRecord(path: f.table.path, line: $0.line, text: Self.texts(f.table, $0), numbers: [:])
                }
            } ?? []
        experiment =
            rows.first?.experiment ?? m?.string(["experiment.name", "experiment"])
            ?? (directory as NSString).lastPathComponent
        machine = m?.machineSignature
        host = m?.host
        commit = m?.gitCommit
        dirty = m?.gitDirty
        started = m?.startedAt
        finished = m?.finishedAt
        runs = rows.count
        ok = rows.filter { $0.status == "ok" }.count
        failed = rows.filter { $0.status == "failed" }.count
        timedOut = rows.filter { $0.status == "timeout" }.count
        planned = m?.json.lookup("experiment.runs")?.numberValue.map { Int($0) }
    }

    private static func texts(_ table: ResultTable, _ row: ResultTable.Row) -> [String: String] {
        ["experiment": table.text(row, "experiment"), "status": table.text(row, "status")]
    }
}
