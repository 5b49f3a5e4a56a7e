import DeltaS3
import DeltaStorage
import Foundation
import Logging

/// Runs strategies on a source's records and checks each table (DESIGN §1–3).
///
/// The source runs once per invocation; every strategy then consumes the same delivered records
/// in `config.batches` contiguous micro-batches, writing its own table under `outDir/<strategy>`.
/// Failures of a run (a write error, a verification mismatch) come back as `RunMetrics` with
/// status `failed`; only problems that stop every run (bad config or options, an existing table
/// directory without `force`, a source error) are thrown.
public enum PipelineRunner {
    /// Multipart part size used to count PUT requests when the config does not set one (8 MiB).
    public static let defaultMultipartPartBytes = 8 << 20

    /// One strategy, source included (the harness's in-process entry point).
    public static func run(
        config: PipelineConfig, strategy: StrategyKind, seed: UInt64? = nil, outDir: String, force: Bool = false
    ) throws -> RunMetrics {
        try run(config: config, strategies: [strategy], seed: seed, outDir: outDir, force: force)[0]
    }

    /// Several strategies on one source run, in order; `onRun` sees each result as it finishes.
    public static func run(
        config: PipelineConfig, strategies: [StrategyKind], seed: UInt64? = nil, outDir: String, force: Bool = false,
        onRun: (RunMetrics) -> Void = { _ in }
    ) throws -> [RunMetrics] {
        let base = tableBase(config: config, outDir: outDir)
        let dirs = strategies.map { tableDirectory(outDir: base, strategy: $0) }
        for d in dirs { try checkTableDirectory(d, force: force) }
        try MemoryEstimate.check(config, strategies: strategies)
        MemoryEstimate.configureAllocator()
        let input = try produce(config: config, seed: seed ?? config.effectiveSeed, outDir: outDir)
        var results: [RunMetrics] = []
        for (kind, dir) in zip(strategies, dirs) {
            let m = try run(input, strategy: kind, tableDir: dir, force: force)
            onRun(m)
            results.append(m)
        }
        return results
    }

    /// `outDir/<strategy>`.
    public static func tableDirectory(outDir: String, strategy: StrategyKind) -> String {
        (outDir.hasSuffix("/") ? outDir : outDir + "/") + strategy.rawValue
    }

    /// Where OUT's tables go: OUT itself, or `<storage.delta_base_path>/<last component of OUT>`.
    public static func tableBase(config: PipelineConfig, outDir: String) -> String {
        guard let base = config.storage.deltaBasePath else { return outDir }
        let name = outDir.split(separator: "/").last.map(String.init) ?? outDir
        return StoreLocation.join(base, name)
    }

    /// The object store of a table location (`s3://…` or a directory), per `config.storage`.
    public static func openStore(_ location: String, config: PipelineConfig) throws -> any ObjectStore {
        do {
            return try StoreLocation.open(
                location, simulate: config.storage.simulate, partBytes: config.storage.multipartPartBytes,
                environment: ProcessInfo.processInfo.environment)
        } catch let e as S3Error {
            throw RunnerError(.usage, e.message)
        }
    }

    /// Prepares the configured source: a replayable source (synthetic, pubsub on the virtual clock)
    /// is opened afresh by every strategy run and generates batch by batch; any other (the file
    /// source, realtime pubsub) is produced once here and shared. `outDir` is where the run's
    /// tables (and the file source's quarantine file) go; quarantined lines are announced at
    /// warning level with the file's path.
    public static func produce(config: PipelineConfig, seed: UInt64, outDir: String? = nil) throws -> RunInput {
        let log = Logger(label: "dedupbench.pipeline")
        let source = try SourceRegistry.make(config, seed: seed, outDir: outDir)
        if source.replayable {
            guard let p = try source.prepare() else { return RunInput(config: config, seed: seed, source: source) }
            announce(
                log, "source scanned", config, truth: p.truth, seconds: p.seconds, quarantined: p.quarantined,
                quarantinePath: p.quarantinePath)
            return RunInput(config: config, seed: seed, source: source, preparation: p)
        }
        let t0 = ResourceClock.now()
        var output = try source.produce()
        if output.seconds == 0 { output.seconds = ResourceClock.now() - t0 }
        announce(
            log, "source produced records", config, truth: output.truth, seconds: output.seconds,
            quarantined: output.quarantined, quarantinePath: output.quarantinePath)
        return RunInput(config: config, seed: seed, output: output)
    }

