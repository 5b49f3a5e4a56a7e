import DedupPipeline
import DedupFormats
import Foundation
import Testing

@testable import DedupHarness

@Suite struct SpecParsingTests {
    @Test func fullSpecParses() throws {
        let spec = try TestSupport.spec(
            """
            version: 1
            name: dup-sweep
            description: "Duplicate rate sweep"
            pipeline:
              generation: {scale: 1000}
            seed: 42
            repeats: 3
            warmup: 1
            timeout: 90.5
            retries: 2
            retry_backoff: 0.5
            prices: ../config/prices/aws-s3-standard-us-east-1.yaml
            matrix:
              strategy: [bronze_append, eager_dedup]
              generation.chaos.dup_prob: {from: 0, to: 0.2, step: 0.1}
            charts:
              - {type: throughput_vs, x: generation.chaos.dup_prob, series: strategy, title: "Throughput"}
              - {type: cost_vs, x: dup_prob, y: s3_total_usd, log_x: true}
              - {type: phases}
            """, file: "experiments/dup.yaml")
        #expect(spec.name == "dup-sweep")
        #expect(spec.seed == 42 && spec.repeats == 3 && spec.warmup == 1 && spec.timeout == 90.5)
        #expect(spec.retries == 2 && spec.retryBackoff == 0.5)
        #expect(spec.axes.map(\.key) == ["strategy", "generation.chaos.dup_prob"])
        #expect(spec.prices == "../config/prices/aws-s3-standard-us-east-1.yaml")
        #expect(spec.charts.count == 3)
        #expect(spec.charts[1] == ChartSpec(type: .costVs, x: "dup_prob", y: "s3_total_usd", logX: true))
        guard case .inline(let yaml) = spec.base else {
            Issue.record("expected an inline base")
            return
        }
        #expect(yaml.contains("scale: 1000"))
    }

    @Test func relativePathsStartAtTheSpecFolder() throws {
        let dir = TestSupport.temporaryDirectory("paths")
        defer { TestSupport.remove(dir) }
        let file = dir + "/exp.yaml"
        try "version: 1\nname: p\nbase: ../pipeline.yaml\nprices: /abs/prices.yaml\nmatrix:\n  strategy: [a]\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let spec = try ExperimentSpec.load(path: file)
        #expect(spec.base == .path(dir + "/../pipeline.yaml"))
        #expect(spec.prices == "/abs/prices.yaml")
        #expect(spec.fileSHA256.count == 64)
    }

