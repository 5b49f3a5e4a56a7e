import DeltaStorage
import Testing

@testable import DedupPipeline

/// OPTIMIZE between micro-batches (`maintenance.optimize_every`) must not change what any strategy
/// writes: a compaction moves rows into other files (`dataChange: false`), and a strategy that
/// remembers which file holds a key (`polars_merge`) must follow it (`DedupStrategy.tableCompacted`).
/// Red-team reproducer: `pipeline --source synthetic --mode chaos --scale 3000 --batches 6 --seed 2
/// --strategy polars_merge --set maintenance.optimize_every=2` failed with "cannot remove …: it is
/// not a live file of version 3".
@Suite("Maintenance during a run, every strategy") struct MaintenanceDuringRunTests {
    /// Runs `strategy` with and without `maintenance.optimize_every = every` on the same input and
    /// checks both succeed with the same rows and checksum, and that compactions really happened.
    func compare(
        _ strategy: StrategyKind, source: SourceKind = .synthetic, every: Int, batches: Int, seed: UInt64
    ) throws {
        let dir = RunTestSupport.tempDir("optimize-run-\(strategy.rawValue)-\(every)")
        defer { RunTestSupport.remove(dir) }
        let config = try RunTestSupport.config(
            source: source, mode: .chaos, scale: 3000, batches: batches,
            extra: [("maintenance.optimize_every", "\(every)")])
        let plain = try RunTestSupport.config(source: source, mode: .chaos, scale: 3000, batches: batches)
        let m = try PipelineRunner.run(config: config, strategy: strategy, seed: seed, outDir: dir + "/m")
        let p = try PipelineRunner.run(config: plain, strategy: strategy, seed: seed, outDir: dir + "/p")
        #expect(m.succeeded && p.succeeded, "\(m.error) | \(p.error)")
        #expect(m.checksum == p.checksum && m.rowsWritten == p.rowsWritten && m.rowsWritten > 0)
        // at least one OPTIMIZE committed (a run whose compaction found nothing to do tests nothing)
        #expect(m.commits > p.commits && m.maintenanceS > 0)
    }

    @Test("optimize_every 2 (chaos, 6 batches, the red team's seed): same table as without", arguments: StrategyKind.allCases)
    func everyStrategy(strategy: StrategyKind) throws {
        try compare(strategy, every: 2, batches: 6, seed: 2)
    }

    @Test(
        "polars_merge follows compactions after every batch and every third, synthetic and pubsub",
        arguments: [(SourceKind.synthetic, 1), (.synthetic, 3), (.pubsub, 2)])
    func polarsMergeCadence(source: SourceKind, every: Int) throws {
        try compare(.polarsMerge, source: source, every: every, batches: 6, seed: 2)
    }

    @Test("polars_merge after an OPTIMIZE: tableCompacted re-reads the added files' keys (one GET each); without it the merge fails")
    func polarsMergeHook() throws {
        for tell in [true, false] {
            let dir = RunTestSupport.tempDir("optimize-hook-\(tell)")
            defer { RunTestSupport.remove(dir) }
            var s = try StrategyTests.make(PolarsMerge.self)
            var t = try StrategyTests.makeTable(s, dir)
            var timer = PhaseTimer()
            try s.start(&t, expectedKeys: 0)
            for b in [StrategyTests.batch(Array(0..<300)), StrategyTests.batch(Array(300..<600))] {
                try s.process(b, &t, &timer)
            }
            let r = try t.optimize(targetFileBytes: 64 << 20)
            #expect(r.version != nil && r.filesRemoved > r.filesAdded && r.removed.count == r.filesRemoved)
            #expect(r.added.count == r.filesAdded)
            let gets = t.counters.getRequests
            if tell { try s.tableCompacted(r, &t) }
            #expect(t.counters.getRequests == gets + (tell ? r.filesAdded : 0))
            // redeliveries of both batches' messages, with new values: each replaces its row
            let again = Array(0..<10) + Array(590..<600)
            let late = StrategyTests.batch(again, values: again.map { _ in 7 })
            if tell {
                try s.process(late, &t, &timer)
                let rows = try StrategyTests.rows(t)
                #expect(StrategyTests.seqs(rows) == (0..<600).map(Int64.init))
                #expect(again.allSatisfy { StrategyTests.value(of: Int64($0), in: rows) == [7] })
            } else {
                // the index still names the removed files: the commit is refused, never wrong
                #expect(throws: (any Error).self) { try s.process(late, &t, &timer) }
            }
        }
    }
}
