import DeltaStorage

/// A fully validated pipeline configuration (the seed's `config/pipeline.yaml`). Every field has a
/// default, so `PipelineConfig.default` runs without a file. Load with `PipelineConfig.load(path:)`.
public struct PipelineConfig: Sendable, Equatable {
    public var source: SourceSettings
    public var generation: GenerationSettings
    /// Delivery model settings (pubsub source, and synthetic `mode: chaos`).
    public var pubsub: PubSubSettings
    /// Generation settings of the synthetic source.
    public var synthetic: SyntheticSettings
    /// File source settings.
    public var file: FileSourceSettings
    /// Micro-batches every strategy processes the stream in.
    public var batches: Int
    public var hash: HashSettings
    public var strategies: StrategySettings
    public var storage: StorageSettings
    /// Table maintenance inside each strategy's run (`maintenance:`; off by default).
    public var maintenance = MaintenanceSettings()
    /// Log level from `logging.level` (the CLI and `LOG_LEVEL` may override it).
    public var logLevel: String?
    /// The file this config was loaded from (nil for `default`).
    public var origin: String?
    /// The seed's `prefect:` keys (retries, logging, and `pipeline --serve`).
    public var prefect = PrefectSettings()
    /// The seed's `pipeline: {name, version}`.
    public var pipeline = PipelineIdentity()
    /// JSON log lines on stderr (`logging.structured` or `prefect.logging.structured`).
    public var logStructured = false
    /// Keys accepted without effect (reported once each as a warning by `pipeline`).
    public var notices: [ConfigNotice] = []

    public init(
        source: SourceSettings = .init(), generation: GenerationSettings = .init(), pubsub: PubSubSettings = .init(),
        synthetic: SyntheticSettings = .init(), file: FileSourceSettings = .init(), batches: Int = 10,
        hash: HashSettings = .init(), strategies: StrategySettings = .init(), storage: StorageSettings = .init(),
        logLevel: String? = nil, origin: String? = nil
    ) {
        self.source = source
        self.generation = generation
        self.pubsub = pubsub
        self.synthetic = synthetic
        self.file = file
        self.batches = batches
        self.hash = hash
        self.strategies = strategies
        self.storage = storage
        self.logLevel = logLevel
        self.origin = origin
    }

    /// The built-in defaults (synthetic speed source, 100k records, the four strategies).
    public static let `default` = PipelineConfig()

    /// The seed used when neither the config nor the caller names one.
    public static let defaultSeed: UInt64 = 42

    /// `generation.seed`, or `defaultSeed`. With `generation.seed: null` (`freshSeed`) a caller
    /// draws a seed first (`drawingFreshSeed`); this is the fallback only.
    public var effectiveSeed: UInt64 { generation.seed ?? PipelineConfig.defaultSeed }

    /// With `generation.seed: null`, the config with a newly drawn seed in `generation.seed` and
    /// that seed; otherwise self and nil. The seed is drawn from the system's random source.
    public func drawingFreshSeed(_ draw: () -> UInt64 = { UInt64.random(in: 0...UInt64(UInt32.max)) }) -> (
        PipelineConfig, UInt64?
    ) {
        guard generation.freshSeed, generation.seed == nil else { return (self, nil) }
        var c = self
        let seed = draw()
        c.generation.seed = seed
        return (c, seed)
    }

    /// Retry policy for a failed strategy run: `prefect.execution.max_retries` (default 0) and
    /// `retry_delay_seconds` (default 0, Prefect's default).
    public var retries: (count: Int, delaySeconds: Double) {
        (prefect.maxRetries ?? 0, prefect.retryDelaySeconds ?? 0)
    }
}

/// `source:` — which source, and the seed's `config_file` that holds its settings.
public struct SourceSettings: Sendable, Equatable {
    public var kind: SourceKind
    /// The source settings file it was merged from, as written (resolved relative to the config).
    public var configFile: String?

    public init(kind: SourceKind = .synthetic, configFile: String? = nil) {
        self.kind = kind
        self.configFile = configFile
    }
}

/// `generation.mode`: `speed` has no delivery timing model; `chaos` delivers through the pubsub model.
public enum GenerationMode: String, Sendable, CaseIterable, Codable { case speed, chaos }

/// `generation:` — how many messages, when event time starts and how fast it advances.
public struct GenerationSettings: Sendable, Equatable {
    public var scale: Int
    public var mode: GenerationMode
    /// The run's seed; `nil` → `PipelineConfig.defaultSeed` (a CLI `--seed` overrides both).
    public var seed: UInt64?
    /// `seed: null` was written (the seed's "a fresh seed each run"): `pipeline` draws one and
    /// prints it, so the run can be repeated with `--seed`.
    public var freshSeed = false
    /// `created_at` of the first message, µs since the epoch (UTC).
    public var startMicros: Int64
    /// Messages per second of event time.
    public var rate: Double
    public var chaos: ChaosSettings

    public init(
        scale: Int = 100_000, mode: GenerationMode = .speed, seed: UInt64? = nil,
        startMicros: Int64 = RecordGenerator.defaultStartMicros, rate: Double = RecordGenerator.defaultRate,
        chaos: ChaosSettings = .init()
    ) {
        self.scale = scale
        self.mode = mode
        self.seed = seed
        self.startMicros = startMicros
        self.rate = rate
        self.chaos = chaos
    }
}

