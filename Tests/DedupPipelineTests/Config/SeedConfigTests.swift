import DedupFormats
import Foundation
import Testing

@testable import DedupPipeline

/// Issue 9 §2: the seed's own `config/pipeline.yaml` loads and runs unchanged; every seed key does
/// what it says or is reported once; a file reports all its errors.
@Suite struct SeedConfigTests {
    static let seedFile = CoreFixtures.path("config/seed-project/config/pipeline.yaml")

    static func load(_ yaml: String, env: [String: String] = [:]) throws -> PipelineConfig {
        try PipelineConfig.parse(yaml: yaml, file: "t.yaml", environment: env)
    }

    /// The message of the one error `yaml` gives.
    static func error(_ yaml: String) -> String {
        do {
            _ = try load(yaml)
            return "loaded"
        } catch { return "\(error)" }
    }

    @Test func seedFileLoadsWithEveryKeyRead() throws {
        let c = try PipelineConfig.load(path: Self.seedFile, environment: ["DELTA_TABLE_PATH": "/lake/delta"])
        #expect(c.pipeline == PipelineIdentity(name: "pubsub_dedup_pipeline", version: "1.0.0"))
        #expect(c.source.kind == .pubsub)
        #expect(c.pubsub.bufferSize == 100)  // merged from config/sources/pubsub.yaml beside it
        #expect(c.generation.scale == 100)  // small
        #expect(c.generation.freshSeed && c.generation.seed == nil)
        #expect(c.storage.deltaBasePath == "/lake/delta")
        #expect(c.storage.rawDataPath == "./data/raw")
        #expect(c.storage.retentionDays == 30)
        #expect(c.prefect.flowName == "config_driven_pipeline")
        #expect(c.prefect.taskRunner == "concurrent")
        #expect(c.retries.count == 3 && c.retries.delaySeconds == 60)
        #expect(c.logLevel == "INFO" && c.logStructured)
        #expect(c.prefect.serverEnabled == false)
        #expect(c.prefect.cron == "0 */6 * * *")
        // Exactly the keys without effect in a plain run, each once, with its line.
        #expect(
            c.notices.map(\.key) == [
                "storage.raw_data_path", "storage.retention_days", "prefect.flow_name",
                "prefect.execution.task_runner", "prefect.server.parameters.cron",
            ])
        #expect(c.notices.first { $0.key == "prefect.server.parameters.cron" }?.scope == .run)
        let runner = try #require(c.notices.first { $0.key == "prefect.execution.task_runner" })
        #expect(runner.location == "\(Self.seedFile):50:18")
        #expect(runner.reason.hasPrefix("'concurrent' has no effect: dedupbench runs the strategies one after another"))
    }

    @Test func seedFileRunsWithTablesUnderDeltaBasePath() async throws {
        let dir = try CoreFixtures.scratchDirectory("seed-run")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let loaded = try PipelineConfig.load(path: Self.seedFile, environment: ["DELTA_TABLE_PATH": dir + "/lake"])
        let (c, seed) = loaded.drawingFreshSeed { 4242 }
        #expect(seed == 4242 && c.effectiveSeed == 4242)
        let kinds = c.strategies.enabled.compactMap(StrategyKind.init(rawValue:))
        // Off the cooperative pool: two cores, and the realtime pubsub tests sleep on it.
        let runs = try await OffPool.run { try PipelineRunner.run(config: c, strategies: kinds, outDir: dir + "/out/run-1") }
        #expect(runs.map(\.status) == ["ok", "ok", "ok"], "\(runs.map(\.error))")
        #expect(runs.allSatisfy { $0.seed == 4242 })  // the seed used is in every --json line
        for k in kinds {
            // ${DELTA_TABLE_PATH}/<last component of OUT>/<strategy>, nothing under OUT itself.
            #expect(FileManager.default.fileExists(atPath: "\(dir)/lake/run-1/\(k.rawValue)/_delta_log"))
            #expect(!FileManager.default.fileExists(atPath: "\(dir)/out/run-1/\(k.rawValue)"))
        }
    }

    @Test func freshSeedDiffersPerDrawAndAbsentSeedStaysDefault() throws {
        let fresh = try Self.load("generation: {seed: null}")
        var draws = Set<UInt64>()
        for _ in 0..<8 { draws.insert(try #require(fresh.drawingFreshSeed().1)) }
        #expect(draws.count > 1)
        let absent = try Self.load("generation: {scale: 10}")
        #expect(absent.drawingFreshSeed().1 == nil && absent.effectiveSeed == PipelineConfig.defaultSeed)
        #expect(try Self.load("generation: {seed: 7}").drawingFreshSeed().1 == nil)
    }

    @Test(arguments: [
        ("small", 100), ("medium", 10_000), ("large", 1_000_000), ("xlarge", 10_000_000), ("XLarge", 10_000_000),
    ])
    func scalePresets(_ name: String, _ n: Int) throws {
        #expect(try Self.load("generation: {scale: \(name)}").generation.scale == n)
    }

    @Test func unknownScalePresetListsThemAndSuggests() {
        #expect(
            Self.error("generation:\n  scale: smal\n")
                == "t.yaml:2:10: generation.scale: got 'smal'; expected a non-negative integer or a preset: "
                + "small (100), medium (10000), large (1000000), xlarge (10000000) (did you mean 'small'?)")
    }

    @Test func dltSourceSaysItIsNotAvailable() throws {
        let e = Self.error("source:\n  type: dlt\n")
        #expect(
            e.hasPrefix(
                "t.yaml:2:9: source.type: got 'dlt'; expected a source type dedupbench has: dlt (data load tool) is not available in dedupbench"
            ), "\(e)")
        #expect(e.contains("type: file"))
        #expect(try Self.load("source: {type: polars_synthetic}").source.kind == .synthetic)
    }

    @Test func rawDataPathFeedsTheFileSourceOnlyWhenNoPathIsSet() throws {
        let file = try Self.load("source: {type: file}\nstorage: {raw_data_path: /in}")
        #expect(file.file.path == "/in/*.jsonl" && file.notices.isEmpty)
        let named = try Self.load("source: {type: file, path: /x.jsonl}\nstorage: {raw_data_path: /in}")
        #expect(named.file.path == "/x.jsonl")
        #expect(
            named.notices.map(\.reason) == ["no effect: file.path (or source.path/--path) names the input and wins"])
        let generated = try Self.load("storage: {raw_data_path: /in}")
        #expect(generated.notices.map(\.key) == ["storage.raw_data_path"])
        #expect(generated.notices[0].reason.hasPrefix("no effect with the synthetic source"))
    }

    @Test func retentionDaysFeedsVacuumRetention() throws {
        let on = try Self.load("storage: {retention_days: 7}\nmaintenance: {vacuum_after: true}")
        #expect(on.maintenance.retainHours == 168 && on.notices.isEmpty)
        let off = try Self.load("storage: {retention_days: 7}")
        #expect(off.maintenance.retainHours == 168 && off.notices.map(\.key) == ["storage.retention_days"])
        let both = Self.error("storage: {retention_days: 2}\nmaintenance: {vacuum_after: true, retain_hours: 24}")
        #expect(
            both == "t.yaml:2:49: maintenance.retain_hours: got '24'; expected the same retention as "
                + "storage.retention_days (2 days = 48 hours); set only one")
        #expect(
            try Self.load("storage: {retention_days: 2}\nmaintenance: {vacuum_after: true, retain_hours: 48}")
                .maintenance.retainHours == 48)
    }

    @Test func prefectLoggingAndServerKeys() throws {
        let c = try Self.load("prefect: {logging: {level: DEBUG, structured: true}, server: {enabled: true}}")
        #expect(c.logLevel == "DEBUG" && c.logStructured)
        #expect(c.notices.map(\.key) == ["prefect.server.enabled"] && c.notices[0].scope == .run)
        #expect(
            Self.error("logging: {level: info}\nprefect: {logging: {level: debug}}")
                == "t.yaml:2:28: prefect.logging.level: got 'debug'; expected the same level as logging.level ('info' at line 1); set only one"
        )
        #expect(
            Self.error("prefect: {server: {parameters: {cron: '0 * * * *'}}, schedule: {cron: '5 * * * *'}}")
                == "t.yaml:1:71: prefect.schedule.cron: got '5 * * * *'; expected the same schedule as the other cron key ('0 * * * *'); set only one"
        )
        #expect(try Self.load("prefect: {execution: {task_runner: sequential}}").notices.isEmpty)
    }

    @Test func everyErrorOfAFileIsReported() throws {
        let yaml = """
            pipeline: {name: x, versoin: 1}
            generation:
              scale: huge
              rate: -1
            source: {type: dlt}
            storage: {codec: lz4, retention_days: forever}
            prefect: {execution: {max_retries: 99}}
            """
        do {
            _ = try Self.load(yaml)
            Issue.record("loaded")
        } catch let e as ConfigErrors {
            #expect(
                e.errors.map(\.key) == [
                    "pipeline.versoin", "generation.scale", "generation.rate", "source.type", "storage.codec",
                    "storage.retention_days", "prefect.execution.max_retries",
                ])
            #expect(
                e.errors[0].description.hasPrefix(
                    "t.yaml:1:21: pipeline.versoin: unknown key; expected one of name, version (did you mean 'version'?)"
                ))
            #expect(e.omitted == 0)
        }
    }

    @Test func errorsBeyondTheCapAreCounted() throws {
        let yaml = (1...25).map { "k\($0): 1" }.joined(separator: "\n")
        do {
            _ = try Self.load(yaml)
            Issue.record("loaded")
        } catch let e as ConfigErrors {
            #expect(e.errors.count == 20 && e.omitted == 5)
            #expect(e.lines.last == "… and 5 more errors (first 20 shown)")
        }
    }

    @Test func emptyConfigFileIsAnError() throws {
        let dir = try CoreFixtures.scratchDirectory("empty-config")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/empty.yaml"
        try "# nothing but a comment\n\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: InputError(file: path, line: 1, column: 1, expected: "the document is empty")) {
            try PipelineConfig.load(path: path, environment: [:])
        }
    }

    @Test func configLocationSaysWhy() {
        let none: (String) -> Bool = { _ in false }
        #expect(
            ConfigLocation.resolve(flag: "a.yaml", environment: ["PIPELINE_CONFIG": "b.yaml"]).description
                == "a.yaml (from --config)")
        #expect(
            ConfigLocation.resolve(flag: nil, environment: ["PIPELINE_CONFIG": "b.yaml"]).description
                == "b.yaml (from PIPELINE_CONFIG)")
        #expect(
            ConfigLocation.resolve(flag: nil, environment: [:], exists: { _ in true }).description
                == "config/pipeline.yaml (default path)")
        #expect(ConfigLocation.resolve(flag: nil, environment: ["PIPELINE_CONFIG": ""], exists: none).path == nil)
    }

    @Test func arrivalTimesMustStayBeforeYear10000() throws {
        // created_at of the last message fits (start + 99 s), but arrival_ts (event time + up to
        // 100 × 90 s of spacing/redelivery wait + 90 s) would pass 9999-12-31T23:59:59.
        let yaml = """
            source: {type: pubsub}
            generation: {scale: 100, start: "9999-12-31T23:00:00Z", rate: 1}
            """
        let e = Self.error(yaml)
        #expect(
            e.hasPrefix(
                "t.yaml:2:33: generation.start: got '9999-12-31T23:00:00.000000Z'; expected a start early enough that "
                    + "arrival_ts (event time + delivery delay) stays before 10000-01-01: with 100 messages, up to 90 s of "
                    + "publish spacing or redelivery wait each, arrivals may come up to 9090 s after the last created_at"
            ), "\(e)")
        // The synthetic source writes no arrival_ts: the same start is fine there.
        #expect(
            try Self.load("generation: {scale: 100, start: \"9999-12-31T23:00:00Z\", rate: 1}").generation.scale == 100)
        // Well before the end, pubsub is fine.
        #expect(
            try Self.load("source: {type: pubsub}\ngeneration: {scale: 100, start: \"9999-12-01T00:00:00Z\"}").source
                .kind == .pubsub)
    }

    @Test func structuredLogLineIsOneJSONObject() {
        let line = JSONLogHandler.line(
            level: .warning, label: "dedupbench.pipeline", message: "3 input lines \"quarantined\"",
            metadata: ["quarantine": "out/q.jsonl", "limit": "0 lines"], at: Date(timeIntervalSince1970: 1_736_726_400.25))
        #expect(
            line == #"{"ts":"2025-01-13T00:00:00.250000Z","level":"warning","logger":"dedupbench.pipeline","#
                + #""message":"3 input lines \"quarantined\"","limit":"0 lines","quarantine":"out/q.jsonl"}"#)
    }
}
