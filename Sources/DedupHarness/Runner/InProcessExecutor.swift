import DedupPipeline

/// Runs each attempt inside the harness process via `PipelineRunner` (`run --in-process`): no spawn
/// cost, but peak RSS accumulates across runs and the timeout cannot be enforced (a thread cannot be
/// killed), so child processes stay the default.
public struct InProcessExecutor: RunExecutor {
    public var name: String { "in-process" }

    public init() {}

    public func execute(_ request: RunRequest) -> RunAttempt {
        let start = Monotonic.now()
        guard let strategy = StrategyKind(rawValue: request.run.cell.strategy) else {
            return RunAttempt(outcome: .failed("unknown strategy '\(request.run.cell.strategy)'"), seconds: 0)
        }
        do {
            let config = try PipelineConfig.load(
                path: request.baseConfig, overrides: PlanValidator.overrides(of: request.run.cell))
            let metrics = try PipelineRunner.run(
                config: config, strategy: strategy, seed: request.run.seed, outDir: request.outDir, force: true)
            // Typed values straight from RunMetrics: no JSON text in between.
            return RunAttempt(outcome: .completed(metrics.values), seconds: Monotonic.now() - start)
        } catch {
            return RunAttempt(outcome: .failed(SystemErrorText.describe(error)), seconds: Monotonic.now() - start)
        }
    }
}
