/// The pubsub delivery model as a discrete-event simulation on a virtual µs clock:
/// - message i exists from its `created_at`; the producer of its partition publishes it no sooner
///   than that, and no sooner than `base_delay ± jitter` after its previous publish; the clock
///   never runs backwards (publishes happen in sequence order);
/// - the topic holds at most `buffer_size` undelivered messages: a publisher facing a full buffer
///   waits for the next delivery (backpressure);
/// - a `slow_prob` share is delivered after an extra `slow_delay`, so later messages overtake it;
/// - a `dup_prob` share is delivered again `redelivery_delay` after its first delivery
///   (identical payload, later arrival); a `drop_prob` share is never delivered.
/// Pending deliveries sit in a min-heap, so 10M messages take seconds, and the same seed always
/// gives the same order and arrival times. The simulation runs incrementally (`advance` publishes
/// a chunk of messages), so memory is bounded by the buffer, not the scale.
struct VirtualClockDelivery: DeliveryStream {
    static let chunk = 1 << 16
    let truth: GroundTruth
    private let generator: RecordGenerator
    private let n: Int
    private var fates: FateStream
    private let start: Int64
    private let capacity: Int
    private var heap: DeliveryHeap
    private var lastPublish: [Int64]
    private var clock = Int64.min / 2
    private var nextSeq = 0

    init(generator: RecordGenerator, count n: Int, seed: UInt64, chaos: ResolvedChaos, pubsub: PubSubSettings) {
        self.generator = generator
        self.n = n
        fates = FateStream(seed: seed, chaos: chaos, pubsub: pubsub)
        start = generator.startMicros
        capacity = max(1, pubsub.bufferSize)
        heap = DeliveryHeap(capacity: min(capacity, n) + 2)
        lastPublish = [Int64](repeating: Int64.min / 2, count: Int(generator.partitions))
        // counting pass over the same decisions, nothing stored
        var counter = fates
        var dropped = 0
        var dups = 0
        for _ in 0..<n {
            let f = counter.next()
            if f.dropped { dropped += 1 } else if f.redelivery != nil { dups += 1 }
        }
        let unique = n - dropped
        truth = GroundTruth(
            produced: n, uniqueIds: unique, duplicatesInjected: dups, dropped: dropped, delivered: unique + dups)
    }

    /// The whole delivery at once (tests and the core benchmark).
    static func plan(
        generator: RecordGenerator, count n: Int, seed: UInt64, chaos: ResolvedChaos, pubsub: PubSubSettings
    ) -> DeliveryPlan {
        var sim = VirtualClockDelivery(generator: generator, count: n, seed: seed, chaos: chaos, pubsub: pubsub)
        var order: [Int] = []
        var arrival: [Int64] = []
        order.reserveCapacity(sim.truth.delivered)
        arrival.reserveCapacity(sim.truth.delivered)
        while sim.advance(order: &order, arrival: &arrival) {}
        return DeliveryPlan(order: order, arrivalMicros: arrival, produced: n, dropped: sim.truth.dropped)
    }

    mutating func advance(order: inout [Int], arrival: inout [Int64]) -> Bool {
        guard nextSeq < n || heap.count > 0 else { return false }
        let start = self.start
        @inline(__always) func deliver(_ e: DeliveryHeap.Entry) {
            order.append(e.seq)
            arrival.append(start &+ e.time)
        }
        let end = min(n, nextSeq + VirtualClockDelivery.chunk)
        for i in nextSeq..<end {
            let fate = fates.next()
            let p = Int(generator.partition(of: i))
            var t = max(clock, generator.createdAt(i) - start, lastPublish[p] &+ fate.gap)
            while let top = heap.min, top.time <= t {
                let e = heap.pop()
                order.append(e.seq)
                arrival.append(start &+ e.time)
            }
            let need = min(capacity, fate.dropped ? 0 : (fate.redelivery == nil ? 1 : 2))
            while heap.count + need > capacity {
                let e = heap.pop()
                t = max(t, e.time)
                order.append(e.seq)
                arrival.append(start &+ e.time)
            }
            clock = t
            lastPublish[p] = t
            if fate.dropped { continue }
            let first = t &+ fate.slowDelay
            heap.push(time: first, seq: i)
            if let r = fate.redelivery { heap.push(time: first &+ r, seq: i) }
        }
        nextSeq = end
        if nextSeq == n { while heap.count > 0 { deliver(heap.pop()) } }
        return true
    }
}
