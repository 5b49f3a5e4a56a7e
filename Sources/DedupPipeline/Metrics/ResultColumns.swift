/// The columns of `results.csv` (written by DedupHarness) and the keys of `dedupbench pipeline --json`,
/// in their fixed, documented order (see docs/RESULTS.md).
/// Bump `schemaVersion` whenever a column is added, removed, renamed or reordered.
public enum ResultColumns {
    public static let schemaVersion = 3

    /// Identity of the run within its experiment.
    public static let identity = ["experiment", "cell_id", "run_id", "repeat", "seed"]

    /// The resolved value of the parameters every run has (whether or not the experiment swept them),
    /// including where the table was (`storage_backend`) and where the request counts come from
    /// (`requests_source`), then `params`: the canonical JSON of the cell's swept parameters (dotted path → value).
    public static let parameters = [
        "strategy", "source", "mode", "scale", "batches", "dup_prob", "slow_prob", "drop_prob",
        "hash_algorithm", "hash_encoding", "codec", "storage_backend", "requests_source", "params",
    ]

    /// Ground truth from the source and what the strategy left in the table (deterministic).
    public static let correctness = [
        "records_in", "unique_in", "duplicates_in", "dropped_in", "rows_written", "duplicates_left",
        "lost_records", "quarantined",
    ]

    /// Storage and requests (deterministic for a given seed).
    public static let storage = [
        "files_written", "commits", "bytes_written", "table_bytes", "live_bytes", "bytes_before_vacuum",
        "put_requests", "get_requests",
    ]

    /// Estimated S3 cost (deterministic; filled by the harness from the price table).
    public static let cost = ["s3_storage_usd_month", "s3_request_usd", "s3_total_usd"]

    /// Timings and resources (noisy).
    public static let timing = [
        "wall_s", "gen_s", "hash_s", "dedup_s", "write_s", "maintenance_s", "verify_s", "total_s", "throughput_rps",
        "peak_rss_bytes", "cpu_s",
    ]

    /// Output checksum (deterministic), outcome and error text.
    public static let outcome = ["checksum", "status", "error", "attempts"]

    public static let all = identity + parameters + correctness + storage + cost + timing + outcome

    /// Metrics whose value is exact for a given seed: compare treats any difference as a change.
    public static let deterministic = correctness + storage + cost + ["checksum"]

    /// Metrics that vary between identical runs: compare applies a threshold and a statistical test.
    public static let noisy = timing

    /// Values of `requests_source`: request counts from the cost model (local file system) or
    /// counted as sent (S3).
    public static let requestsModelled = "modelled"
    public static let requestsMeasured = "measured"

    /// Values of `status`.
    public static let statusOK = "ok"            // ran and verified against ground truth
    public static let statusFailed = "failed"    // error, rejected input, or verification found lost/left duplicates
    public static let statusTimeout = "timeout"  // killed after the per-run timeout
}
