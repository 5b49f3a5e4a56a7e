import DeltaStorage
import Foundation
import Testing

@testable import DedupPipeline

@Suite("Pipeline runs") struct PipelineRunnerTests {
    static let sources: [(SourceKind, GenerationMode)] = [
        (.synthetic, .speed), (.synthetic, .chaos), (.pubsub, .chaos), (.file, .speed),
    ]

    @Test("every source × strategy runs and verifies itself", arguments: 0..<4)
    func everySourceAndStrategy(sourceIndex: Int) throws {
        let (source, mode) = Self.sources[sourceIndex]
        let dir = RunTestSupport.tempDir("matrix-\(source.rawValue)-\(mode.rawValue)")
        defer { RunTestSupport.remove(dir) }
        var extra: [(String, String)] = []
        if source == .file {
            extra = [
                ("source.path", try RunTestSupport.jsonlFile(in: dir, count: 1500)),
                ("file.quarantine_path", dir + "/q.jsonl"),
            ]
        }
        let config = try RunTestSupport.config(source: source, mode: mode, scale: 2500, extra: extra)
        let runs = try PipelineRunner.run(
            config: config, strategies: StrategyKind.allCases, seed: 7, outDir: dir + "/tables")
        #expect(runs.count == 4)
        for m in runs {
            #expect(m.status == "ok", "\(source)/\(m.strategy): \(m.error)")
            #expect(m.recordsIn > m.uniqueIn, "the input must hold duplicates for the test to mean something")
            #expect(m.lostRecords == 0)
            #expect(m.rowsWritten == m.rowsExpected)
            #expect(m.checksum.count == 16)
            if m.strategy == "bronze_append" {
                #expect(m.rowsWritten == m.recordsIn)
                #expect(m.duplicatesLeft == m.duplicatesIn)
            } else {
                #expect(m.duplicatesLeft == 0, "\(m.strategy)")
                #expect(m.rowsWritten == m.uniqueIn, "\(m.strategy)")
            }
        }
        // last-arrival strategies hold identical content; first-arrival (eager) too unless the
        // records carry delivery columns (pubsub's arrival_ts/arrival_index differ per delivery)
        let byName = Dictionary(uniqueKeysWithValues: runs.map { ($0.strategy, $0) })
        #expect(byName["polars_merge"]!.checksum == byName["delta_merge"]!.checksum)
        if source != .pubsub { #expect(byName["eager_dedup"]!.checksum == byName["delta_merge"]!.checksum) }
    }

    @Test("same seed → same rows, bytes and checksums; another seed differs")
    func deterministic() throws {
        let dir = RunTestSupport.tempDir("determinism")
        defer { RunTestSupport.remove(dir) }
        let config = try RunTestSupport.config(mode: .chaos, scale: 2000)
        func once(_ sub: String, seed: UInt64) throws -> [RunMetrics] {
            try PipelineRunner.run(
                config: config, strategies: StrategyKind.allCases, seed: seed, outDir: dir + "/" + sub)
        }
        let a = try once("a", seed: 11)
        let b = try once("b", seed: 11)
        let c = try once("c", seed: 12)
        for (x, y) in zip(a, b) {
            for col in ResultColumns.deterministic {
                #expect(x.value(col) == y.value(col), "\(x.strategy) \(col)")
            }
        }
        #expect(a[0].checksum != c[0].checksum)
    }

    @Test("an existing table directory is refused without force and replaced with it")
    func existingOutput() throws {
        let dir = RunTestSupport.tempDir("force")
        defer { RunTestSupport.remove(dir) }
        let config = try RunTestSupport.config(scale: 500, batches: 2)
        _ = try PipelineRunner.run(config: config, strategy: .bronzeAppend, seed: 1, outDir: dir)
        #expect(throws: RunnerError.self) {
            _ = try PipelineRunner.run(config: config, strategy: .bronzeAppend, seed: 1, outDir: dir)
        }
        let again = try PipelineRunner.run(config: config, strategy: .bronzeAppend, seed: 1, outDir: dir, force: true)
        #expect(again.succeeded)
        #expect(again.commits == 3)  // create + 2 appends: the old table is gone
    }

    @Test("metrics: JSON keys are result columns in order; requests and timings are filled")
    func metricsShape() throws {
        let dir = RunTestSupport.tempDir("metrics")
        defer { RunTestSupport.remove(dir) }
        let config = try RunTestSupport.config(scale: 4000, batches: 4)
        let m = try PipelineRunner.run(config: config, strategy: .polarsMerge, seed: 3, outDir: dir)
        guard case .object(let pairs) = m.jsonObject else {
            Issue.record("not an object")
            return
        }
        let keys = pairs.map(\.0)
        #expect(keys == RunMetrics.columns)
        let positions = keys.map { ResultColumns.all.firstIndex(of: $0)! }
        #expect(positions == positions.sorted())
        #expect(m.commits >= 5)  // create + one per batch
        #expect(m.putRequests == m.commits + m.filesWritten)  // small files: one PUT each
        #expect(m.getRequests > 0)  // cross-batch duplicates made it read files back
        #expect(m.wallS > 0 && m.wallS >= m.dedupS + m.writeS - 1e-9 && m.hashS > 0)  // hashing overlaps writes
        #expect(m.throughputRps > 0 && m.peakRssBytes > 0 && m.cpuS > 0)
        #expect(m.liveBytes > 0 && m.tableBytes > m.liveBytes)
        #expect(abs(m.dupProb - 0.2) < 1e-12 && m.hashAlgorithm == "sha256" && m.codec == "snappy")
    }
}
