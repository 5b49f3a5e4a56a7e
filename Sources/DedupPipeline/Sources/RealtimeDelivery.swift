/// Placeholder until the realtime model lands: same plan as the virtual clock.
enum RealtimeDelivery {
    static func plan(generator: RecordGenerator, count n: Int, seed: UInt64, chaos: ResolvedChaos, pubsub: PubSubSettings)
        -> DeliveryPlan
    {
        VirtualClockDelivery.plan(generator: generator, count: n, seed: seed, chaos: chaos, pubsub: pubsub)
    }
}
