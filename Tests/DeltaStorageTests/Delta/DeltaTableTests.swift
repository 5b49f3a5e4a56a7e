import Foundation
import Testing
@testable import DeltaStorage

/// DeltaTable writes and reads through our own Parquet writer and reader.
@Suite struct DeltaTableTests {
    typealias S = DeltaTestSupport

    /// Rows sorted by id, as comparable tuples of their printed values.
    static func rows(_ b: ColumnBatch) -> [String] {
        let idx = b.schema.index(of: "id")!
        guard case .int64(let ids) = b.columns[idx].values else { return [] }
        let order = ids.indices.sorted { ids[$0] < ids[$1] }
        return order.map { r in
            b.columns.enumerated().map { c, col -> String in
                if col.isNull(r) { return "null" }
                switch col.values {
                case .int32(let v): return "\(v[r])"
                case .int64(let v): return "\(v[r])"
                case .double(let v): return "\(v[r])"
                case .boolean(let v): return "\(v[r])"
                case .bytes(let v): return b.schema.fields[c].type == .string ? v.string(at: r) : "\(Array(v[r]))"
                }
            }.joined(separator: "|")
        }
    }

    static let options = DeltaWriteOptions(seed: 42, clock: .fixed(1_736_726_400_000))

    @Test func appendOverwriteAndTimeTravel() throws {
        let dir = S.tempDir("table")
        defer { S.cleanup(dir) }
        let table = try DeltaTable.create(at: dir, schema: S.schema, partitionColumns: ["day"], options: Self.options)
        let first = S.batch(ids: 0..<100, names: ["a", nil, "c"], days: [19_000, 19_001, -3])
        let r1 = try table.append(first)
        #expect(r1.version == 1)
        #expect(r1.added.count == 3)
        #expect(r1.filesWritten == 4)
        #expect(Set(r1.added.map { $0.partitionValues["day"]! }) == ["2022-01-08", "2022-01-09", "1969-12-29"])
        #expect(
            r1.added.allSatisfy {
                $0.relativePath.hasPrefix("day=") && FileSystem.fileSize(dir + "/" + $0.relativePath) == $0.size
            })
        #expect(r1.added.map { $0.numRecords ?? 0 }.reduce(0, +) == 100)
        let second = S.batch(ids: 100..<130, names: ["z"], days: [19_002])
        let r2 = try table.overwrite(second)
        #expect(r2.version == 2 && r2.removed.count == 3 && r2.added.count == 1)

        #expect(Self.rows(try table.read(version: 1)) == Self.rows(first))
        #expect(Self.rows(try table.read()) == Self.rows(second))
        #expect(try table.read(version: 0).rowCount == 0)
        let snap = try table.snapshot(version: 1)
        #expect(snap.rowCount == 100 && snap.partitionColumns == ["day"] && snap.schema == S.schema)
        #expect(try table.snapshot().files.map(\.path) == r2.added.map(\.path))

