import DedupFormats
import DedupFormats

/// Everything one strategy run knows about itself: the `ResultColumns` a run can fill (parameters,
/// correctness, storage, timing, checksum, outcome). The harness adds identity, `params`, cost and
/// `attempts`. `jsonObject` is what `dedupbench pipeline --json` prints, keys = CSV column names.
public struct RunMetrics: Sendable, Equatable {
    // parameters (the values actually used, after sampling chaos ranges)
    public var seed: UInt64 = 0
    public var strategy = ""
    public var source = ""
    public var mode = ""
    public var scale = 0
    public var batches = 0
    public var dupProb = 0.0
    public var slowProb = 0.0
    public var dropProb = 0.0
    public var hashAlgorithm = ""
    public var hashEncoding = ""
    public var codec = ""

    // correctness: ground truth in, what the table holds out
    public var recordsIn = 0
    public var uniqueIn = 0
    public var duplicatesIn = 0
    public var droppedIn = 0
    /// Rows the strategy's semantics say the table must hold (not a CSV column; in `error` on mismatch).
    public var rowsExpected = 0
    public var rowsWritten = 0
    public var duplicatesLeft = 0
    public var lostRecords = 0
    /// Input lines the source rejected into its quarantine file (file source; 0 elsewhere).
    public var quarantined = 0

    // storage and requests
    public var filesWritten = 0
    public var commits = 0
    public var bytesWritten = 0
    public var tableBytes = 0
    public var liveBytes = 0
    /// Bytes on disk before the maintenance vacuum (`bytes_before_vacuum`; equals `tableBytes`
    /// without one). With `maintenance.vacuum_after`, `tableBytes` is what is left after it.
    public var bytesBeforeVacuum = 0
    /// Seconds of the maintenance phase (OPTIMIZE + VACUUM; `maintenance_s`).
    public var maintenanceS = 0.0
    public var putRequests = 0
    public var getRequests = 0
    /// `local`, `simulated` (local with injected latency) or `s3`.
    public var storageBackend = "local"
    /// Where put/get requests come from: `modelled` or `measured` (ResultColumns).
    public var requestsSource = ResultColumns.requestsModelled

    // timing (seconds) and resources
    public var wallS = 0.0
    public var genS = 0.0
    public var hashS = 0.0
    public var dedupS = 0.0
    public var writeS = 0.0
    /// The verifier's own seconds: folding in delivered batches (overlapped with the run) plus
    /// reading the table back and comparing.
    public var verifyS = 0.0
    /// End to end in-process: opening the source, every batch, verification (docs/RESULTS.md).
    public var totalS = 0.0
    public var throughputRps = 0.0
    public var peakRssBytes = 0
    public var cpuS = 0.0

    // outcome
    /// Order-independent checksum of the table content (16 hex digits; docs/STRATEGIES.md).
    public var checksum = ""
    public var status = ResultColumns.statusOK
    public var error = ""
    /// Where the table was written (not a CSV column).
    public var tablePath = ""
    /// Why a failed run failed (not a CSV column; the CLI maps it to an exit code).
    public var failure: Failure?

    /// Classes of run failure.
    public enum Failure: String, Sendable {
        /// The table does not match the strategy's promise (rows, keys or checksum).
        case verification
        /// A file-system error while writing or reading the table.
        case io
        /// Anything else (e.g. a malformed file met while reading back).
        case error
        /// The input fails the run (file source: nothing loaded, or too many lines quarantined).
        case input
    }

    public init() {}

    public var succeeded: Bool { status == ResultColumns.statusOK }

    /// The columns this type fills, in `ResultColumns` order (plus `seed` from the identity group).
    public static let columns: [String] =
        ["seed"] + ResultColumns.parameters.filter { $0 != "params" } + ResultColumns.correctness
        + ResultColumns.storage + ResultColumns.timing + ["checksum", "status", "error"]

    /// The value of one result column, or nil for columns a single run does not know.
    public func value(_ column: String) -> JSONValue? {
        switch column {
        case "seed": .string(String(seed))
        case "strategy": .string(strategy)
        case "source": .string(source)
        case "mode": .string(mode)
        case "scale": .int(Int64(scale))
        case "batches": .int(Int64(batches))
        case "dup_prob": .double(dupProb)
        case "slow_prob": .double(slowProb)
        case "drop_prob": .double(dropProb)
        case "hash_algorithm": .string(hashAlgorithm)
        case "hash_encoding": .string(hashEncoding)
        case "codec": .string(codec)
        case "records_in": .int(Int64(recordsIn))
        case "unique_in": .int(Int64(uniqueIn))
        case "duplicates_in": .int(Int64(duplicatesIn))
        case "dropped_in": .int(Int64(droppedIn))
        case "rows_written": .int(Int64(rowsWritten))
        case "duplicates_left": .int(Int64(duplicatesLeft))
        case "lost_records": .int(Int64(lostRecords))
        case "quarantined": .int(Int64(quarantined))
        case "files_written": .int(Int64(filesWritten))
        case "commits": .int(Int64(commits))
        case "bytes_written": .int(Int64(bytesWritten))
        case "table_bytes": .int(Int64(tableBytes))
        case "live_bytes": .int(Int64(liveBytes))
        case "bytes_before_vacuum": .int(Int64(bytesBeforeVacuum))
        case "put_requests": .int(Int64(putRequests))
        case "get_requests": .int(Int64(getRequests))
        case "storage_backend": .string(storageBackend)
        case "requests_source": .string(requestsSource)
        case "wall_s": .double(wallS)
        case "gen_s": .double(genS)
        case "hash_s": .double(hashS)
        case "dedup_s": .double(dedupS)
        case "write_s": .double(writeS)
        case "maintenance_s": .double(maintenanceS)
        case "verify_s": .double(verifyS)
        case "total_s": .double(totalS)
        case "throughput_rps": .double(throughputRps)
        case "peak_rss_bytes": .int(Int64(peakRssBytes))
        case "cpu_s": .double(cpuS)
        case "checksum": .string(checksum)
        case "status": .string(status)
        case "error": .string(error)
        default: nil
        }
    }

    /// The known columns as an ordered JSON object (keys = CSV column names, `columns` order).
    public var jsonObject: JSONValue { .object(Self.columns.compactMap { c in value(c).map { (c, $0) } }) }

    /// The known columns by name, as typed values (what the harness builds a results row from).
    public var values: [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for c in Self.columns { out[c] = value(c) }
        return out
    }

    /// `jsonObject` as one compact line (no trailing newline).
    public var jsonLine: String { jsonObject.serialized }

    /// The run's values as CSV cell text by column name (numbers in shortest round-trip form).
    public var csvValues: [String: String] {
        var out: [String: String] = [:]
        for c in Self.columns {
            switch value(c) {
            case .string(let s): out[c] = s
            case .int(let i): out[c] = String(i)
            case .double(let d): out[c] = d.isFinite ? d.description : ""
            default: break
            }
        }
        return out
    }
}
