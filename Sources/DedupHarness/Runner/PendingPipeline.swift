// Temporary stand-ins until DedupPipeline's PipelineRunner/StrategyKind are committed; replaced by
// Runner/InProcessExecutor.swift and Spec/PlanValidator.swift.
public struct InProcessExecutor: RunExecutor {
    public var name: String { "in-process" }
    public init() {}
    public func execute(_ request: RunRequest) -> RunAttempt {
        RunAttempt(outcome: .failed("--in-process needs the pipeline (not built yet)"), seconds: 0)
    }
}

public enum PlanValidator {
    public static func check(_ plan: ExperimentPlan) throws(SpecError) {}
    public static func checkPipelineConfig(path: String) throws(SpecError) {}
}