    /// Logs what the source delivered and, at warning level, how many lines it quarantined and where.
    private static func announce(
        _ log: Logger, _ message: Logger.Message, _ config: PipelineConfig, truth: GroundTruth, seconds: Double,
        quarantined: Int, quarantinePath: String?
    ) {
        log.info(
            message,
            metadata: [
                "source": "\(config.source.kind.rawValue)", "delivered": "\(truth.delivered)",
                "unique": "\(truth.uniqueIds)", "seconds": "\(String(format: "%.3f", seconds))",
            ])
        if quarantined > 0 {
            log.warning(
                "\(quarantined) input lines quarantined",
                metadata: ["quarantine": "\(quarantinePath ?? "-")", "limit": "\(config.file.maxQuarantined)"])
        }
    }

    /// One strategy over produced records. Throws only for setup problems (options that do not
    /// fit, an existing table without `force`); run failures are in the returned metrics.
    public static func run(_ input: RunInput, strategy: StrategyKind, tableDir: String, force: Bool = false) throws
        -> RunMetrics
    {
        try checkTableDirectory(tableDir, force: force)
        return try strategy.accept(StrategyDriver(input: input, tableDir: tableDir))
    }

    /// `run` with verification reading the table through `contents` (a test hook for faults).
    static func run(
        _ input: RunInput, strategy: StrategyKind, tableDir: String,
        verifyingThrough contents: @escaping @Sendable (DeltaTable) -> any TableContents
    ) throws -> RunMetrics {
        try checkTableDirectory(tableDir, force: false)
        var driver = StrategyDriver(input: input, tableDir: tableDir)
        driver.contents = contents
        return try strategy.accept(driver)
    }

    /// Refuses to reuse a non-empty directory (or S3 prefix) unless `force`, in which case it is removed.
    static func checkTableDirectory(_ dir: String, force: Bool) throws {
        if StoreLocation.isS3(dir) {
            let store = try openStore(dir, config: PipelineConfig())
            let existing = try store.list(prefix: "")
            guard !existing.isEmpty else { return }
            guard force else {
                throw RunnerError(.usage, "\(dir) already holds objects; choose another --out or pass --force to replace it")
            }
            for e in existing { try store.delete(e.key) }
            return
        }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: dir, isDirectory: &isDir) else { return }
        guard isDir.boolValue else { throw RunnerError(.usage, "\(dir) exists and is not a directory") }
        let entries = (try? fm.contentsOfDirectory(atPath: dir)) ?? []
        guard !entries.isEmpty else { return }
        guard force else {
            throw RunnerError(.usage, "\(dir) already holds files; choose another --out or pass --force to replace it")
        }
        do { try fm.removeItem(atPath: dir) } catch {
            throw RunnerError(.io, "cannot remove \(dir): \(SystemErrorText.describe(error))")
        }
    }
}

/// The input of an invocation's strategy runs: a source each run opens afresh (streamed, so a run
/// holds about one micro-batch of records at a time), or one materialised output they share.
public struct RunInput {
    public var config: PipelineConfig
    public var seed: UInt64
    private let source: (any RecordSource)?
    private let output: SourceOutput?
    /// The streamed source's one-off preparation (the file source's scan), if it has one.
    private var preparation: SourcePreparation?

    init(config: PipelineConfig, seed: UInt64, source: any RecordSource, preparation: SourcePreparation? = nil) {
        self.config = config
        self.seed = seed
        self.source = source
        self.preparation = preparation
        output = nil
    }

    init(config: PipelineConfig, seed: UInt64, output: SourceOutput) {
        self.config = config
        self.seed = seed
        source = nil
        self.output = output
    }

    /// One pass over the records in `config.batches` micro-batches (`BatchCut`). The stream's
    /// `seconds` include the shared production, if any.
    public func open() throws -> any RecordStream {
        if let output { return MaterializedStream(output, batches: config.batches) }
        return try source!.open(batches: config.batches)
    }

    /// Seconds spent producing the shared output before any run (0 for streamed sources): part
    /// of every run's `total_s`, as the user waited for it.
    public var sharedSeconds: Double { output?.seconds ?? preparation?.seconds ?? 0 }

    /// Input lines the file source quarantined (0 for generated sources).
    public var quarantined: Int { output?.quarantined ?? preparation?.quarantined ?? 0 }

    /// Why the input itself fails every run (e.g. more quarantined lines than allowed), if it does.
    public var rejection: String? { output?.rejection ?? preparation?.rejection }

    /// Every micro-batch of one pass (tests; holds the whole stream).
    public func batches() throws -> [ColumnBatch] {
        let s = try open()
        var out: [ColumnBatch] = []
        while let b = try s.next() { out.append(b) }
        return out
    }

    /// The records' schema and the ground truth (opens a pass without reading it).
    public var recordSchema: Schema { get throws { try open().schema } }
    public var truth: GroundTruth { get throws { try open().truth } }
}

/// A problem that stops a pipeline invocation before (or instead of) its runs.
public struct RunnerError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable { case usage, io }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
    public var description: String { message }
}
