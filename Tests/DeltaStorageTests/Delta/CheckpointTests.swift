import Foundation
import Testing
@testable import DeltaStorage

/// Checkpoints written by DeltaTable and read back by our log replay: interval, `_last_checkpoint`,
/// cleaned-up logs, multi-part checkpoints, fallbacks and tombstone retention.
@Suite struct CheckpointTests {
    typealias S = DeltaTestSupport
    static let options = DeltaWriteOptions(seed: 7, clock: .fixed(1_736_726_400_000), syncDataFiles: false)

    /// A partitioned table with `commits` appends and one overwrite-by-merge every 4th commit.
    static func makeTable(_ dir: String, commits: Int, interval: Int, retention: String? = nil) throws -> DeltaTable {
        var config = [CheckpointPolicy.intervalKey: String(interval)]
        if let retention { config[CheckpointPolicy.retentionKey] = retention }
        let table = try DeltaTable.create(
            at: dir, schema: S.schema, partitionColumns: ["day"], configuration: config, options: options)
        for c in 1...commits {
            let ids = Int64(c * 10)..<Int64(c * 10 + 5)
            if c % 4 == 0 {
                let snap = try table.snapshot()
                try table.commitReplace(
                    readVersion: snap.version, removing: [snap.files[0]],
                    adding: S.batch(ids: ids, names: ["m"], days: [19_000]))
            } else {
                try table.append(S.batch(ids: ids, names: ["a", nil], days: [19_000, 19_001]))
            }
        }
        return table
    }

    /// Live files and metadata as comparable text.
    static func describe(_ s: DeltaLogState) -> [String] {
        [s.metadata!.id, s.metadata!.schemaString, "\(s.protocolVersions!)"]
            + s.files.map { "\($0.path) \($0.partitionValues) \($0.size) \($0.modificationTime) \($0.stats ?? "-")" }
    }

    @Test func writesEveryIntervalAndReplaysFromTheLatest() throws {
        let dir = S.tempDir("ckpt")
        defer { S.cleanup(dir) }
        let table = try Self.makeTable(dir, commits: 23, interval: 5)
        let log = table.log
        let names = try FileManager.default.contentsOfDirectory(atPath: log.logPath)
        #expect(
            names.filter { $0.hasSuffix(".checkpoint.parquet") }.sorted()
                == [5, 10, 15, 20].map(DeltaLog.checkpointName))
        let hint = try S.read(log.logPath + "/_last_checkpoint")
        #expect(hint.hasPrefix(#"{"version":20,"size":"#) && hint.contains(#""numOfAddFiles":"#))

