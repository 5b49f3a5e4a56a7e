import DedupFormats
import DeltaStorage
import Testing

@testable import DedupPipeline

@Suite("File layout") struct FileLayoutTests {
    @Test("rows group by partition (first appearance), then sort by the cluster column, stable")
    func order() {
        let batch = ColumnBatch(
            schema: Schema([Field("p", .date), Field("k", .long)]),
            columns: [Column(.int32([2, 1, 2, 1, 2])), Column(.int64([30, 20, 10, 20, 40]))])
        #expect(FileLayout.order(batch, partitionColumns: ["p"], clusterBy: "k") == [2, 0, 4, 1, 3])
        #expect(FileLayout.order(batch, partitionColumns: ["p"], clusterBy: nil) == [0, 2, 4, 1, 3])
        #expect(FileLayout.order(batch, partitionColumns: [], clusterBy: "k") == [2, 1, 3, 0, 4])
    }
}

@Suite("Clustered merge files") struct ClusteredFilesTests {
    @Test("delta_merge writes files sorted by the cluster column with disjoint ranges")
    func clustered() throws {
        let dir = RunTestSupport.tempDir("clustered")
        defer { RunTestSupport.remove(dir) }
        var s = try StrategyTests.make(DeltaMerge.self, ["key_buckets": .int(4)])
        var t = try StrategyTests.makeTable(s, dir)
        var timer = PhaseTimer()
        var order = Array(0..<400)
        var rng = SplitMix64(seed: 3)
        order.shuffle(using: &rng)
        try s.process(StrategyTests.batch(order), &t, &timer)
        var ranges: [(Int64, Int64)] = []
        for f in try t.snapshot().files {
            let seqs = try t.table.read(files: [f], columns: [RecordSchema.sequenceId])
            guard case .int64(let v) = seqs.columns[0].values else { continue }
            #expect(v == v.sorted())
            ranges.append((v.first!, v.last!))
        }
        ranges.sort { $0.0 < $1.0 }
        #expect(ranges.count == 4)
        for i in 1..<ranges.count { #expect(ranges[i - 1].1 < ranges[i].0) }
    }
}
