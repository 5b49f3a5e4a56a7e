import DedupFormats

/// The delivery model of `mode: speed`: no clock, only positions. Each message is delivered at its
/// own position unless dropped; a slow one is displaced by (slow delay × rate) positions, and a
/// duplicate follows its original by (redelivery delay × rate) positions, so the chaos knobs have
/// the same meaning as in the timed model at a fraction of the cost (counting sort, O(n)).
enum SpeedDelivery {
    static func plan(count n: Int, seed: UInt64, chaos: ResolvedChaos, pubsub: PubSubSettings, rate: Double)
        -> DeliveryPlan
    {
        var rng = Xoshiro256StarStar(seed: SplitMix64.value(seed: seed, stream: 0x5EED_5EED, counter: 0))
        func threshold(_ p: Double) -> UInt64 { p >= 1 ? 1 << 32 : UInt64((p * 4_294_967_296).rounded(.down)) }
        let dropT = threshold(chaos.dropProb)
        let slowT = threshold(chaos.slowProb)
        let dupT = threshold(chaos.dupProb)
        func positions(_ r: ClosedRange<Double>) -> (Int, Int) {
            (max(1, Int((r.lowerBound * rate).rounded())), max(1, Int((r.upperBound * rate).rounded())))
        }
        let (slowLo, slowHi) = positions(pubsub.slowDelay)
        let (dupLo, dupHi) = positions(pubsub.redeliveryDelay)
        let slowSpan = UInt64(slowHi - slowLo + 1)
        let dupSpan = UInt64(dupHi - dupLo + 1)
        let expected = n + Int(Double(n) * chaos.dupProb * 1.05) + 16
        var slots: [Int] = []
        var seqs: [Int] = []
        slots.reserveCapacity(expected)
        seqs.reserveCapacity(expected)
        var dropped = 0
        var maxSlot = 0
        for i in 0..<n {
            let r1 = rng.next()
            let r2 = rng.next()
            if (r1 & 0xFFFF_FFFF) < dropT {
                dropped += 1
                continue
            }
            var slot = i
            if (r1 >> 32) < slowT { slot += slowLo + Int(((r2 >> 32) & 0xFFFF) &* slowSpan >> 16) }
            slots.append(slot)
            seqs.append(i)
            if (r2 & 0xFFFF_FFFF) < dupT {
                let d = slot + dupLo + Int((r2 >> 48) &* dupSpan >> 16)
                slots.append(d)
                seqs.append(i)
                maxSlot = max(maxSlot, d)
            }
            maxSlot = max(maxSlot, slot)
        }
        // Stable counting sort of emissions by slot.
        var counts = [Int32](repeating: 0, count: maxSlot + 2)
        for s in slots { counts[s + 1] &+= 1 }
        for k in 1..<counts.count { counts[k] &+= counts[k - 1] }
        var order = [Int](repeating: 0, count: seqs.count)
        counts.withUnsafeMutableBufferPointer { c in
            order.withUnsafeMutableBufferPointer { o in
                for k in 0..<slots.count {
                    let s = slots[k]
                    o[Int(c[s])] = seqs[k]
                    c[s] &+= 1
                }
            }
        }
        return DeliveryPlan(order: order, arrivalMicros: nil, produced: n, dropped: dropped)
    }
}