/// `pubsub:` (usually in `config/sources/pubsub.yaml`) — the delivery model.
public struct PubSubSettings: Sendable, Equatable {
    /// Producers (and the range of `partition_id`).
    public var partitions: Int
    /// Messages in flight (published, not yet delivered) before publishers block.
    public var bufferSize: Int
    public var message: MessageSettings
    /// Run with real sleeps on Swift concurrency instead of the virtual clock.
    public var realtime: Bool
    /// Real seconds per simulated second in `realtime` mode (0.001 = 1000× faster than simulated).
    public var timeScale: Double
    /// Extra delivery delay of a slow message, seconds, sampled per message from [lo, hi].
    public var slowDelay: ClosedRange<Double>
    /// Delay after the first delivery at which a duplicate is redelivered, seconds, per message.
    public var redeliveryDelay: ClosedRange<Double>

    public init(
        partitions: Int = 3, bufferSize: Int = 100, message: MessageSettings = .init(), realtime: Bool = false,
        timeScale: Double = 0.001, slowDelay: ClosedRange<Double> = 1.0...30.0,
        redeliveryDelay: ClosedRange<Double> = 10.0...60.0
    ) {
        self.partitions = partitions
        self.bufferSize = bufferSize
        self.message = message
        self.realtime = realtime
        self.timeScale = timeScale
        self.slowDelay = slowDelay
        self.redeliveryDelay = redeliveryDelay
    }
}

/// `message:` — shape of generated messages (the seed's `pubsub.message`).
public struct MessageSettings: Sendable, Equatable {
    public var idLength: Int
    /// [lo, hi): `value` is drawn from lo ..< hi (the seed's `value_range: [100, 10000]`).
    public var valueRange: Range<Int32>

    public init(idLength: Int = 8, valueRange: Range<Int32> = 100..<10_000) {
        self.idLength = idLength
        self.valueRange = valueRange
    }
}

/// `synthetic:` (usually in `config/sources/synthetic.yaml`).
public struct SyntheticSettings: Sendable, Equatable {
    public var partitions: Int
    public var message: MessageSettings

    public init(partitions: Int = 3, message: MessageSettings = .init()) {
        self.partitions = partitions
        self.message = message
    }
}

/// `file:` (usually in `config/sources/file.yaml`; the seed's `source.path` also sets `path`).
public struct FileSourceSettings: Sendable, Equatable {
    /// A JSONL file, a directory (all `*.jsonl` in it) or a glob pattern.
    public var path: String?
    /// Where rejected lines go; nil → `quarantine.jsonl` in the run's output directory (next to
    /// its tables). An existing file is never overwritten: the next free `-2`, `-3`… name is used.
    public var quarantinePath: String?
    /// How many rejected lines a run tolerates (`file.max_quarantined`); beyond it every run of
    /// the invocation fails. Default 0: any bad line fails the run, as a strict reader should.
    public var maxQuarantined: QuarantineLimit

    public init(path: String? = nil, quarantinePath: String? = nil, maxQuarantined: QuarantineLimit = .count(0)) {
        self.path = path
        self.quarantinePath = quarantinePath
        self.maxQuarantined = maxQuarantined
    }
}

/// `hash:` — the algorithm and encoding of the hash columns.
public struct HashSettings: Sendable, Equatable {
    public var algorithm: HashAlgorithm
    public var encoding: HashEncoding

    public init(algorithm: HashAlgorithm = .sha256, encoding: HashEncoding = .hex) {
        self.algorithm = algorithm
        self.encoding = encoding
    }
}

/// `storage:` — where and how tables are written.
public struct StorageSettings: Sendable, Equatable {
    public var codec: Codec
    /// Compression level, codec default when nil.
    public var compressionLevel: Int?
    /// Directory that holds one table per strategy (the seed's `DELTA_TABLE_PATH`).
    public var deltaTablePath: String
    /// Bytes of Parquet data per file before a new file is started.
    public var targetFileSize: Int
    /// Uncompressed bytes per row group.
    public var rowGroupSize: Int
    /// Where tables go instead of OUT's location (`s3://bucket/prefix` or a directory): a run's
    /// tables are written to `<delta_base_path>/<last component of OUT>/<strategy>`. nil = OUT.
    public var deltaBasePath: String?
    /// Multipart part size: S3 uploads larger objects in parts (and the request model counts them).
    public var multipartPartBytes: Int
    /// Injected request latency and bandwidth for the local backend (`storage.simulate`).
    public var simulate: StoreSimulation?
    /// The seed's `raw_data_path`: the directory the file source reads (`*.jsonl` in it) when
    /// neither `file.path` nor `source.path` is set; no effect otherwise (reported).
    public var rawDataPath: String?
    /// The seed's `retention_days`: the VACUUM retention (`maintenance.retain_hours` = days × 24)
    /// when `maintenance.vacuum_after` is on; no effect otherwise (reported).
    public var retentionDays: Double?

    public init(
        codec: Codec = .snappy, compressionLevel: Int? = nil, deltaTablePath: String = "./data/delta",
        targetFileSize: Int = 128 << 20, rowGroupSize: Int = 128 << 20, deltaBasePath: String? = nil,
        multipartPartBytes: Int = 8 << 20, simulate: StoreSimulation? = nil
    ) {
        self.deltaBasePath = deltaBasePath
        self.multipartPartBytes = multipartPartBytes
        self.simulate = simulate
        self.codec = codec
        self.compressionLevel = compressionLevel
        self.deltaTablePath = deltaTablePath
        self.targetFileSize = targetFileSize
        self.rowGroupSize = rowGroupSize
    }
}
