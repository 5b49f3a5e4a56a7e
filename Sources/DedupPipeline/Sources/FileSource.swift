import DeltaStorage

/// `file`: JSON-lines input (placeholder; the parser lands next).
public struct FileSource: RecordSource {
    public let config: PipelineConfig

    public init(config: PipelineConfig) throws {
        self.config = config
    }

    public func produce() throws -> SourceOutput {
        SourceOutput(records: .empty(RecordSchema.base), truth: GroundTruth(produced: 0, uniqueIds: 0, duplicatesInjected: 0, dropped: 0, delivered: 0))
    }
}
