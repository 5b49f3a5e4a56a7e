import DeltaStorage
import Testing

@testable import DedupPipeline

@Suite struct DeliveryModelTests {
    static func config(
        _ kind: SourceKind, mode: GenerationMode = .chaos, scale: Int, dup: Double = 0.1,
        slow: Double = 0.1, drop: Double = 0
    ) -> PipelineConfig {
        var c = PipelineConfig.default
        c.source.kind = kind
        c.generation.mode = mode
        c.generation.scale = scale
        c.generation.chaos = ChaosSettings(dupProb: .fixed(dup), slowProb: .fixed(slow), dropProb: .fixed(drop))
        return c
    }

    static func int64s(_ b: ColumnBatch, _ name: String) -> [Int64] {
        guard case .int64(let v) = b.column(name)!.values else { return [] }
        return v
    }

    /// Checks the ground truth against the records themselves.
    static func verifyTruth(_ out: SourceOutput, scale: Int) {
        let seqs = int64s(out.records, RecordSchema.sequenceId)
        var counts: [Int64: Int] = [:]
        for s in seqs { counts[s, default: 0] += 1 }
        #expect(out.truth.produced == scale)
        #expect(out.truth.delivered == seqs.count)
        #expect(out.truth.uniqueIds == counts.count)
        #expect(out.truth.duplicatesInjected == seqs.count - counts.count)
        #expect(out.truth.dropped == scale - counts.count)
        #expect(out.truth.isConsistent)
    }

    static let models: [(SourceKind, GenerationMode)] = [(.synthetic, .speed), (.synthetic, .chaos), (.pubsub, .chaos)]

    @Test(arguments: 0..<3)
    func deliveryReallyReordersAndTruthMatches(_ m: Int) throws {
        let (kind, mode) = DeliveryModelTests.models[m]
        let out = try SourceRegistry.make(
            DeliveryModelTests.config(kind, mode: mode, scale: 20_000, drop: 0.05), seed: 4
        ).produce()
        DeliveryModelTests.verifyTruth(out, scale: 20_000)
        let seqs = DeliveryModelTests.int64s(out.records, RecordSchema.sequenceId)
        let inversions = zip(seqs, seqs.dropFirst()).filter { $0 > $1 }.count
        #expect(inversions > 1_000, "slow and redelivered messages arrive out of sequence order")
        #expect(out.truth.duplicatesInjected > 1_500 && out.truth.duplicatesInjected < 2_500)
        #expect(out.truth.dropped > 700 && out.truth.dropped < 1_300)
        #expect(out.chaos?.dupProb == 0.1)
    }

    @Test func redeliveriesCarryTheSamePayloadLater() throws {
        let out = try PubSubSource(config: DeliveryModelTests.config(.pubsub, scale: 5_000), seed: 8).produce()
        #expect(out.records.schema == RecordSchema.pubsub)
        let payload = HashColumns.compute(out.records, algorithm: .xxh64, encoding: .hex).payload
        let seqs = DeliveryModelTests.int64s(out.records, RecordSchema.sequenceId)
        let arrival = DeliveryModelTests.int64s(out.records, RecordSchema.arrivalTs)
        let created = DeliveryModelTests.int64s(out.records, RecordSchema.createdAt)
        #expect(DeliveryModelTests.int64s(out.records, RecordSchema.arrivalIndex) == (0..<Int64(seqs.count)).map { $0 })
        #expect(zip(arrival, arrival.dropFirst()).allSatisfy { $0 <= $1 }, "arrival_ts follows delivery order")
        #expect(zip(arrival, created).allSatisfy { $0 >= $1 }, "nothing arrives before it was created")
        guard case .bytes(let p) = payload.values else { return }
        var first: [Int64: Int] = [:]
        var dups = 0
        for (row, s) in seqs.enumerated() {
            if let f = first[s] {
                #expect(p[f] == p[row])
                #expect(arrival[row] > arrival[f])
                dups += 1
            } else {
                first[s] = row
            }
        }
        #expect(dups == out.truth.duplicatesInjected)
    }

