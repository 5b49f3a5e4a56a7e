import DedupFormats
import Foundation
import Testing

@testable import DedupPipeline

@Suite struct PipelineConfigTests {
    static let seedSnippets = [
        "single_yaml", "pubsub_source", "polars_speed", "file_source", "realistic", "chaos_fixed", "chaos_random",
        "strategies",
    ]

    @Test(arguments: seedSnippets)
    func seedReadmeSnippetsLoad(_ name: String) throws {
        let c = try PipelineConfig.load(path: CoreFixtures.path("config/seed/\(name).yaml"), environment: [:])
        #expect(c.batches == 10)
        #expect(c.origin?.hasSuffix("\(name).yaml") == true)
    }

    @Test func seedSnippetValuesAreRead() throws {
        let single = try PipelineConfig.load(path: CoreFixtures.path("config/seed/single_yaml.yaml"), environment: [:])
        #expect(single.source.kind == .synthetic)  // polars_synthetic
        #expect(single.generation.scale == 100_000)
        #expect(single.generation.mode == .speed)
        #expect(single.generation.chaos.mode == .random)
        #expect(single.generation.chaos.dupProb == .range(0.05, 0.15))
        #expect(single.strategies.enabled == ["bronze_append", "polars_merge"])

        let pubsub = try PipelineConfig.load(
            path: CoreFixtures.path("config/seed/pubsub_source.yaml"), environment: [:])
        #expect(pubsub.source.kind == .pubsub)
        #expect(pubsub.pubsub.partitions == 3 && pubsub.pubsub.bufferSize == 100)
        #expect(pubsub.pubsub.message.valueRange == 100..<10_000)

        let file = try PipelineConfig.load(path: CoreFixtures.path("config/seed/file_source.yaml"), environment: [:])
        #expect(file.source.kind == .file)
        #expect(file.file.path == "../day04_pubsub/data/raw/*.jsonl")

        let strategies = try PipelineConfig.load(
            path: CoreFixtures.path("config/seed/strategies.yaml"), environment: [:])
        #expect(strategies.strategies.option("polars_merge", "keep") == .string("last"))
        #expect(strategies.strategies.option("bronze_append", "partition_by")?.strings == ["partition_date"])
        #expect(strategies.strategies.option("eager_dedup", "write_mode") == .string("overwrite"))
    }

