import DedupPipeline

/// The first lines of `dedupbench pipeline`: which config file was loaded and why (flag,
/// PIPELINE_CONFIG, default path), the seed's `pipeline: {name, version}`, and the seed when it
/// was drawn fresh (`generation.seed: null`), with the flag that repeats the run.
enum PipelineHeader {
    static func lines(location: ConfigLocation, config: PipelineConfig, freshSeed: UInt64?) -> [String] {
        var out = ["config: \(location)"]
        if let label = config.pipeline.label { out.append("pipeline: \(label)") }
        if let seed = freshSeed {
            out.append("seed: \(seed) (fresh: generation.seed is null; repeat this run with --seed \(seed))")
        }
        return out
    }
}
