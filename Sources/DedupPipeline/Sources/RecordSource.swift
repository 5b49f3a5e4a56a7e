import DeltaStorage

/// What a source hands to the pipeline: every record in delivery order plus the ground truth.
public struct SourceOutput: Sendable {
    /// All delivered records, in delivery order (`RecordSchema.base`, or `.pubsub` for the pubsub source).
    public var records: ColumnBatch
    public var truth: GroundTruth
    /// Input lines rejected into the quarantine file (file source; 0 elsewhere).
    public var quarantined: Int
    /// Where rejected lines were written, if any were.
    public var quarantinePath: String?
    /// Set when the input fails every run (file source: nothing loaded, or more lines
    /// quarantined than `file.max_quarantined` allows); the runs report it as their error.
    public var rejection: String?
    /// The chaos values this run used (ranges already sampled), for sources with a delivery model.
    public var chaos: ResolvedChaos?
    /// Wall-clock seconds spent producing the records.
    public var seconds: Double

    public init(
        records: ColumnBatch, truth: GroundTruth, quarantined: Int = 0, quarantinePath: String? = nil,
        chaos: ResolvedChaos? = nil, seconds: Double = 0
    ) {
        self.records = records
        self.truth = truth
        self.quarantined = quarantined
        self.quarantinePath = quarantinePath
        self.chaos = chaos
        self.seconds = seconds
    }
}

/// A producer of records. Implementations are deterministic for a given config and seed
/// (except the pubsub source in `realtime` mode, whose order depends on real timing).
public protocol RecordSource {
    /// Every record at once (tests, the core benchmark, sources that cannot stream).
    func produce() throws -> SourceOutput
    /// One pass over the records as `batches` micro-batches (`BatchCut`), produced lazily where the
    /// source can. The default materialises `produce()` and slices it.
    func open(batches: Int) throws -> any RecordStream
    /// Whether every `open` yields the same records, so each strategy run may open its own pass
    /// instead of sharing one materialised output.
    var replayable: Bool { get }
    /// Work a replayable source does once per invocation, before any pass (the file source's
    /// scan: record count, distinct keys, quarantine file); nil when there is none.
    func prepare() throws -> SourcePreparation?
}

/// What a streamed source established once, before its first pass (the file source's scan).
public struct SourcePreparation: Sendable, Equatable {
    public var truth: GroundTruth
    /// Input lines rejected into the quarantine file.
    public var quarantined: Int
    /// Where rejected lines were written, if any were.
    public var quarantinePath: String?
    /// Set when the input fails every run (see `SourceOutput.rejection`).
    public var rejection: String?
    /// Wall-clock seconds the preparation took (every run waited for it).
    public var seconds: Double

    public init(truth: GroundTruth, quarantined: Int, quarantinePath: String?, rejection: String?, seconds: Double) {
        self.truth = truth
        self.quarantined = quarantined
        self.quarantinePath = quarantinePath
        self.rejection = rejection
        self.seconds = seconds
    }
}

extension RecordSource {
    public func open(batches: Int) throws -> any RecordStream {
        MaterializedStream(try produce(), batches: batches)
    }
    public var replayable: Bool { false }
    public func prepare() throws -> SourcePreparation? { nil }
}
