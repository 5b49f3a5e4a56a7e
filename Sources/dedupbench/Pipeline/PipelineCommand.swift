import ArgumentParser
import DedupPipeline
import DeltaStorage
import Foundation

/// `dedupbench pipeline`: the seed's `run_pipeline.py` — one source, the enabled strategies, a
/// comparison table (or JSON lines), each table verified against the source's ground truth.
struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Run the dedup strategies on one source and compare them (the seed's run_pipeline.py).",
        discussion: """
            The source runs once; every strategy consumes the same records in --batches micro-batches \
            and writes its Delta table to OUT/<strategy>. Each table is read back and checked against \
            the ground truth (rows expected vs written, duplicates left, records lost, checksum); a \
            mismatch fails that run. Overrides apply in this order: --config file, --set, then the \
            specific flags. A run that fails verification exits 1; one whose table write failed \
            with an I/O error exits 3.

            """ + ExitStatus.help)

    /// The defaults --help shows: the config a run would load (PIPELINE_CONFIG, config/pipeline.yaml), else built-in.
    static let D: PipelineConfig = {
        if let file = ConfigLocation.resolve(flag: nil).path, let cfg = try? PipelineConfig.load(path: file, overrides: []) {
            return cfg
        }
        return (try? PipelineConfig.defaults(overrides: [])) ?? { fatalError("built-in pipeline defaults do not load") }()
    }()
    static func chaos(_ v: ChaosValue) -> String {
        v.lowerBound == v.upperBound ? "\(v.lowerBound)" : "\(v.lowerBound)–\(v.upperBound)"
    }

    @Option(
        help: "Pipeline config (YAML). Default: $PIPELINE_CONFIG, else config/pipeline.yaml if present, else built-in defaults.")
    var config: String?
    @Option(help: "Source type: synthetic (polars_synthetic), pubsub, file (default: \(Self.D.source.kind.rawValue)).") var source: String?
    @Option(help: "Generation mode: speed or chaos (default: \(Self.D.generation.mode.rawValue)).") var mode: String?
    @Option(help: "Messages to generate: a number or small (100), medium (10000), large (1000000), xlarge (10000000) (default: \(Self.D.generation.scale)).")
    var scale: String?
    @Option(help: "JSONL file, directory or glob for the file source.") var path: String?
    @Option(name: .customLong("strategy"), help: "Strategy to run (repeatable; default: \(Self.D.strategies.enabled.joined(separator: ", "))).")
    var strategies: [String] = []
    @Option(help: "Hash algorithm: sha256, md5, xxh64; overrides per-strategy hash_algorithm (default: \(Self.D.hash.algorithm.rawValue)).") var hash: String?
    @Option(help: "Hash encoding: hex or binary (default: \(Self.D.hash.encoding.rawValue)).") var hashEncoding: String?
    @Option(help: "Duplicate probability, fixed (default: \(Self.chaos(D.generation.chaos.dupProb))).") var dupProb: Double?
    @Option(help: "Out-of-order (slow) probability, fixed (default: \(Self.chaos(D.generation.chaos.slowProb))).") var slowProb: Double?
    @Option(help: "Micro-batches per strategy (default: \(Self.D.batches)).") var batches: Int?
    @Option(help: "Parquet codec: snappy, zstd, gzip, none (default: \(Self.D.storage.codec.rawValue)).") var codec: String?
    @Option(help: "Run seed; same seed → same rows, bytes and checksums (default: \(Self.D.generation.freshSeed ? "fresh each run, printed" : String(Self.D.effectiveSeed))).") var seed: UInt64?
    @Option(help: "Output directory; tables go to OUT/<strategy>. Default: a fresh directory under ./out.")
    var out: String?
    @Flag(help: "Replace existing tables in OUT.") var force = false
    @Option(name: .customLong("set"), help: "Config override key=value by dotted path (repeatable).")
    var sets: [String] = []
    @Flag(help: "Print one JSON object per run on stdout (keys = results.csv columns).") var json = false
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (default LOG_LEVEL or info).")
    var logLevel: String?
    @Flag(help: "Serve the dashboard instead of running once (the seed's --serve; see `dedupbench serve`).")
    var serve = false
    @Option(help: "With --serve: run this config's strategies on a cron schedule, e.g. \"0 */6 * * *\" (the seed's --cron).")
    var cron: String?

    func validate() throws {
        if cron != nil && !serve { throw ValidationError("--cron needs --serve (the seed's `--serve --cron EXPR`)") }
        for s in strategies where StrategyKind(rawValue: s) == nil {
            throw ValidationError("--strategy '\(s)' is not one of: \(StrategyKind.names.joined(separator: ", "))")
        }
        // each strategy writes OUT/<strategy>: a second run would find the first one's table there
        for (i, s) in strategies.enumerated() where strategies[..<i].contains(s) {
            throw ValidationError("--strategy '\(s)' is given twice; each strategy runs once (its table is OUT/\(s))")
        }
        for s in sets where !s.contains("=") {
            throw ValidationError("--set '\(s)' must be key=value, e.g. generation.scale=1000")
        }
        if let logLevel, LoggingSetup.level(named: logLevel) == nil {
            throw ValidationError(
                "--log-level '\(logLevel)' is not one of: \(LoggingSetup.levelNames.joined(separator: ", "))")
        }
    }

    func run() throws {
        if serve { return try PipelineServe.run(self) }
        do {  // errors reach Dedupbench.main, which maps them (ExitStatus.of)
            let location = ConfigLocation.resolve(flag: config)
            var cfg = try loadConfig(location)
            LoggingSetup.bootstrap(level: logLevel ?? cfg.logLevel, structured: cfg.logStructured)
            let fresh: UInt64?
            (cfg, fresh) = cfg.drawingFreshSeed()
            let header = PipelineHeader.lines(location: location, config: cfg, freshSeed: fresh)
            // The header goes with the table on stdout, or to stderr when stdout carries JSON lines.
            if json {
                FileHandle.standardError.write(Data(header.map { "dedupbench pipeline: \($0)\n" }.joined().utf8))
            } else {
                print(header.joined(separator: "\n"))
            }
            for n in cfg.notices where n.scope == .always || !serve { Console.warning("pipeline", n.description) }
            let kinds = try strategies.isEmpty ? cfg.strategies.enabled.map(Self.kind) : strategies.map(Self.kind)
            let outDir = out ?? Self.freshOutDirectory()
            let runs = try StrategyRetry.run(config: cfg, strategies: kinds, outDir: outDir, force: force) { m in
                if json { FileHandle.standardOutput.write(Data((m.jsonLine + "\n").utf8)) }
            }
            if !json {
                print(ComparisonTable.render(runs.map(\.metrics)))
                if let retried = StrategyRetry.summary(runs, config: cfg) { print(retried) }
                print(
                    TableLocations.describe(
                        outDir: PipelineRunner.tableBase(config: cfg, outDir: outDir), strategies: runs.map(\.metrics.strategy)))
            }
            if let failed = runs.map(\.metrics).first(where: { !$0.succeeded }) {
                throw (failed.failure == .io ? ExitStatus.io : ExitStatus.failed).exitCode
            }
        } catch let e as ConfigErrors {
            // Every error of the file, one `dedupbench pipeline: error:` line each.
            for line in e.lines { Console.error("pipeline", line) }
            throw ExitStatus.badInput.exitCode
        }
    }

    /// The config with --set overrides, then the specific flags, applied.
    func loadConfig(_ location: ConfigLocation? = nil) throws -> PipelineConfig {
        var overrides: [(key: String, value: String)] = sets.map { s in
            let i = s.firstIndex(of: "=")!
            return (String(s[..<i]), String(s[s.index(after: i)...]))
        }
        func add(_ key: String, _ value: CustomStringConvertible?) {
            if let value { overrides.append((key, "\(value)")) }
        }
        add("source.type", source)
        add("generation.mode", mode)
        add("generation.scale", scale)
        add("source.path", path)
        add("hash.algorithm", hash)
        add("hash.encoding", hashEncoding)
        add("generation.chaos.dup_prob", dupProb)
        add("generation.chaos.slow_prob", slowProb)
        add("batches", batches)
        add("storage.codec", codec)
        add("generation.seed", seed)
        let path = (location ?? ConfigLocation.resolve(flag: config)).path
        var cfg =
            try path.map { try PipelineConfig.load(path: $0, overrides: overrides) }
            ?? PipelineConfig.defaults(overrides: overrides)
        if hash != nil {  // the flag wins over the seed-style per-strategy hash_algorithm
            for k in cfg.strategies.options.keys { cfg.strategies.options[k]?["hash_algorithm"] = nil }
        }
        return cfg
    }

    static func kind(_ name: String) throws -> StrategyKind {
        guard let k = StrategyKind(rawValue: name) else {
            throw StrategyError(
                "unknown strategy '\(name)'; expected one of \(StrategyKind.names.joined(separator: ", "))")
        }
        return k
    }

    /// `out/pipeline-<UTC time>-<pid>`: a name no earlier run used.
    static func freshOutDirectory() -> String {
        var t = time(nil)
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let stamp =
            "\(tm.tm_year + 1900)\(two(tm.tm_mon + 1))\(two(tm.tm_mday))-\(two(tm.tm_hour))\(two(tm.tm_min))\(two(tm.tm_sec))"
        return "out/pipeline-\(stamp)-\(getpid())"
    }
}
