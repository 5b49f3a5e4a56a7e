import DedupYAML

/// `prefect:` — the seed's Prefect orchestration keys. dedupbench has no Prefect, but each key
/// that maps onto a dedupbench feature drives it (docs/SOURCES.md, "The seed's keys"):
///
/// - `execution.max_retries`, `execution.retry_delay_seconds`: a failed strategy run of `pipeline`
///   is run again up to `max_retries` times, `retry_delay_seconds` apart (Prefect's task
///   `retries`/`retry_delay_seconds`), and `pipeline --serve --cron`'s scheduled runs use them too;
/// - `logging.level`, `logging.structured`: the log level and JSON log lines on stderr;
/// - `server.host`, `server.port`, `server.parameters.cron` (or `schedule.cron`): where
///   `pipeline --serve` listens and its schedule; `server.enabled: true` is reported, since a plain
///   `pipeline` run (also what the harness starts) never serves;
/// - `flow_name`, `execution.task_runner` (other than sequential) have no effect: reported once.
public struct PrefectSettings: Sendable, Equatable {
    public var flowName: String?
    /// As written (`concurrent`, `sequential`, `ConcurrentTaskRunner`, …).
    public var taskRunner: String?
    public var serverEnabled: Bool?
    public var serverHost: String?
    public var serverPort: Int?
    /// Retries after a failed attempt (Prefect's `retries`).
    public var maxRetries: Int?
    /// Seconds before each retry.
    public var retryDelaySeconds: Double?
    public var logLevel: String?
    public var logStructured: Bool?
    /// `server.parameters.cron` or `schedule.cron`.
    public var cron: String?

    public init() {}

    static func decode(_ r: YAMLReader, _ issues: ConfigIssues) -> PrefectSettings {
        var p = PrefectSettings()
        let m = issues.mapping(r, allowed: ["flow_name", "execution", "logging", "server", "schedule"])
        if let v = m["flow_name"], let name = issues.read(v, { try $0.string() }) {
            p.flowName = name
            issues.notice(
                v, "accepted; dedupbench runs no Prefect flow, so the name labels nothing (pipeline.name names the run)"
            )
        }
        if let e = m["execution"] {
            let x = issues.mapping(e, allowed: ["task_runner", "max_retries", "retry_delay_seconds"])
            if let v = x["task_runner"], let runner = issues.read(v, { try $0.string() }) {
                p.taskRunner = runner
                if !runner.lowercased().contains("sequential") {
                    issues.notice(
                        v,
                        "'\(runner)' has no effect: dedupbench runs the strategies one after another, so each is "
                            + "timed alone on the same input")
                }
            }
            p.maxRetries = issues.read(x["max_retries"]) { try $0.int(in: 0...10) }
            p.retryDelaySeconds = issues.read(x["retry_delay_seconds"]) {
                try $0.double(in: 0...3600, what: "a number of seconds")
            }
        }
        if let l = m["logging"] {
            let x = issues.mapping(l, allowed: ["level", "structured"])
            p.logLevel = issues.read(x["level"], ConfigDecoder.logLevel)
            p.logStructured = issues.read(x["structured"]) { try $0.bool() }
        }
        var crons: [YAMLReader] = []
        if let s = m["server"] {
            let x = issues.mapping(s, allowed: ["enabled", "host", "port", "parameters"])
            if let v = x["enabled"], let on = issues.read(v, { try $0.bool() }) {
                p.serverEnabled = on
                if on {
                    issues.notice(
                        v,
                        "true, but a plain `pipeline` run never serves: start the dashboard and schedule with "
                            + "`dedupbench pipeline --serve` (or `dedupbench serve`)", scope: .run)
                }
            }
            if let v = x["host"] {
                p.serverHost = issues.read(v) { try $0.string() }
                issues.notice(v, "used by `pipeline --serve` only", scope: .run)
            }
            if let v = x["port"] {
                p.serverPort = issues.read(v) { try $0.int(in: 1...65535) }
                issues.notice(v, "used by `pipeline --serve` only", scope: .run)
            }
            if let params = x["parameters"] {
                let y = issues.mapping(params, allowed: ["cron"])
                if let c = y["cron"] { crons.append(c) }
            }
        }
        if let s = m["schedule"] {
            let x = issues.mapping(s, allowed: ["cron"])
            if let c = x["cron"] { crons.append(c) }
        }
        for c in crons {
            guard let text = issues.read(c, { try $0.string() }) else { continue }
            if let other = p.cron, other != text {
                issues.add(c.fail("the same schedule as the other cron key ('\(other)'); set only one"))
                continue
            }
            p.cron = text
            issues.notice(c, "used by `pipeline --serve` (scheduled runs); a plain run is not scheduled", scope: .run)
        }
        return p
    }
}