    @Test func sameSeedSameStreamDifferentSeedDifferent() throws {
        for kind in [SourceKind.synthetic, .pubsub] {
            let c = DeliveryModelTests.config(kind, scale: 3_000)
            let a = try SourceRegistry.make(c, seed: 1).produce()
            let b = try SourceRegistry.make(c, seed: 1).produce()
            let d = try SourceRegistry.make(c, seed: 2).produce()
            #expect(a.records == b.records && a.truth == b.truth)
            #expect(a.records != d.records)
        }
    }

    @Test func backpressureDelaysPublishersWhenTheBufferIsFull() throws {
        var c = DeliveryModelTests.config(.pubsub, scale: 2_000, dup: 0, slow: 0.5)
        c.generation.rate = 1_000  // 1 ms apart, slow messages linger for seconds
        c.pubsub.bufferSize = 100_000
        let free = try PubSubSource(config: c, seed: 3).produce()
        c.pubsub.bufferSize = 4
        let tight = try PubSubSource(config: c, seed: 3).produce()
        let lastFree = DeliveryModelTests.int64s(free.records, RecordSchema.arrivalTs).max()!
        let lastTight = DeliveryModelTests.int64s(tight.records, RecordSchema.arrivalTs).max()!
        #expect(lastTight > lastFree + 60_000_000, "a full buffer stalls publishing")
        #expect(tight.truth == free.truth)
    }

    @Test func chaosRangesResolveFromTheSeed() throws {
        var c = DeliveryModelTests.config(.synthetic, scale: 1_000)
        c.generation.chaos.mode = .random
        c.generation.chaos.dupProb = .range(0.2, 0.4)
        let a = try SyntheticSource(config: c, seed: 5).produce()
        let b = try SyntheticSource(config: c, seed: 6).produce()
        #expect((0.2...0.4).contains(a.chaos!.dupProb))
        #expect(a.chaos!.dupProb != b.chaos!.dupProb)
    }

    @Test func realtimeModeDeliversTheSameMessagesWithRealSleeps() throws {
        var c = DeliveryModelTests.config(.pubsub, scale: 60, dup: 0.2, slow: 0.3, drop: 0.1)
        c.pubsub.timeScale = 0.002  // 30 simulated seconds → 60 ms
        let virtual = try PubSubSource(config: c, seed: 21).produce()
        c.pubsub.realtime = true
        let clock = ContinuousClock()
        let started = clock.now
        let real = try PubSubSource(config: c, seed: 21).produce()
        let elapsed = clock.now - started
        #expect(real.truth == virtual.truth)
        DeliveryModelTests.verifyTruth(real, scale: 60)
        #expect(
            DeliveryModelTests.int64s(real.records, RecordSchema.sequenceId).sorted()
                == DeliveryModelTests.int64s(virtual.records, RecordSchema.sequenceId).sorted())
        #expect(elapsed > .milliseconds(40), "real sleeps happened")
        // The model sleeps on its own thread and Dispatch timers (not the cooperative pool, which
        // tests running in parallel may hold), so 60 ms of simulated delivery ends within seconds.
        #expect(elapsed < .seconds(20))
    }

    @Test func noChaosIsSequenceOrder() throws {
        let out = try SyntheticSource(
            config: DeliveryModelTests.config(.synthetic, mode: .speed, scale: 1_000, dup: 0, slow: 0), seed: 1
        ).produce()
        #expect(DeliveryModelTests.int64s(out.records, RecordSchema.sequenceId) == (0..<1_000).map(Int64.init))
        #expect(
            out.truth
                == GroundTruth(produced: 1_000, uniqueIds: 1_000, duplicatesInjected: 0, dropped: 0, delivered: 1_000))
    }
}
