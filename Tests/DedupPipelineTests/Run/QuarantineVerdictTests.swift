import DeltaStorage
import Foundation
import Testing

@testable import DedupPipeline

/// Issue 9 §1 (quarantine is loud, a threshold fails the run) and §3 (verdicts that cannot lie).
@Suite struct QuarantineVerdictTests {
    static let good =
        #"{"message_id":"m0000001","sequence_id":1,"partition_id":0,"created_at":1736726400,"value":150,"zipcode":"10007"}"#
    static let bad = #"{"message_id":"m0000002","sequence_id":"two"}"#

    static func fileConfig(_ path: String, extra: [(String, String)] = []) throws -> PipelineConfig {
        try PipelineConfig.defaults(
            overrides: [("source.type", "file"), ("source.path", path), ("batches", "2")] + extra.map { ($0.0, $0.1) })
    }

    @Test func everyLineBadFailsEveryStrategyLoudly() throws {
        let dir = RunTestSupport.tempDir("all-bad")
        defer { RunTestSupport.remove(dir) }
        let input = dir + "/input.jsonl"
        try ([Self.bad, "not json", Self.bad].joined(separator: "\n") + "\n").write(
            toFile: input, atomically: true, encoding: .utf8)
        let runs = try PipelineRunner.run(
            config: try Self.fileConfig(input), strategies: StrategyKind.allCases, outDir: dir + "/out")
        #expect(runs.count == 4)
        for m in runs {
            #expect(m.status == ResultColumns.statusFailed)
            #expect(m.quarantined == 3)
            #expect(m.error.hasPrefix("no records loaded from \(input): 3 lines quarantined"))
            #expect(m.error.contains("\(input):1: sequence_id must be an integer"))
            #expect(m.jsonLine.contains("\"quarantined\":3"))
        }
        // The quarantine file is next to the tables, one per run, never in ./data.
        #expect(FileManager.default.fileExists(atPath: dir + "/out/quarantine.jsonl"))
        #expect(ComparisonTable.render(runs).contains("quarantined"))
    }

    @Test func thresholdCountsOrFractionsAndDefaultsToZero() throws {
        let dir = RunTestSupport.tempDir("threshold")
        defer { RunTestSupport.remove(dir) }
        let input = dir + "/input.jsonl"
        let lines = (0..<9).map { Self.good.replacingOccurrences(of: "m0000001", with: "m000000\($0)") } + [Self.bad]
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        func run(_ extra: [(String, String)], _ name: String) throws -> RunMetrics {
            try PipelineRunner.run(
                config: try Self.fileConfig(input, extra: extra), strategy: .eagerDedup, outDir: dir + "/" + name)
        }
        let strict = try run([], "strict")
        #expect(!strict.succeeded && strict.failure == .input)
        #expect(strict.error.contains("1 of 10 input lines quarantined, more than file.max_quarantined allows (0 lines)"))
        #expect(try run([("file.max_quarantined", "1")], "count").succeeded)
        #expect(try run([("file.max_quarantined", "0.1")], "fraction").succeeded)
        let tight = try run([("file.max_quarantined", "0.05")], "tight")
        #expect(tight.error.contains("more than file.max_quarantined allows (5% of the lines)"))
        #expect(tight.quarantined == 1 && tight.recordsIn == 9)
        for bad in ["-1", "1.5", "lots"] {
            #expect(throws: ConfigError.self) { try Self.fileConfig(input, extra: [("file.max_quarantined", bad)]) }
        }
    }

    @Test func quarantineFilesAreNeverOverwritten() throws {
        let dir = RunTestSupport.tempDir("no-overwrite")
        defer { RunTestSupport.remove(dir) }
        let input = dir + "/input.jsonl"
        try (Self.good + "\n" + Self.bad + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let q = dir + "/q/quarantine.jsonl"
        let first = try FileSource(files: [input], quarantinePath: q).produce()
        let second = try FileSource(files: [input], quarantinePath: q).produce()
        #expect(first.quarantinePath == q)
        #expect(second.quarantinePath == dir + "/q/quarantine-2.jsonl")
        #expect(FileManager.default.fileExists(atPath: q))
        // An input glob never reads the quarantine files back.
        #expect(throws: SourceError.self) {
            try FileSource(config: try Self.fileConfig(dir + "/q/*.jsonl", extra: [("file.quarantine_path", q)]))
        }
    }

    /// §3: a message redelivered with another created_at lands in another partition_date; every
    /// dedup strategy must still end with one row per key (delta_merge finds the old copy in the
    /// other partition), and a duplicate left would fail the run.
    @Test func copiesInDifferentPartitionsAreStillOneKey() throws {
        let dir = RunTestSupport.tempDir("cross-partition")
        defer { RunTestSupport.remove(dir) }
        let input = dir + "/input.jsonl"
        func line(_ id: String, _ seq: Int, _ created: String) -> String {
            #"{"message_id":"\#(id)","sequence_id":\#(seq),"partition_id":0,"created_at":"\#(created)","value":150,"zipcode":"10007"}"#
        }
        let lines = [
            line("dup00001", 1, "2025-01-13T23:59:59.999999Z"), line("uniq0002", 2, "2025-01-13T10:00:00Z"),
            // batch 2: the redelivery, one day later
            line("dup00001", 1, "2025-01-14T00:00:00.5Z"), line("uniq0003", 3, "2025-01-14T10:00:00Z"),
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let runs = try PipelineRunner.run(
            config: try Self.fileConfig(input), strategies: [.eagerDedup, .polarsMerge, .deltaMerge], outDir: dir + "/o")
        for m in runs {
            #expect(m.succeeded, "\(m.strategy): \(m.error)")
            #expect(m.duplicatesLeft == 0 && m.rowsWritten == 3, "\(m.strategy)")
        }
        // delta_merge with a key that determines the partition may prune by partition; the default may not.
        #expect(!DeltaMerge.keyDeterminesPartition(mergeKey: ["message_id"], partitionColumns: ["partition_date"]))
        #expect(DeltaMerge.keyDeterminesPartition(mergeKey: ["message_id", "created_at"], partitionColumns: ["partition_date"]))
    }

    /// A table that holds a duplicate key fails a dedup strategy's verification.
    @Test func aDuplicateLeftFailsADedupStrategy() throws {
        let config = try RunTestSupport.config(scale: 400, batches: 2)
        let input = try PipelineRunner.produce(config: config, seed: 3)
        let dir = RunTestSupport.tempDir("dup-left")
        defer { RunTestSupport.remove(dir) }
        let m = try PipelineRunner.run(input, strategy: .eagerDedup, tableDir: dir + "/t") { table in
            DuplicatingContents(inner: DeltaTableContents(table: table))
        }
        #expect(!m.succeeded)
        #expect(m.duplicatesLeft == 1)
        #expect(m.error.contains("1 duplicate keys left in the table of a dedup strategy"))
    }
}

/// Reads a table and repeats its first row once (a strategy that left a duplicate behind).
struct DuplicatingContents: TableContents {
    let inner: any TableContents
    func forEachBatch(columns: [String], _ body: (ColumnBatch) throws -> Void) throws {
        var first = true
        try inner.forEachBatch(columns: columns) { batch in
            try body(batch)
            if first, batch.rowCount > 0 {
                first = false
                try body(batch.gatherRows([0]))
            }
        }
    }
}
