import DedupHarness
import DedupReport
import Foundation

/// Everything the server shows, as plain functions from a request's parts to a `Reply`: pages under
/// `/`, JSON under `/api/`. Hummingbird only routes to these (see `DashboardServer`), so the same
/// handlers are easy to reason about and test. Nothing here writes to the results folders or runs a
/// command; the only processes are the scheduler's `dedupbench run` children, fixed at start-up.
public final class Dashboard: @unchecked Sendable {
    public let catalog: ResultCatalog
    public let scheduler: ExperimentScheduler?
    let clock: @Sendable () -> Date
    let sets: ResultSetViews
    let comparisons = SmallCache<Comparison>(limit: 16)

    public init(
        catalog: ResultCatalog, scheduler: ExperimentScheduler?, renderer: ResultSetViews,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.catalog = catalog
        self.scheduler = scheduler
        self.sets = renderer
        self.clock = clock
    }

    /// The run with `runId` in a loaded set.
    func run(_ file: ResultFile, _ runId: String) -> ResultTable.Row? {
        file.table.rows.first { file.table.text($0, "run_id") == runId }
    }

    /// A set and its loaded rows, or the reply explaining why not.
    func lookup(_ id: String, api: Bool) -> Result<(ResultSetEntry, ResultFile), ReplyError> {
        guard let entry = catalog.set(id: id) else {
            return .failure(
                ReplyError(reply: .notFound("No result set '\(id)' under the served results folders.", api: api)))
        }
        let loaded = catalog.load(entry)
        guard let file = loaded.file else {
            return .failure(
                ReplyError(
                    reply: api
                        ? .json(.object([("error", .string(loaded.error ?? "unreadable"))]), status: 422)
                        : .html(
                            HTML.page(
                                title: "Result set \(id) is unreadable",
                                body: "<p class=\"unreadable\">\(HTML.escape(loaded.error ?? ""))</p>"), status: 422)))
        }
        return .success((entry, file))
    }

    struct ReplyError: Error { var reply: Reply }

    // MARK: shared formatting

    static func duration(_ seconds: Double?) -> String {
        guard let s = seconds, s.isFinite else { return "—" }
        let t = Int(s.rounded())
        if t >= 3600 { return "\(t / 3600)h\(String(t % 3600 / 60).leftPadded(2))m" }
        if t >= 60 { return "\(t / 60)m\(String(t % 60).leftPadded(2))s" }
        return "\(t)s"
    }

    nonisolated(unsafe) static let isoFormatter: ISO8601DateFormatter = ISO8601DateFormatter()
    static func iso(_ date: Date?) -> String { date.map { isoFormatter.string(from: $0) } ?? "" }

    /// A CSV cell as JSON: text columns as strings, numeric ones as numbers, empty cells as null,
    /// `params` as the object it holds.
    static func cell(_ column: String, _ value: String) -> JSON {
        if value.isEmpty { return .null }
        if column == "params" {
            return .object(RunRecord(path: "", line: 0, text: ["params": value], numbers: [:]).params)
        }
        if !ResultTable.textColumns.contains(column), isJSONNumber(value) { return .number(value) }
        return .string(value)
    }

    static func isJSONNumber(_ s: String) -> Bool {
        guard let first = s.utf8.first, first == UInt8(ascii: "-") || (48...57).contains(first) else { return false }
        guard Double(s) != nil, s.allSatisfy({ "-+0123456789.eE".contains($0) }) else { return false }
        let digits = s.hasPrefix("-") ? s.dropFirst() : Substring(s)
        return
            !(digits.count > 1 && digits.hasPrefix("0") && !digits.hasPrefix("0.")
            && !digits.lowercased().hasPrefix("0e"))
    }

    /// One CSV row as a JSON object keyed by the results.csv column names, in file order.
    static func runJSON(_ table: ResultTable, _ row: ResultTable.Row) -> JSON {
        .object(zip(table.columns, row.values).map { ($0, cell($0, $1)) })
    }

    static func statusClass(_ status: String) -> String {
        ["ok", "failed", "timeout", "running", "stopped", "unreadable", "finished", "skipped", "error", "runs_failed"]
            .contains(status) ? status : ""
    }
}