        let usage = try table.usage()
        #expect(usage.version == 2 && usage.liveFiles == 1 && usage.liveBytes == r2.added[0].size)
        #expect(usage.filesOnDisk == 4 + 3)  // 4 data files (3 removed, kept until vacuum) + 3 commits
        let dataBytes = (r1.added + r2.added).reduce(0) { $0 + $1.size }
        #expect(usage.bytesOnDisk == dataBytes + usage.logBytes && usage.logFiles == 3)
    }

    @Test func readsSelectedColumnsIncludingPartitionColumn() throws {
        let dir = S.tempDir("cols")
        defer { S.cleanup(dir) }
        let table = try DeltaTable.create(at: dir, schema: S.schema, partitionColumns: ["name"], options: Self.options)
        try table.append(S.batch(ids: 0..<10, names: ["x/y", "a b", "100%", "k=v", "ü", nil, ""], days: [1]))
        let b = try table.read(columns: ["name", "id"])
        #expect(b.schema.names == ["name", "id"])
        var byId: [Int64: String?] = [:]
        guard case .int64(let ids) = b.columns[1].values, case .bytes(let names) = b.columns[0].values else {
            Issue.record("unexpected column types")
            return
        }
        for i in 0..<b.rowCount { byId[ids[i]] = b.columns[0].isNull(i) ? nil : names.string(at: i) }
        let expected: [String?] = ["x/y", "a b", "100%", "k=v", "ü", nil, nil]  // "" is null in Delta partitions
        for id in 0..<10 { #expect(byId[Int64(id)]! == expected[id % 7], "id \(id)") }
        let dirs = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("name=") }.sorted()
        #expect(
            dirs == [
                "name=100%25", "name=__HIVE_DEFAULT_PARTITION__", "name=a b", "name=k%3Dv", "name=x%2Fy", "name=ü",
            ])
    }

    @Test func sameSeedGivesSameBytes() throws {
        var logs: [[String]] = []
        for _ in 0..<2 {
            let dir = S.tempDir("seed")
            defer { S.cleanup(dir) }
            let table = try DeltaTable.create(
                at: dir, schema: S.schema, partitionColumns: ["day"], options: Self.options)
            try table.append(S.batch(ids: 0..<50, names: ["a"], days: [1, 2]))
            try table.overwrite(S.batch(ids: 0..<5, names: ["b"], days: [3]))
            logs.append(try (0...2).map { try S.read(table.log.commitPath($0)) })
        }
        #expect(logs[0] == logs[1])
        #expect(logs[0][1].contains("part-00000-") && logs[0][1].hasSuffix("}\n"))
    }

    @Test func targetFileRowsSplitsPartitions() throws {
        let dir = S.tempDir("split")
        defer { S.cleanup(dir) }
        var opts = Self.options
        opts.targetFileRows = 40
        let table = try DeltaTable.create(at: dir, schema: S.schema, partitionColumns: ["day"], options: opts)
        let r = try table.append(S.batch(ids: 0..<100, names: ["a"], days: [5]))
        #expect(r.added.map { $0.numRecords! } == [33, 33, 34])
        #expect(Set(r.added.map(\.path)).count == 3)
        #expect(try table.read().rowCount == 100)
    }

    /// The documented layout: partitions by first appearance, rows in order, consecutive files.
    @Test func addedFilesFollowPartitionOrderAndRowOrder() throws {
        let dir = S.tempDir("layout")
        defer { S.cleanup(dir) }
        var opts = Self.options
        opts.targetFileRows = 7
        let table = try DeltaTable.create(at: dir, schema: S.schema, partitionColumns: ["day"], options: opts)
        let batch = S.batch(ids: 0..<30, names: ["a"], days: [9, 4, 9])  // days interleaved: 9 4 9 9 4 9 …
        let r = try table.append(batch)
        #expect(
            r.added.map { $0.partitionValues["day"]! } == [
                "1970-01-10", "1970-01-10", "1970-01-10", "1970-01-05", "1970-01-05",
            ])
        var expectedIds: [Int64] = []
        for day: Int32 in [9, 4] { expectedIds += (0..<30).filter { [9, 4, 9][$0 % 3] == day }.map(Int64.init) }
        var ids: [Int64] = []
        for f in r.added {
            guard case .int64(let v) = try table.read(files: [f], columns: ["id"]).columns[0].values else { return }
            ids += v
        }
        #expect(ids == expectedIds)
        #expect(r.added.map { $0.numRecords! } == [6, 7, 7, 5, 5])
    }

    @Test func commitReplaceDetectsConflicts() throws {
        let dir = S.tempDir("replace")
        defer { S.cleanup(dir) }
        let table = try DeltaTable.create(at: dir, schema: S.schema, partitionColumns: ["day"], options: Self.options)
        try table.append(S.batch(ids: 0..<30, names: ["a"], days: [1, 2, 3]))
        let snap = try table.snapshot()
        let target = snap.files[0]
        let kept = try table.read(files: [target]).rowCount
        let replacement = S.batch(ids: 1000..<1005, names: ["r"], days: [1])
        let r = try table.commitReplace(
            readVersion: snap.version, removing: [target], adding: replacement, metrics: ["numTargetRowsUpdated": 5])
        #expect(r.version == 2 && r.retries == 0)
        #expect(try table.read().rowCount == 30 - kept + 5)
        #expect(try S.read(table.log.commitPath(2)).contains(#""operation":"MERGE""#))
        // A second writer that read version 1 and removes the same file must fail…
        #expect {
            try table.commitReplace(readVersion: snap.version, removing: [target], adding: replacement)
        } throws: { ($0 as? DeltaError)?.kind == .conflict }
        // …one that removes another file is renumbered and succeeds.
        let other = try table.commitReplace(
            readVersion: snap.version, removing: [snap.files[1]], adding: nil, operation: "DELETE")
        #expect(other.version == 3 && other.retries == 1)
        #expect(try table.snapshot().files.count == 2)
        // The failed commit left no data files behind: 3 + 1 from the replace only.
        #expect(try table.usage().filesOnDisk == 4 + 4)
    }

    @Test func racingThreadsBothCommit() throws {
        let dir = S.tempDir("race")
        defer { S.cleanup(dir) }
        _ = try DeltaTable.create(at: dir, schema: S.schema, partitionColumns: ["day"], options: Self.options)
        let barrier = Barrier(parties: 2)
        let opts = DeltaWriteOptions(beforePublish: { version in if version == 1 { barrier.arrive() } })
        let results = concurrentMap(2) { i in
            try DeltaTable.open(at: dir, options: opts).append(
                S.batch(ids: Int64(i * 10)..<Int64(i * 10 + 10), names: ["w\(i)"], days: [7]))
        }
        let versions = try results.map { try $0.get() }.map(\.version).sorted()
        #expect(versions == [1, 2])
        #expect(try results.map { try $0.get().retries }.sorted() == [0, 1])
        #expect(try DeltaTable.open(at: dir).read().rowCount == 20)
    }

    @Test func badInputIsRejectedBeforeWriting() throws {
        let dir = S.tempDir("bad")
        defer { S.cleanup(dir) }
        let table = try DeltaTable.create(at: dir, schema: S.schema, partitionColumns: ["day"], options: Self.options)
        var nullIds = S.batch(ids: 0..<3, names: ["a"], days: [1])
        nullIds.columns[0].validity = [true, false, true]
        #expect { try table.append(nullIds) } throws: {
            ($0 as? DeltaError)?.message.hasSuffix(
                "column 'id' is NOT NULL in the table but row 1 of the batch is null") == true
        }
        let wrong = S.batch(ids: 0..<3, names: ["a"], days: [1]).selecting(["id", "name"])
        #expect { try table.append(wrong) } throws: {
            ($0 as? DeltaError)?.message.contains("missing: day, ts, flag") == true
        }
        #expect {
            try DeltaTable.create(at: dir, schema: S.schema, partitionColumns: [], options: Self.options)
        } throws: { ($0 as? DeltaError)?.kind == .tableExists }
        #expect { try DeltaTable.create(at: dir + "/x", schema: S.schema, partitionColumns: ["nope"]) } throws: {
            ($0 as? DeltaError)?.kind == .invalidInput
        }
        #expect(try table.usage().filesOnDisk == 1)
    }

    @Test func reorderedBatchColumnsAreAccepted() throws {
        let dir = S.tempDir("order")
        defer { S.cleanup(dir) }
        let table = try DeltaTable.create(at: dir, schema: S.schema, partitionColumns: [], options: Self.options)
        let b = S.batch(ids: 0..<4, names: ["q"], days: [2])
        try table.append(b.selecting(["flag", "ts", "day", "name", "id"]))
        #expect(Self.rows(try table.read()) == Self.rows(b))
    }
}

/// Lets `parties` threads wait for each other (with a timeout so a bug cannot hang the suite).
final class Barrier: @unchecked Sendable {
    private let condition = NSCondition()
    private var arrived = 0
    private let parties: Int

    init(parties: Int) { self.parties = parties }

    func arrive() {
        condition.lock()
        arrived += 1
        condition.broadcast()
        let deadline = Date().addingTimeInterval(10)
        while arrived < parties && condition.wait(until: deadline) {}
        condition.unlock()
    }
}
