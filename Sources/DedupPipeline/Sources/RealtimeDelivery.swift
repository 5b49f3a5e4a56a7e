import Dispatch

/// `pubsub.realtime: true`: the same model as `VirtualClockDelivery` (same seeded decisions:
/// which messages are dropped, slow or redelivered, and by how much), run as Swift concurrency
/// tasks with real sleeps of `simulated seconds × time_scale`. One producer publishes in sequence
/// order and suspends while the topic's buffer is full; each delivery is its own task, so the order
/// comes from real timing. For demos: counts match the virtual run exactly, order need not.
enum RealtimeDelivery {
    static func plan(
        generator: RecordGenerator, count n: Int, seed: UInt64, chaos: ResolvedChaos, pubsub: PubSubSettings
    )
        -> DeliveryPlan
    {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let plan = await run(generator: generator, count: n, seed: seed, chaos: chaos, pubsub: pubsub)
            box.plan = plan
            done.signal()
        }
        done.wait()
        return box.plan!
    }

    final class ResultBox: @unchecked Sendable { var plan: DeliveryPlan? }

    static func run(
        generator: RecordGenerator, count n: Int, seed: UInt64, chaos: ResolvedChaos, pubsub: PubSubSettings
    )
        async -> DeliveryPlan
    {
        let topic = Topic(capacity: max(1, pubsub.bufferSize), scale: pubsub.timeScale)
        var fates = FateStream(seed: seed, chaos: chaos, pubsub: pubsub)
        let start = generator.startMicros
        var lastPublish = [Int64](repeating: Int64.min / 2, count: Int(generator.partitions))
        var clock = Int64.min / 2
        var dropped = 0
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<n {
                let fate = fates.next()
                let p = Int(generator.partition(of: i))
                let due = max(clock, generator.createdAt(i) - start, lastPublish[p] &+ fate.gap)
                await topic.sleep(untilVirtual: due)
                let need = min(topic.capacity, fate.dropped ? 0 : (fate.redelivery == nil ? 1 : 2))
                await topic.acquire(need)
                let t = max(due, topic.virtualNow())
                clock = t
                lastPublish[p] = t
                if fate.dropped {
                    dropped += 1
                    continue
                }
                let first = t &+ fate.slowDelay
                group.addTask {
                    await topic.sleep(untilVirtual: first)
                    await topic.deliver(i, releasing: 1)
                }
                if let r = fate.redelivery {
                    group.addTask {
                        await topic.sleep(untilVirtual: first &+ r)
                        await topic.deliver(i, releasing: need - 1)
                    }
                }
            }
        }
        let (order, arrival) = await topic.deliveries()
        return DeliveryPlan(order: order, arrivalMicros: arrival.map { start &+ $0 }, produced: n, dropped: dropped)
    }

    /// The topic: a bounded buffer of undelivered messages and the log of deliveries.
    actor Topic {
        nonisolated let capacity: Int
        nonisolated let scale: Double
        nonisolated let origin = ContinuousClock.now
        private var inFlight = 0
        private var waiters: [(need: Int, resume: CheckedContinuation<Void, Never>)] = []
        private var order: [Int] = []
        private var arrival: [Int64] = []

        init(capacity: Int, scale: Double) {
            self.capacity = capacity
            self.scale = scale
        }

        /// Simulated µs since the run started.
        nonisolated func virtualNow() -> Int64 {
            let d = ContinuousClock.now - origin
            let real = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            return Int64((real / scale * 1e6).rounded(.down))
        }

        nonisolated func sleep(untilVirtual t: Int64) async {
            let wait = Double(t - virtualNow()) * 1e-6 * scale
            if wait > 0 { try? await Task.sleep(nanoseconds: UInt64(wait * 1e9)) }
        }

        func acquire(_ need: Int) async {
            if need == 0 { return }
            if inFlight + need <= capacity && waiters.isEmpty {
                inFlight += need
                return
            }
            await withCheckedContinuation { waiters.append((need, $0)) }
        }

        func deliver(_ seq: Int, releasing: Int) {
            order.append(seq)
            arrival.append(virtualNow())
            inFlight -= releasing
            while let w = waiters.first, inFlight + w.need <= capacity {
                waiters.removeFirst()
                inFlight += w.need
                w.resume.resume()
            }
        }

        func deliveries() -> ([Int], [Int64]) { (order, arrival) }
    }
}
