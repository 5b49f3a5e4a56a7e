import Foundation
import Testing
@testable import DeltaStorage

/// OPTIMIZE and VACUUM: compaction keeps every row and time travel; vacuum deletes only what no
/// retained version needs; independent readers read the result.
@Suite struct MaintenanceTests {
    /// A partitioned table with five appends of 60 rows (files of ≤ 20 rows): many small files.
    static func smallFilesTable(_ dir: String) throws -> (DeltaTable, [InteropData.Row]) {
        let table = try DeltaTable.create(
            at: dir + "/t", schema: InteropData.schema, partitionColumns: ["part"],
            options: DeltaWriteOptions(targetFileRows: 20, seed: 5))
        var all: [InteropData.Row] = []
        for k in 0..<5 {
            let rows = InteropData.rows(Int64(k * 60)..<Int64(k * 60 + 60), seed: UInt64(k))
            try table.append(InteropData.batch(rows))
            all += rows
        }
        return (table, all)
    }

    static func ids(_ table: DeltaTable, version: Int? = nil) throws -> [Int64] {
        guard case .int64(let v) = try table.read(version: version, columns: ["id"]).columns[0].values else {
            return []
        }
        return v.sorted()
    }

    @Test func optimizeCompactsEachPartitionAndKeepsRows() throws {
        let dir = DeltaTestSupport.tempDir("optimize")
        defer { DeltaTestSupport.cleanup(dir) }
        let (table, rows) = try Self.smallFilesTable(dir)
        let before = try table.snapshot()
        let partitions = Set(before.files.map { $0.partitionValues["part"] ?? nil })
        let r = try table.optimize(targetFileBytes: 64 << 20)
        let after = try table.snapshot()
        #expect(r.version == before.version + 1 && r.filesRemoved == before.files.count)
        #expect(after.files.count == partitions.count)  // one file per partition
        #expect(after.files.allSatisfy { !$0.dataChange })
        #expect(try Self.ids(table) == rows.map(\.id).sorted())
        #expect(try Self.ids(table, version: before.version) == rows.map(\.id).sorted())  // time travel
        let commit = try table.log.readCommit(r.version!)
        for case .remove(let rm) in commit { #expect(!rm.dataChange) }
        #expect(try table.optimize(targetFileBytes: 64 << 20).version == nil)  // nothing left to do
        // A small target leaves files at or above it alone and bins the rest.
        let tiny = try table.optimize(targetFileBytes: 1)
        #expect(tiny.version == nil)
    }

    /// Vacuum keeps what versions inside the retention window need, deletes the rest, and leaves
    /// the log and `_`/`.` files alone.
    @Test func vacuumHonoursRetention() throws {
        let dir = DeltaTestSupport.tempDir("vacuum")
        defer { DeltaTestSupport.cleanup(dir) }
        let (table, rows) = try Self.smallFilesTable(dir)
        let beforeOptimize = try table.snapshot()
        _ = try table.optimize(targetFileBytes: 64 << 20)
        let live = try table.snapshot().files
        try DeltaTestSupport.write("orphan", to: table.path + "/part=zz/orphan.parquet")
        try DeltaTestSupport.write("keep", to: table.path + "/_other/x.bin")
        try DeltaTestSupport.write("keep", to: table.path + "/.hidden")

        // Now: everything was removed seconds ago, so a 1-hour retention deletes nothing.
        #expect(try table.vacuum(retainHours: 1).deleted.isEmpty)
        // Two days later (clock moved), 24 hours: the compacted-away files and the orphan go.
        let now = DeltaClock.system.millis()
        var later = try DeltaTable.open(at: table.path)
        later.options.clock = .fixed(now + 48 * 3_600_000)
        let dry = try later.vacuum(retainHours: 24, dryRun: true)
        #expect(dry.deleted.count == beforeOptimize.files.count + 1)
        #expect(dry.deleted.contains("part=zz/orphan.parquet"))
        let done = try later.vacuum(retainHours: 24)
        #expect(done.deleted == dry.deleted)
        #expect(done.bytesOnDiskAfter == done.bytesOnDiskBefore - done.deletedBytes)
        #expect(FileSystem.exists(table.path + "/_other/x.bin") && FileSystem.exists(table.path + "/.hidden"))
        #expect(!FileSystem.isDirectory(table.path + "/part=zz"))  // emptied partition directory removed
        for f in live { #expect(FileSystem.exists(table.path + "/" + f.relativePath)) }
        #expect(try Self.ids(table) == rows.map(\.id).sorted())
        #expect(try TableDescription.describe(path: table.path).checkFiles().isEmpty)
        #expect(try later.vacuum(retainHours: 24).deleted.isEmpty)  // idempotent
    }

    /// Files removed inside the retention window stay, so time travel to the versions that
    /// still reference them keeps working.
    @Test func vacuumKeepsFilesOfRetainedVersions() throws {
        let dir = DeltaTestSupport.tempDir("vacuum-retained")
        defer { DeltaTestSupport.cleanup(dir) }
        let t0: Int64 = 1_700_000_000_000
        var table = try DeltaTable.create(
            at: dir + "/t", schema: DeltaTestSupport.schema, partitionColumns: [],
            options: DeltaWriteOptions(seed: 1, clock: .fixed(t0)))
        try table.append(DeltaTestSupport.batch(ids: 0..<10, names: ["a"], days: [1]))  // v1 at t0
        table.options.clock = .fixed(t0 + 10 * 3_600_000)
        try table.overwrite(DeltaTestSupport.batch(ids: 10..<20, names: ["b"], days: [1]))  // v2 removes v1's file
        // Date the files back to t0, so only the tombstone rule can protect them.
        for f in try FileSystem.walk(table.path) where f.path.hasSuffix(".parquet") {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSince1970: Double(t0) / 1000)],
                ofItemAtPath: table.path + "/" + f.path)
        }
        // 15 hours after t0: v1's file was removed 5 h ago → needed for a 12 h retention.
        table.options.clock = .fixed(t0 + 15 * 3_600_000)
        #expect(try table.vacuum(retainHours: 12).deleted.isEmpty)
        #expect(try Self.ids(table, version: 1) == Array(0..<10))
        // 30 hours after t0 it was removed 20 h ago: deleted; the live file stays.
        table.options.clock = .fixed(t0 + 30 * 3_600_000)
        let r = try table.vacuum(retainHours: 12)
        #expect(r.deleted.count == 1 && r.keptFiles == 1)
        #expect(try Self.ids(table) == Array(10..<20))
    }
}
