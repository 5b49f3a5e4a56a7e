import DedupFormats

/// `SpeedDelivery` run incrementally, with memory bounded by the displacement window instead of
/// the scale. A record's slot is never before its own position (slow ones and redeliveries only
/// move later), so once messages [0, hi) are drawn every emission with slot < hi is final: each
/// step draws a chunk of messages, stably counting-sorts the final emissions (carried-over ones
/// first: they were emitted earlier) and carries the rest. Same draws, same order as `plan`.
struct SpeedDeliveryStream: DeliveryStream {
    /// Messages drawn per `advance`.
    let chunk: Int
    let truth: GroundTruth
    private let n: Int
    private var rng: Xoshiro256StarStar
    private let dropT: UInt64, slowT: UInt64, dupT: UInt64
    private let slowLo: Int, dupLo: Int
    private let slowSpan: UInt64, dupSpan: UInt64
    private var next = 0
    /// Emissions not yet final: (slot, sequence number), in emission order.
    private var carrySlots: [Int] = []
    private var carrySeqs: [Int] = []

    init(count n: Int, seed: UInt64, chaos: ResolvedChaos, pubsub: PubSubSettings, rate: Double, chunk: Int = 1 << 20) {
        self.n = n
        self.chunk = max(1, chunk)
        rng = Xoshiro256StarStar(seed: SplitMix64.value(seed: seed, stream: 0x5EED_5EED, counter: 0))
        func threshold(_ p: Double) -> UInt64 { p >= 1 ? 1 << 32 : UInt64((p * 4_294_967_296).rounded(.down)) }
        dropT = threshold(chaos.dropProb)
        slowT = threshold(chaos.slowProb)
        dupT = threshold(chaos.dupProb)
        func positions(_ r: ClosedRange<Double>) -> (Int, Int) {
            (max(1, Int((r.lowerBound * rate).rounded())), max(1, Int((r.upperBound * rate).rounded())))
        }
        let (sLo, sHi) = positions(pubsub.slowDelay)
        let (dLo, dHi) = positions(pubsub.redeliveryDelay)
        (slowLo, dupLo) = (sLo, dLo)
        slowSpan = UInt64(sHi - sLo + 1)
        dupSpan = UInt64(dHi - dLo + 1)
        // counting pass: the same two draws per message, nothing stored
        var counter = rng
        var dropped = 0
        var dups = 0
        for _ in 0..<n {
            let r1 = counter.next()
            let r2 = counter.next()
            if (r1 & 0xFFFF_FFFF) < dropT {
                dropped += 1
            } else if (r2 & 0xFFFF_FFFF) < dupT {
                dups += 1
            }
        }
        let unique = n - dropped
        truth = GroundTruth(
            produced: n, uniqueIds: unique, duplicatesInjected: dups, dropped: dropped, delivered: unique + dups)
    }

    mutating func advance(order: inout [Int], arrival: inout [Int64]) -> Bool {
        guard next < n || !carrySlots.isEmpty else { return false }
        let lo = next
        let hi = min(n, lo + chunk)
        var slots = carrySlots
        var seqs = carrySeqs
        for i in lo..<hi {
            let r1 = rng.next()
            let r2 = rng.next()
            if (r1 & 0xFFFF_FFFF) < dropT { continue }
            var slot = i
            if (r1 >> 32) < slowT { slot += slowLo + Int(((r2 >> 32) & 0xFFFF) &* slowSpan >> 16) }
            slots.append(slot)
            seqs.append(i)
            if (r2 & 0xFFFF_FFFF) < dupT {
                slots.append(slot + dupLo + Int((r2 >> 48) &* dupSpan >> 16))
                seqs.append(i)
            }
        }
        next = hi
        // final: slot < hi (everything once all messages are drawn); slots are >= lo
        let limit = hi == n ? Int.max : hi
        carrySlots = []
        carrySeqs = []
        var finalSlots: [Int] = []
        var finalSeqs: [Int] = []
        finalSlots.reserveCapacity(slots.count)
        finalSeqs.reserveCapacity(slots.count)
        var maxSlot = lo
        for k in 0..<slots.count {
            if slots[k] < limit {
                finalSlots.append(slots[k])
                finalSeqs.append(seqs[k])
                maxSlot = max(maxSlot, slots[k])
            } else {
                carrySlots.append(slots[k])
                carrySeqs.append(seqs[k])
            }
        }
        // stable counting sort of the final emissions by slot
        var counts = [Int32](repeating: 0, count: maxSlot - lo + 2)
        for s in finalSlots { counts[s - lo + 1] &+= 1 }
        for k in 1..<counts.count { counts[k] &+= counts[k - 1] }
        let start = order.count
        order.append(contentsOf: repeatElement(0, count: finalSeqs.count))
        counts.withUnsafeMutableBufferPointer { c in
            order.withUnsafeMutableBufferPointer { o in
                for k in 0..<finalSlots.count {
                    let s = finalSlots[k] - lo
                    o[start + Int(c[s])] = finalSeqs[k]
                    c[s] &+= 1
                }
            }
        }
        return true
    }
}
