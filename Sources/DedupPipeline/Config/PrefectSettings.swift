import DedupYAML

/// `prefect:` — the seed's Prefect orchestration keys, accepted so a migrating user's config loads.
/// They drive `dedupbench pipeline --serve` (docs/SERVE.md): `server.host`/`server.port` where the
/// dashboard listens, `execution.max_retries`/`retry_delay_seconds` the scheduled runs' retry policy,
/// `schedule.cron` the schedule when `--cron` is not given. A plain `pipeline` run ignores them.
public struct PrefectSettings: Sendable, Equatable {
    public var serverHost: String?
    public var serverPort: Int?
    /// Retries after a failed attempt (Prefect's `retries`).
    public var maxRetries: Int?
    /// Seconds before the first retry.
    public var retryDelaySeconds: Double?
    public var cron: String?

    public init() {}

    static func decode(_ r: YAMLReader) throws -> PrefectSettings {
        var p = PrefectSettings()
        let m = try r.mapping(allowed: ["server", "execution", "schedule"])
        if let s = m["server"] {
            let server = try s.mapping(allowed: ["host", "port"])
            if let h = server["host"] { p.serverHost = try h.string() }
            if let v = server["port"] { p.serverPort = try v.int(in: 1...65535) }
        }
        if let e = m["execution"] {
            let execution = try e.mapping(allowed: ["max_retries", "retry_delay_seconds"])
            if let v = execution["max_retries"] { p.maxRetries = try v.int(in: 0...10) }
            if let v = execution["retry_delay_seconds"] {
                p.retryDelaySeconds = try v.double(in: 0...3600, what: "a number of seconds")
            }
        }
        if let s = m["schedule"] {
            let schedule = try s.mapping(allowed: ["cron"])
            if let c = schedule["cron"] { p.cron = try c.string() }
        }
        return p
    }
}
