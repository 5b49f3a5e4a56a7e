import Dispatch
import Foundation

/// `pubsub.realtime: true`: the same model as `VirtualClockDelivery` (same seeded decisions:
/// which messages are dropped, slow or redelivered, and by how much), run with real sleeps of
/// `simulated seconds × time_scale`. One producer (the calling thread) publishes in sequence order
/// and blocks while the topic's buffer is full; each delivery is a timer on a Dispatch queue, so the
/// order comes from real timing. For demos: counts match the virtual run exactly, order need not.
///
/// Why threads and Dispatch timers, not Swift concurrency tasks: the caller is synchronous, and a
/// synchronous wait for tasks starves the cooperative pool (two threads on a 2-core machine) when
/// other blocking work holds its threads; a 60 ms realtime run was seen taking 170 s that way.
enum RealtimeDelivery {
    static func plan(
        generator: RecordGenerator, count n: Int, seed: UInt64, chaos: ResolvedChaos, pubsub: PubSubSettings
    )
        -> DeliveryPlan
    {
        let topic = Topic(capacity: max(1, pubsub.bufferSize), scale: pubsub.timeScale)
        let timers = DispatchQueue(label: "dedupbench.realtime-delivery", attributes: .concurrent)
        let pending = DispatchGroup()
        var fates = FateStream(seed: seed, chaos: chaos, pubsub: pubsub)
        let start = generator.startMicros
        var lastPublish = [Int64](repeating: Int64.min / 2, count: Int(generator.partitions))
        var clock = Int64.min / 2
        var dropped = 0
        for i in 0..<n {
            let fate = fates.next()
            let p = Int(generator.partition(of: i))
            let due = max(clock, generator.createdAt(i) - start, lastPublish[p] &+ fate.gap)
            topic.sleep(untilVirtual: due)
            let need = min(topic.capacity, fate.dropped ? 0 : (fate.redelivery == nil ? 1 : 2))
            topic.acquire(need)
            let t = max(due, topic.virtualNow())
            clock = t
            lastPublish[p] = t
            if fate.dropped {
                dropped += 1
                continue
            }
            let first = t &+ fate.slowDelay
            topic.deliver(i, atVirtual: first, releasing: 1, on: timers, group: pending)
            if let r = fate.redelivery {
                topic.deliver(i, atVirtual: first &+ r, releasing: need - 1, on: timers, group: pending)
            }
        }
        pending.wait()
        let (order, arrival) = topic.deliveries()
        return DeliveryPlan(order: order, arrivalMicros: arrival.map { start &+ $0 }, produced: n, dropped: dropped)
    }

    /// The topic: a bounded buffer of undelivered messages and the log of deliveries, guarded by
    /// one condition (the producer waits on it while the buffer is full; deliveries signal it).
    final class Topic: @unchecked Sendable {
        let capacity: Int
        let scale: Double
        private let origin = ContinuousClock.now
        private let condition = NSCondition()
        private var inFlight = 0
        private var order: [Int] = []
        private var arrival: [Int64] = []

        init(capacity: Int, scale: Double) {
            self.capacity = capacity
            self.scale = scale
        }

        /// Simulated µs since the run started.
        func virtualNow() -> Int64 {
            let d = ContinuousClock.now - origin
            let real = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            return Int64((real / scale * 1e6).rounded(.down))
        }

        /// Real seconds until simulated time `t` (≤ 0 when it has passed).
        private func secondsUntil(virtual t: Int64) -> Double { Double(t - virtualNow()) * 1e-6 * scale }

        func sleep(untilVirtual t: Int64) {
            let wait = secondsUntil(virtual: t)
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        }

        /// Takes `need` buffer slots, blocking while the buffer is full.
        func acquire(_ need: Int) {
            if need == 0 { return }
            condition.lock()
            while inFlight + need > capacity { condition.wait() }
            inFlight += need
            condition.unlock()
        }

        /// Delivers `seq` at simulated time `t` (a timer on `queue`), then frees `releasing` slots.
        func deliver(_ seq: Int, atVirtual t: Int64, releasing: Int, on queue: DispatchQueue, group: DispatchGroup) {
            group.enter()
            let wait = max(0, secondsUntil(virtual: t))
            queue.asyncAfter(deadline: .now() + wait) {
                self.condition.lock()
                self.order.append(seq)
                self.arrival.append(self.virtualNow())
                self.inFlight -= releasing
                self.condition.broadcast()
                self.condition.unlock()
                group.leave()
            }
        }

        func deliveries() -> ([Int], [Int64]) {
            condition.lock()
            defer { condition.unlock() }
            return (order, arrival)
        }
    }
}
