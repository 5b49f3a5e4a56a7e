import DedupFormats
import DedupPipeline
import Foundation

/// The seed's Prefect task retries for `dedupbench pipeline`: a strategy run that fails (a
/// verification mismatch, a table write error) is run again — source and table afresh, the same
/// seed — up to `prefect.execution.max_retries` times, `retry_delay_seconds` after each failure
/// (Prefect's `retries` / `retry_delay_seconds`). Each retry is announced on stderr; the final
/// attempt's result is the run's. Setup errors (bad options, an existing table) are not retried.
/// Under `dedupbench run` the experiment's own `retries:` also apply (around the whole child).
enum StrategyRetry {
    struct Outcome {
        var metrics: RunMetrics
        /// Retries used (0 = the first attempt's result).
        var retries: Int
    }

    static func run(
        config: PipelineConfig, strategies: [StrategyKind], outDir: String, force: Bool,
        sleep: (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }, onRun: (RunMetrics) -> Void
    ) throws -> [Outcome] {
        let (limit, delay) = config.retries
        var first: [RunMetrics] = []
        _ = try PipelineRunner.run(config: config, strategies: strategies, outDir: outDir, force: force) { m in
            first.append(m)
            if m.succeeded || limit == 0 { onRun(m) }  // a failed run's line waits for its retries
        }
        var out: [Outcome] = []
        for (kind, m0) in zip(strategies, first) {
            var m = m0
            var used = 0
            while !m.succeeded && used < limit {
                used += 1
                Console.warning(
                    "pipeline",
                    "\(kind.rawValue) failed (\(m.error.isEmpty ? m.status : m.error)); retry \(used) of \(limit) "
                        + "in \(JSONNumber.canonical(delay)) s (prefect.execution.max_retries, retry_delay_seconds)")
                if delay > 0 { sleep(delay) }
                m = try PipelineRunner.run(config: config, strategy: kind, outDir: outDir, force: true)
            }
            if used > 0 { onRun(m) }
            out.append(Outcome(metrics: m, retries: used))
        }
        return out
    }

    /// `retries: polars_merge 2 (failed after 2 retries), …`, or nil when none were needed.
    static func summary(_ outcomes: [Outcome], config: PipelineConfig) -> String? {
        let retried = outcomes.filter { $0.retries > 0 }
        guard !retried.isEmpty else { return nil }
        let parts = retried.map { o in
            "\(o.metrics.strategy) \(o.retries) (\(o.metrics.succeeded ? "ok" : "still failed") after \(o.retries) "
                + "retr\(o.retries == 1 ? "y" : "ies"))"
        }
        return "retries: " + parts.joined(separator: ", ") + " — limit \(config.retries.count), "
            + "\(JSONNumber.canonical(config.retries.delaySeconds)) s apart"
    }
}