    @Test func repositoryConfigsLoad() throws {
        let root = CoreFixtures.packageRoot
        let main = try PipelineConfig.load(path: root + "/config/pipeline.yaml", environment: [:])
        #expect(main.strategies.enabled == StrategyOptionCatalog.names)
        #expect(main.pubsub.slowDelay == 1.0...30.0)  // merged from config/sources/pubsub.yaml
        #expect(main.storage.deltaTablePath == "./data/delta")
        #expect(main.storage.targetFileSize == 128 << 20)
        for source in ["pubsub", "synthetic", "file"] {
            let c = try PipelineConfig.load(
                path: root + "/config/pipeline.yaml",
                overrides: [("source.type", source), ("source.config_file", "config/sources/\(source).yaml")],
                environment: ["RAW_DATA_PATH": "/data/in"])
            #expect(c.source.kind.rawValue == source)
            if source == "file" { #expect(c.file.path == "/data/in/*.jsonl") }
        }
    }

    @Test func badConfigsGiveOneLocatedError() throws {
        let dir = CoreFixtures.path("config/bad")
        let table = try String(contentsOfFile: dir + "/expected.tsv", encoding: .utf8)
        let rows = table.split(separator: "\n").map { $0.split(separator: "\t", maxSplits: 1).map(String.init) }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".yaml") }
        #expect(Set(rows.map { $0[0] }) == Set(files), "every bad config has an expected message")
        for row in rows {
            let path = dir + "/" + row[0]
            do {
                _ = try PipelineConfig.load(path: path, environment: [:])
                Issue.record("\(row[0]) loaded but should fail")
            } catch let error as ConfigError {
                #expect(error.description == row[1].replacingOccurrences(of: "{file}", with: path), "\(row[0])")
            }
        }
    }

    @Test func environmentInterpolation() throws {
        let yaml = """
            storage:
              delta_table_path: "${TABLES}/delta"
              codec: ${CODEC:-zstd}
            generation:
              scale: ${SCALE:-123}
            """
        let c = try PipelineConfig.parse(yaml: yaml, file: "t.yaml", environment: ["TABLES": "/tmp/x"])
        #expect(c.storage.deltaTablePath == "/tmp/x/delta")
        #expect(c.storage.codec == .zstd)
        #expect(c.generation.scale == 123)
        let c2 = try PipelineConfig.parse(yaml: yaml, environment: ["TABLES": "/t", "CODEC": "gzip", "SCALE": "7"])
        #expect(c2.storage.codec == .gzip && c2.generation.scale == 7)
        #expect(throws: ConfigError.self) { try PipelineConfig.parse(yaml: yaml, environment: [:]) }
    }

    @Test func overridesApplyBeforeValidation() throws {
        let c = try PipelineConfig.load(
            path: CoreFixtures.path("config/seed/single_yaml.yaml"),
            overrides: [
                ("generation.chaos.dup_prob", "0.2"), ("strategies.polars_merge.keep", "first"),
                ("source.type", "pubsub"),
                ("generation.scale", "5000"), ("batches", "4"), ("hash.algorithm", "xxh64"), ("storage.codec", "none"),
                ("generation.chaos.slow_prob", "[0.1, 0.3]"),
            ], environment: [:])
        #expect(c.generation.chaos.dupProb == .fixed(0.2))
        #expect(c.generation.chaos.slowProb == .range(0.1, 0.3))
        #expect(c.strategies.option("polars_merge", "keep") == .string("first"))
        #expect(c.source.kind == .pubsub && c.generation.scale == 5000 && c.batches == 4)
        #expect(c.hash.algorithm == .xxh64 && c.storage.codec == .uncompressed)

        do {
            _ = try PipelineConfig.load(
                path: CoreFixtures.path("config/seed/single_yaml.yaml"),
                overrides: [("generation.chaos.dup_prob", "2")],
                environment: [:])
            Issue.record("out-of-range override accepted")
        } catch let e as ConfigError {
            #expect(e.description.contains("override 'generation.chaos.dup_prob=2'"))
            #expect(e.keyPath == "generation.chaos.dup_prob")
        }
        #expect(throws: ConfigError.self) { try PipelineConfig.defaults(overrides: [("generation.turbo", "1")]) }
    }

    @Test func defaultsNeedNoFile() throws {
        let d = PipelineConfig.default
        #expect(d.source.kind == .synthetic && d.batches == 10 && d.hash.algorithm == .sha256)
        #expect(
            try PipelineConfig.defaults(overrides: [])
                == {
                    var x = d
                    x.origin = nil
                    return x
                }())
    }

    @Test func chaosRangesAreSampledOncePerSeed() throws {
        let c = try PipelineConfig.load(path: CoreFixtures.path("config/seed/chaos_random.yaml"), environment: [:])
        let a = c.generation.chaos.resolve(seed: 1)
        let b = c.generation.chaos.resolve(seed: 1)
        let other = c.generation.chaos.resolve(seed: 2)
        #expect(a == b)
        #expect(a != other)
        #expect((0.05...0.15).contains(a.dupProb) && (0.005...0.02).contains(a.baseDelay))
        #expect((0.01...0.05).contains(a.jitter))
    }

    @Test func sourceKindDecodesSeedNames() throws {
        let kinds = try JSONDecoder().decode(
            [SourceKind].self, from: Data(#"["polars_synthetic","pubsub","file","synthetic"]"#.utf8))
        #expect(kinds == [.synthetic, .pubsub, .file, .synthetic])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([SourceKind].self, from: Data(#"["kafka"]"#.utf8))
        }
    }

    @Test func everyStrategyHasAnOptionCatalogEntry() {
        for kind in StrategyKind.allCases {
            #expect(StrategyOptionCatalog.options[kind.rawValue] != nil, "\(kind.rawValue)")
        }
        #expect(Set(StrategyOptionCatalog.options.keys) == Set(StrategyOptionCatalog.names))
    }

    @Test func logLevels() {
        #expect(LoggingSetup.resolveLevel(nil, environment: ["LOG_LEVEL": "INFO"]) == .info)
        #expect(LoggingSetup.resolveLevel(nil, environment: ["LOG_LEVEL": "WARNING"]) == .warning)
        #expect(LoggingSetup.resolveLevel("debug", environment: ["LOG_LEVEL": "ERROR"]) == .debug)
        #expect(LoggingSetup.resolveLevel(nil, environment: [:]) == .info)
    }
}
