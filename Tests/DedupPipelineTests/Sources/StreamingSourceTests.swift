import DeltaStorage
import Testing

@testable import DedupPipeline

/// The streamed sources (generated batch by batch) must deliver exactly what the whole-stream
/// path delivers: same rows in the same order, same micro-batch cut, same ground truth.
@Suite struct StreamingSourceTests {
    static func drain(_ s: any RecordStream) throws -> [ColumnBatch] {
        var out: [ColumnBatch] = []
        while let b = try s.next() { out.append(b) }
        return out
    }

    @Test("streamed batches equal the materialised stream, cut the same way", arguments: 0..<3)
    func streamEqualsProduce(_ m: Int) throws {
        let (kind, mode) = DeliveryModelTests.models[m]
        let config = DeliveryModelTests.config(kind, mode: mode, scale: 30_000, dup: 0.2, slow: 0.3, drop: 0.02)
        let source = try SourceRegistry.make(config, seed: 9)
        #expect(source.replayable)
        let whole = try source.produce()
        let stream = try source.open(batches: 7)
        #expect(stream.truth == whole.truth)
        #expect(stream.schema == whole.records.schema)
        let batches = try Self.drain(stream)
        let cut = BatchCut.ranges(total: whole.records.rowCount, count: 7)
        #expect(batches.map(\.rowCount) == cut.map(\.count))
        for (b, r) in zip(batches, cut) { #expect(b == whole.records.rowSlice(r)) }
    }

    @Test("the speed model streamed in small chunks carries late emissions across chunks")
    func speedChunks() throws {
        let config = DeliveryModelTests.config(.synthetic, mode: .speed, scale: 20_000, dup: 0.3, slow: 0.4)
        let chaos = config.generation.chaos.resolve(seed: 3)
        let whole = SpeedDelivery.plan(count: 20_000, seed: 3, chaos: chaos, pubsub: config.pubsub, rate: 2)
        for chunk in [1, 7, 1000] {
            var s = SpeedDeliveryStream(
                count: 20_000, seed: 3, chaos: chaos, pubsub: config.pubsub, rate: 2, chunk: chunk)
            var order: [Int] = []
            var arrival: [Int64] = []
            while s.advance(order: &order, arrival: &arrival) {}
            #expect(order == whole.order, "chunk \(chunk)")
            #expect(s.truth == whole.truth)
        }
    }

    @Test("the file source is materialised once and sliced")
    func materialized() throws {
        let config = DeliveryModelTests.config(.synthetic, mode: .speed, scale: 1_000)
        let out = try SyntheticSource(config: config, seed: 1).produce()
        let batches = try Self.drain(MaterializedStream(out, batches: 3))
        #expect(batches.map(\.rowCount).reduce(0, +) == out.records.rowCount && batches.count == 3)
    }
}
