/// Builds the source a config names. The one switch over `SourceKind`.
public enum SourceRegistry {
    public static func make(_ config: PipelineConfig, seed: UInt64, outDir: String? = nil) throws -> any RecordSource {
        switch config.source.kind {
        case .synthetic: SyntheticSource(config: config, seed: seed)
        case .pubsub: PubSubSource(config: config, seed: seed)
        case .file: try FileSource(config: config, outDir: outDir)
        }
    }
}
