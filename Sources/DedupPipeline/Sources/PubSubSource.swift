import DeltaStorage
import Dispatch

/// `pubsub`: the seed's simulated topic, as a discrete-event simulation (`VirtualClockDelivery`),
/// or with `realtime: true` as concurrent tasks with real sleeps (`RealtimeDelivery`). Records use
/// `RecordSchema.pubsub` (arrival_ts, arrival_index added).
public struct PubSubSource: RecordSource {
    public let config: PipelineConfig
    public let seed: UInt64

    public init(config: PipelineConfig, seed: UInt64) {
        self.config = config
        self.seed = seed
    }

    var generator: RecordGenerator {
        let m = config.pubsub.message
        return RecordGenerator(
            seed: seed, idLength: m.idLength, valueRange: m.valueRange, partitions: Int32(config.pubsub.partitions),
            startMicros: config.generation.startMicros, rate: config.generation.rate)
    }

    public func produce() throws -> SourceOutput {
        let started = DispatchTime.now().uptimeNanoseconds
        let chaos = config.generation.chaos.resolve(seed: seed)
        let gen = generator
        let n = config.generation.scale
        let plan =
            config.pubsub.realtime
            ? RealtimeDelivery.plan(generator: gen, count: n, seed: seed, chaos: chaos, pubsub: config.pubsub)
            : VirtualClockDelivery.plan(generator: gen, count: n, seed: seed, chaos: chaos, pubsub: config.pubsub)
        let records = PubSubSource.withArrival(gen.materialize(order: plan.order), plan.arrivalMicros ?? [])
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return SourceOutput(records: records, truth: plan.truth, chaos: chaos, seconds: seconds)
    }

    /// Realtime runs depend on real timing: they cannot be replayed, so they are materialised once.
    public var replayable: Bool { !config.pubsub.realtime }

    /// On the virtual clock: simulated batch by batch (see `SyntheticSource.open`).
    public func open(batches: Int) throws -> any RecordStream {
        guard !config.pubsub.realtime else { return MaterializedStream(try produce(), batches: batches) }
        let t0 = ResourceClock.now()
        let chaos = config.generation.chaos.resolve(seed: seed)
        let gen = generator
        let delivery = VirtualClockDelivery(
            generator: gen, count: config.generation.scale, seed: seed, chaos: chaos, pubsub: config.pubsub)
        return GeneratedStream(
            delivery: delivery, generator: gen, chaos: chaos, batches: batches, withArrival: true,
            setupSeconds: ResourceClock.now() - t0)
    }

    static func withArrival(_ base: ColumnBatch, _ arrival: [Int64]) -> ColumnBatch {
        let index = (0..<Int64(arrival.count)).map { $0 }
        return ColumnBatch(
            schema: RecordSchema.pubsub, columns: base.columns + [Column(.int64(arrival)), Column(.int64(index))])
    }
}
