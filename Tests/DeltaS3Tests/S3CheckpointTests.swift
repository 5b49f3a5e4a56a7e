import DeltaStorage
import Foundation
import Testing

@testable import DeltaS3

/// Checkpoints, `_last_checkpoint`, inspection checks, optimize and vacuum on a table in S3
/// (moto on loopback): every one of them goes through the table's object store.
@Suite(.enabled(if: S3TestServer.shouldRun, "needs moto's server: run `make setup`"), .serialized)
struct S3CheckpointTests {
    @Test func tableWithTwelveCommitsCheckpointsReadsOptimizesAndVacuums() throws {
        let server = try S3TestServer.start()
        defer { server.stop() }
        let store = try server.store(bucket: "ckpt")
        let batch = DeltaBenchmark.bronzeBatch(rows: 20, seed: 7)
        let table = try DeltaTable.create(in: store, schema: batch.schema, partitionColumns: [])
        var checkpoints: [Int] = []
        for _ in 1...12 {
            let r = try table.append(batch)
            #expect(r.checkpointError == nil)
            if let c = r.checkpoint { checkpoints.append(c.version) }
        }
        #expect(checkpoints == [10])
        let log = try store.list(prefix: "_delta_log/").map(\.key)
        #expect(log.contains("_delta_log/" + DeltaLog.checkpointName(10)))
        #expect(log.contains("_delta_log/_last_checkpoint"))
        let state = try DeltaLog(store: store).state()
        #expect(state.checkpointVersion == 10)
        #expect(state.commitsRead == 2)
        #expect(try table.read().rowCount == 240)

        // The JSON commits the checkpoint covers can go: the table still reads from S3.
        for v in 0..<10 { try store.delete(DeltaLog.commitKey(v)) }
        let reopened = try DeltaTable.open(in: store)
        #expect(try reopened.log.versions() == Array(10...12))
        #expect(try reopened.read().rowCount == 240)
        let d = try TableDescription.describe(store: store)
        #expect(d.liveRows == 240)
        #expect(d.checkFiles(store: store).isEmpty)

        // Optimize compacts the 12 files through the store; vacuum then deletes them from S3.
        let o = try reopened.optimize(targetFileBytes: 1 << 20)
        #expect(o.filesRemoved == 12)
        #expect(o.filesAdded == 1)
        let v = try reopened.vacuum(retainHours: 0)
        #expect(v.deleted.count == 12)
        let dataKeys = try store.list(prefix: "").map(\.key).filter { !$0.hasPrefix("_delta_log/") }
        #expect(dataKeys.count == 1)
        #expect(try DeltaTable.open(in: store).read().rowCount == 240)
    }
}