    @Test func yamlScalarsResolveAsCoreSchema() throws {
        let spec = try TestSupport.spec(
            """
            version: 1
            name: s
            pipeline: {}
            matrix:
              strategy: [a]
              x.flag: [true, no, "1", 2, 2.5, null, [0.05, 0.15]]
            """)
        #expect(
            spec.axes[1].values == [
                .bool(true), .string("no"), .string("1"), .int(2), .double(2.5), .null,
                .array([.double(0.05), .double(0.15)]),
            ])
    }

    @Test func setValuesArePassedAsTheyReadBack() {
        #expect(ChildProcessExecutor.setText(.string("sha256")) == "sha256")
        #expect(ChildProcessExecutor.setText(.string("1")) == "\"1\"")
        #expect(ChildProcessExecutor.setText(.string("no")) == "no")
        #expect(ChildProcessExecutor.setText(.string("a: b")) == "\"a: b\"")
        #expect(ChildProcessExecutor.setText(.double(0.1)) == "0.1")
        #expect(ChildProcessExecutor.setText(.array([.double(0.05), .double(0.15)])) == "[0.05,0.15]")
    }

    @Test func canonicalJSONRoundTrips() throws {
        let v = JSONValue.sortedObject([
            "b": .array([.int(1), .double(0.5), .double(1e-7), .double(3.0)]), "a": .string("q\"\n\u{1}é"), "c": .null,
        ])
        #expect(v.canonicalJSON == #"{"a":"q\"\n\u0001é","b":[1,0.5,1e-07,3],"c":null}"#)
        let back = try JSONParser.parse(v.canonicalJSON)
        #expect(back.canonicalJSON == v.canonicalJSON)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("{\"a\":1,}") }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("[1] x") }
    }

    /// Specs and pipeline configs resolve scalars alike (DedupYAML.YAMLScalar): `1_000_000` was a
    /// string here and a number in a config.
    @Test func underscoreDigitsAreNumbersInSpecsLikeInConfigs() throws {
        let spec = try TestSupport.spec(
            "version: 1\nname: e\npipeline: {}\nmatrix:\n  strategy: [a]\n  generation.scale: [1_000_000, 20000]\n")
        #expect(spec.axes.first { $0.key == "generation.scale" }?.values == [.int(1_000_000), .int(20000)])
    }

    /// An inline `pipeline:` block reaches the child as YAML text that composes back to the same values.
    @Test func inlinePipelineKeepsItsValues() throws {
        let spec = try TestSupport.spec(
            "version: 1\nname: e\npipeline:\n  generation: {scale: 1_000, chaos: {dup_prob: 0.1}}\n  storage: {codec: 'zstd'}\nmatrix:\n  strategy: [a]\n")
        guard case .inline(let yaml) = spec.base else {
            Issue.record("not inline")
            return
        }
        let config = try PipelineConfig.parse(yaml: yaml, environment: [:])
        #expect(config.generation.scale == 1000)
        #expect(config.storage.codec == .zstd)
    }

    /// `volume:` (the report's cost projection): every key, each with the line it was written on;
    /// events per day as a plain number, with `_` separators, or with a k/M/G/B suffix.
    @Test func volumeSectionParsesWithLines() throws {
        let spec = try TestSupport.spec(
            """
            version: 1
            name: e
            pipeline: {}
            matrix:
              strategy: [a]
            volume:
              events_per_day: 2.5G
              duplicate_rate: 0.3
              retention_days: 90
              batch_interval_s: 60
              vacuum_retention_days: 0
            """)
        let v = try #require(spec.volume)
        #expect(v.eventsPerDay == 2.5e9 && v.duplicateRate == 0.3 && v.retentionDays == 90)
        #expect(v.batchIntervalSeconds == 60 && v.vacuumRetentionDays == 0)
        #expect(v.lines == ["events_per_day": 7, "duplicate_rate": 8, "retention_days": 9, "batch_interval_s": 10, "vacuum_retention_days": 11])
        for (text, value) in [("100000000", 1e8), ("100_000_000", 1e8), ("1e8", 1e8), ("100M", 1e8), ("250k", 250_000), ("1B", 1e9)] {
            let s = try TestSupport.spec("version: 1\nname: e\npipeline: {}\nmatrix:\n  strategy: [a]\nvolume: {events_per_day: \(text)}\n")
            #expect(s.volume?.eventsPerDay == value, "\(text)")
            #expect(s.volume?.duplicateRate == nil && s.volume?.lines.keys.sorted() == ["events_per_day"])
        }
        // No section: nil, so the report falls back to its own defaults.
        #expect(try TestSupport.spec("version: 1\nname: e\npipeline: {}\nmatrix:\n  strategy: [a]\n").volume == nil)
        for bad in ["-5", "0", "'M'", "1e400", "true", "1.5x"] {
            #expect(throws: SpecError.self, "\(bad)") {
                try TestSupport.spec("version: 1\nname: e\npipeline: {}\nmatrix:\n  strategy: [a]\nvolume: {events_per_day: \(bad)}\n")
            }
        }
    }

    /// The section alone, from a file (what the report reads for results recorded before manifests
    /// carried the volume), with the experiment's name; validated like the whole spec.
    @Test func volumeSectionLoadsOnItsOwn() throws {
        let dir = TestSupport.temporaryDirectory("volume")
        defer { TestSupport.remove(dir) }
        let path = dir + "/e.yaml"
        try "version: 1\nname: named\nvolume:\n  retention_days: 14\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (name, volume) = try VolumeSpec.load(experimentFile: path)
        #expect(name == "named" && volume == VolumeSpec(retentionDays: 14, lines: ["retention_days": 4]))
        try "version: 1\nname: named\nvolume:\n  retention_dayz: 14\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try VolumeSpec.load(experimentFile: path)
            Issue.record("an unknown volume key loaded")
        } catch {
            #expect(error.file == path && error.line == 4 && error.message.contains("'retention_days'"))
        }
    }
}
