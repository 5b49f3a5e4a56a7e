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
        let input = try produce(config: config, seed: seed ?? config.effectiveSeed)
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

    /// Runs the configured source once.
    public static func produce(config: PipelineConfig, seed: UInt64) throws -> RunInput {
        let log = Logger(label: "dedupbench.pipeline")
        let source = try SourceRegistry.make(config, seed: seed)
        let t0 = ResourceClock.now()
        var output = try source.produce()
        if output.seconds == 0 { output.seconds = ResourceClock.now() - t0 }
        log.info(
            "source produced records",
            metadata: [
                "source": "\(config.source.kind.rawValue)", "delivered": "\(output.truth.delivered)",
                "unique": "\(output.truth.uniqueIds)", "seconds": "\(output.seconds)",
            ])
        return RunInput(config: config, seed: seed, output: output)
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
            throw RunnerError(.io, "cannot remove \(dir): \(error.localizedDescription)")
        }
    }
}

/// The records one invocation produced, shared by all its strategy runs, already cut into the
/// `config.batches` contiguous micro-batches a subscriber would hand over (the cut is part of
/// producing the stream: it counts in `gen_s`, not in a strategy's `wall_s`).
public struct RunInput: Sendable {
    public var config: PipelineConfig
    public var seed: UInt64
    /// The source's output with `records` emptied (the rows live in `batches` only, so a large
    /// run does not hold them twice).
    public var output: SourceOutput
    /// The delivered records in delivery order, as micro-batches (empty ones left out).
    public var batches: [ColumnBatch]
    public var recordSchema: Schema
    public var recordCount: Int

    public init(config: PipelineConfig, seed: UInt64, output: SourceOutput) {
        let t0 = ResourceClock.now()
        var out = output
        let records = out.records
        let n = records.rowCount
        let count = max(1, config.batches)
        batches = (0..<count).map { b in (b * n / count)..<((b + 1) * n / count) }.filter { !$0.isEmpty }
            .map { records.rowSlice($0) }
        recordSchema = records.schema
        recordCount = n
        out.records = .empty(records.schema)
        out.seconds += ResourceClock.now() - t0
        self.config = config
        self.seed = seed
        self.output = out
    }
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