        let fromCheckpoint = try log.state()
        #expect(fromCheckpoint.checkpointVersion == 20)
        #expect(fromCheckpoint.commitsRead == 3 && fromCheckpoint.checkpointPartsRead == 1)
        let fromJSON = try log.state(history: true)
        #expect(fromJSON.checkpointVersion == nil && fromJSON.history.count == 24)
        #expect(Self.describe(fromCheckpoint) == Self.describe(fromJSON))
        #expect(fromCheckpoint.tombstones.map(\.path) == fromJSON.tombstones.map(\.path))
        #expect(fromCheckpoint.tombstones.count == 5)
        // Time travel below the newest checkpoint uses an older one.
        let v12 = try log.state(version: 12)
        #expect(v12.checkpointVersion == 10 && v12.commitsRead == 2)
        #expect(Self.describe(v12) == Self.describe(try log.state(version: 12, history: true)))
    }

    @Test func inspectNamesTheCheckpointReplayStartsFrom() throws {
        let dir = S.tempDir("ckpt-inspect")
        defer { S.cleanup(dir) }
        _ = try Self.makeTable(dir, commits: 23, interval: 5)
        let newest = try TableDescription.describe(path: dir)
        #expect(newest.replayCheckpoint == 20 && newest.replayCommits == 3)
        #expect(newest.history.count == 24)  // history still comes from every JSON commit
        #expect(newest.text().contains("replay        from the checkpoint of version 20, then 3 JSON commits"))
        let v3 = try TableDescription.describe(path: dir, version: 3)
        #expect(v3.replayCheckpoint == nil && v3.replayCommits == 4)
        #expect(v3.text().contains("no checkpoint: 4 JSON commits from version 0"))
        guard case .object(let pairs) = newest.json, let replay = pairs.first(where: { $0.0 == "replay" })?.1 else {
            Issue.record("no replay key in the JSON description")
            return
        }
        #expect(replay["checkpointVersion"]?.intValue == 20)
    }

    @Test func readsALogWhoseOldCommitsWereCleanedUp() throws {
        let dir = S.tempDir("ckpt-clean")
        defer { S.cleanup(dir) }
        let table = try Self.makeTable(dir, commits: 12, interval: 10)
        let before = try table.snapshot()
        for v in 0..<10 { try FileManager.default.removeItem(atPath: table.log.commitPath(v)) }
        let reopened = try DeltaTable.open(at: dir)
        let after = try reopened.snapshot()
        #expect(after.files == before.files && after.version == 12)
        #expect(try table.log.versions() == [10, 11, 12])
        #expect(try reopened.read().rowCount == before.rowCount)
        // History falls back to the checkpoint too (the early commits are gone).
        #expect(try table.log.state(history: true).history.map(\.version) == [11, 12])
        #expect {
            try table.log.state(version: 9)
        } throws: { error in
            (error as? DeltaError)?.kind == .invalidInput
                && "\(error)".contains("version 9 can no longer be read")
        }
        // Appending keeps working and the next checkpoint is written from the checkpoint state.
        try reopened.append(S.batch(ids: 1000..<1010, names: ["z"], days: [19_002]))
        #expect(try reopened.snapshot().rowCount == (before.rowCount ?? 0) + 10)
    }

    @Test func missingCheckpointNamedByTheHintFallsBackToListing() throws {
        let dir = S.tempDir("ckpt-hint")
        defer { S.cleanup(dir) }
        let table = try Self.makeTable(dir, commits: 14, interval: 5)
        let expected = Self.describe(try table.log.state(history: true))
        // The hint names version 10, whose checkpoint is gone: the listing finds version 5's.
        try FileManager.default.removeItem(atPath: table.log.logPath + "/" + DeltaLog.checkpointName(10))
        let s = try table.log.state()
        #expect(s.checkpointVersion == 5 && s.commitsRead == 9)
        #expect(s.notes.contains { $0.contains("_last_checkpoint names the checkpoint of version 10") })
        #expect(Self.describe(s) == expected)
        // An unreadable hint is ignored the same way.
        try S.write("{not json", to: table.log.logPath + "/_last_checkpoint")
        let t = try table.log.state()
        #expect(t.checkpointVersion == 5 && t.notes.contains { $0.contains("is not usable") })
        // Without any checkpoint and without the early commits the table cannot be rebuilt.
        try FileManager.default.removeItem(atPath: table.log.logPath + "/" + DeltaLog.checkpointName(5))
        try FileManager.default.removeItem(atPath: table.log.commitPath(0))
        #expect {
            try table.log.state()
        } throws: { error in
            (error as? DeltaError)?.kind == .corruptLog
                && "\(error)".contains("the oldest JSON commit is version 1 and no complete checkpoint covers")
        }
    }

    @Test func multiPartCheckpointIsReadAndIncompleteOnesAreIgnored() throws {
        let dir = S.tempDir("ckpt-multi")
        defer { S.cleanup(dir) }
        let table = try Self.makeTable(dir, commits: 9, interval: 100)
        let expected = Self.describe(try table.log.state())
        let r = try table.checkpoint(parts: 3)
        #expect(r.files == (1...3).map { DeltaLog.checkpointName(9, part: $0, of: 3) })
        #expect(try S.read(table.log.logPath + "/_last_checkpoint").contains(#""parts":3"#))
        let s = try table.log.state()
        #expect(s.checkpointVersion == 9 && s.checkpointPartsRead == 3 && s.commitsRead == 0)
        // Parts are hash-partitioned, so the live files come back in another order.
        #expect(Self.describe(s).sorted() == expected.sorted())
        // Rows are spread over the parts by Spark's hash of the path.
        let counts = try r.files.map { try NestedParquetReader(path: table.log.logPath + "/" + $0).rowCount }
        #expect(counts.reduce(0, +) == r.actions && counts.filter { $0 > 0 }.count >= 2)
        // A missing part makes the checkpoint unusable: replay falls back to the JSON commits.
        try FileManager.default.removeItem(atPath: table.log.logPath + "/" + r.files[1])
        let fallback = try table.log.state()
        #expect(fallback.checkpointVersion == nil && Self.describe(fallback) == expected)
    }

    @Test func tombstonesExpireAfterTheRetention() throws {
        let dir = S.tempDir("ckpt-tomb")
        defer { S.cleanup(dir) }
        // Removes are stamped with the fixed clock; a 0-hour retention expires them at once.
        let table = try Self.makeTable(dir, commits: 8, interval: 100, retention: "interval 0 hours")
        #expect(try table.checkpoint().tombstones == 0)
        let kept = try Self.makeTable(dir + "/b", commits: 8, interval: 100, retention: "interval 2 weeks")
        #expect(try kept.checkpoint().tombstones == 2)
        #expect(CheckpointPolicy.intervalMillis("INTERVAL 1 week") == 604_800_000)
        #expect(CheckpointPolicy.intervalMillis("interval 1 day 12 hours") == 129_600_000)
        #expect(CheckpointPolicy.intervalMillis("1 week") == nil)
        #expect(throws: DeltaError.self) { try CheckpointPolicy(configuration: [CheckpointPolicy.intervalKey: "0"]) }
    }

    @Test func aBadIntervalIsReportedWithoutFailingTheCommit() throws {
        let dir = S.tempDir("ckpt-bad")
        defer { S.cleanup(dir) }
        let table = try DeltaTable.create(
            at: dir, schema: S.schema, partitionColumns: [], configuration: [CheckpointPolicy.intervalKey: "ten"],
            options: Self.options)
        let r = try table.append(S.batch(ids: 0..<3, names: ["a"], days: [1]))
        #expect(r.version == 1 && r.checkpoint == nil)
        #expect(r.checkpointError?.contains("delta.checkpointInterval is 'ten'") == true)
    }

    /// Spark's `SELECT hash('')` (no blocks, so equal to standard Murmur3_x86_32 with seed 42).
    @Test func sparkHashOfTheEmptyString() {
        #expect(CheckpointWriter.sparkMurmur3([], seed: 42) == 142_593_372)
    }
}
