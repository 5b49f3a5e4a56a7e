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
/// gives the same order and arrival times.
enum VirtualClockDelivery {
    static func plan(
        generator: RecordGenerator, count n: Int, seed: UInt64, chaos: ResolvedChaos, pubsub: PubSubSettings
    )
        -> DeliveryPlan
    {
        var fates = FateStream(seed: seed, chaos: chaos, pubsub: pubsub)
        let start = generator.startMicros
        let capacity = max(1, pubsub.bufferSize)
        var heap = DeliveryHeap(capacity: min(capacity, n) + 2)
        let expected = n + Int(Double(n) * chaos.dupProb * 1.05) + 16
        var order: [Int] = []
        var arrival: [Int64] = []
        order.reserveCapacity(expected)
        arrival.reserveCapacity(expected)
        var lastPublish = [Int64](repeating: Int64.min / 2, count: Int(generator.partitions))
        var clock = Int64.min / 2
        var dropped = 0
        // Deliveries are appended inline, not through a nested func: a closure capturing `order`
        // and `arrival` boxes them, and every append then pays a dynamic exclusivity check
        // (swift_beginAccess/endAccess, ~8% of this loop in `perf` once -Ounchecked was dropped).

        for i in 0..<n {
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
            if fate.dropped {
                dropped += 1
                continue
            }
            let first = t &+ fate.slowDelay
            heap.push(time: first, seq: i)
            if let r = fate.redelivery { heap.push(time: first &+ r, seq: i) }
        }
        while heap.count > 0 {
            let e = heap.pop()
            order.append(e.seq)
            arrival.append(start &+ e.time)
        }
        return DeliveryPlan(order: order, arrivalMicros: arrival, produced: n, dropped: dropped)
    }
}
