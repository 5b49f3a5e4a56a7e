import Testing

@testable import DedupPipeline

@Suite struct MemoryEstimateTests {
    @Test("the estimate adds the batch in flight, the verifier's sets and the strategy's index")
    func terms() {
        let n = 11_000_000
        for kind in StrategyKind.allCases {
            let e = MemoryEstimate.bytes(kind, delivered: n, unique: 10_000_000, batches: 10)
            let parts =
                MemoryEstimate.fixed + MemoryEstimate.perBatchRow(kind) * 1_100_000
                + MemoryEstimate.verifierBytes(kind, delivered: n, unique: 10_000_000)
                + MemoryEstimate.indexBytes(kind, keys: 10_000_000)
            #expect(e == parts, "\(kind)")
        }
        // structures with a key index or a key map cost more than the one set of bronze
        let bronze = MemoryEstimate.bytes(.bronzeAppend, delivered: n, unique: n, batches: 10)
        #expect(MemoryEstimate.bytes(.eagerDedup, delivered: n, unique: n, batches: 10) > bronze)
        #expect(MemoryEstimate.bytes(.deltaMerge, delivered: n, unique: n, batches: 10) > bronze)
        #expect(MemoryEstimate.indexBytes(.polarsMerge, keys: n) > MemoryEstimate.indexBytes(.eagerDedup, keys: n))
        #expect(MemoryEstimate.indexBytes(.bronzeAppend, keys: n) == 0)
    }

    @Test("more batches of the same stream need less memory; the scale adds only per-record sets")
    func batchesBoundTheMicroBatch() {
        let few = MemoryEstimate.bytes(.eagerDedup, delivered: 110_000_000, unique: 100_000_000, batches: 10)
        let many = MemoryEstimate.bytes(.eagerDedup, delivered: 110_000_000, unique: 100_000_000, batches: 100)
        #expect(many < few)
        // bronze at 100M in micro-batches of 1.1M: the verifier's set plus one micro-batch, under 4 GB
        let bronze = MemoryEstimate.bytes(.bronzeAppend, delivered: 110_000_000, unique: 100_000_000, batches: 100)
        #expect(bronze < 4 << 30 && bronze > 1 << 30)
    }

    @Test("the batch winners spill above the budget: 10M in memory, 100M on disk; polars_merge at 100M under 4 GB")
    func spill() {
        let budget = VerifierSpill.defaultBudget
        #expect(
            MemoryEstimate.batchWinnerStateBytes(identities: 10_000_000, keys: 10_000_000, keyIsIdentity: false)
                < budget)
        #expect(
            MemoryEstimate.batchWinnerStateBytes(identities: 100_000_000, keys: 100_000_000, keyIsIdentity: false)
                > budget)
        #expect(MemoryEstimate.verifierBytes(.deltaMerge, delivered: 110_000_000, unique: 100_000_000) < 200 << 20)
        let polars = MemoryEstimate.bytes(.polarsMerge, delivered: 110_000_000, unique: 100_000_000, batches: 100)
        #expect(polars < 4 << 30 && polars > 2 << 30)
        // the verifier decides with the same rule
        let winners = TableExpectation.batchWinnerPerKey(key: ["message_id"], sortBy: nil, keepLast: true)
        #expect(Verifier(expectation: winners, expectedRows: 110_000_000, uniqueIds: 100_000_000).isSpilled)
        #expect(!Verifier(expectation: winners, expectedRows: 1_100, uniqueIds: 1_000).isSpilled)
    }

    @Test("huge scales saturate instead of wrapping, and are refused with the estimate")
    func refusal() throws {
        #expect(MemoryEstimate.bytes(.polarsMerge, delivered: Int.max, unique: Int.max, batches: 1) == Int.max)
        var c = PipelineConfig.default
        c.generation.scale = 1_000_000
        try MemoryEstimate.check(c, strategies: StrategyKind.allCases, limit: 8 << 30)
        c.generation.scale = 3_000_000_000
        do {
            try MemoryEstimate.check(c, strategies: [.bronzeAppend], limit: 24 << 30)
            Issue.record("3·10⁹ records do not fit in 24 GiB")
        } catch let e as RunnerError {
            #expect(e.kind == .usage)
            #expect(e.message.hasPrefix("bronze_append at scale 3000000000 in \(c.batches) batches needs about"))
            #expect(e.message.contains("but this machine has 24576 MiB"))
        }
        // the same scale in a memory-rich machine is accepted: the limit is the estimate, not a constant
        c.generation.scale = 2_500_000_000
        c.batches = 10_000
        try MemoryEstimate.check(c, strategies: [.bronzeAppend], limit: 1 << 40)
    }
}
