import Dispatch

/// `synthetic` (seed: `polars_synthetic`): seeded vectorised generation. `mode: speed` delivers
/// through the position-only model (`SpeedDelivery`); `mode: chaos` through the pubsub model on a
/// virtual clock (`VirtualClockDelivery`). Records use `RecordSchema.base`.
public struct SyntheticSource: RecordSource {
    public let config: PipelineConfig
    public let seed: UInt64

    public init(config: PipelineConfig, seed: UInt64) {
        self.config = config
        self.seed = seed
    }

    var generator: RecordGenerator {
        let m = config.synthetic.message
        return RecordGenerator(
            seed: seed, idLength: m.idLength, valueRange: m.valueRange, partitions: Int32(config.synthetic.partitions),
            startMicros: config.generation.startMicros, rate: config.generation.rate)
    }

    public func produce() throws -> SourceOutput {
        let started = DispatchTime.now().uptimeNanoseconds
        let chaos = config.generation.chaos.resolve(seed: seed)
        let gen = generator
        let n = config.generation.scale
        let plan: DeliveryPlan =
            switch config.generation.mode {
            case .speed: SpeedDelivery.plan(count: n, seed: seed, chaos: chaos, pubsub: config.pubsub, rate: gen.rate)
            case .chaos:
                VirtualClockDelivery.plan(generator: gen, count: n, seed: seed, chaos: chaos, pubsub: config.pubsub)
            }
        let records = gen.materialize(order: plan.order)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return SourceOutput(records: records, truth: plan.truth, chaos: chaos, seconds: seconds)
    }

    public var replayable: Bool { true }

    /// Generated batch by batch: the counting pass gives the truth, then each `next` advances the
    /// delivery model just far enough and materialises that batch's rows.
    public func open(batches: Int) throws -> any RecordStream {
        let t0 = ResourceClock.now()
        let chaos = config.generation.chaos.resolve(seed: seed)
        let gen = generator
        let n = config.generation.scale
        let delivery: any DeliveryStream =
            switch config.generation.mode {
            case .speed:
                SpeedDeliveryStream(count: n, seed: seed, chaos: chaos, pubsub: config.pubsub, rate: gen.rate)
            case .chaos:
                VirtualClockDelivery(generator: gen, count: n, seed: seed, chaos: chaos, pubsub: config.pubsub)
            }
        return GeneratedStream(
            delivery: delivery, generator: gen, chaos: chaos, batches: batches, withArrival: false,
            setupSeconds: ResourceClock.now() - t0)
    }
}
