import CPrefetch
import Dispatch

/// Raw access to a `KeyTable`'s slots for the hot loops (see `KeyTable.withRawSlots`).
struct RawSlots: @unchecked Sendable {
    let p: UnsafeMutablePointer<UInt64>
    let mask: Int

    @inline(__always) static func tag(_ fp: UInt64) -> UInt64 { fp == 0 ? 1 : fp }

    /// Prefetches the first slot `fp` probes.
    @inline(__always) func prefetch(_ fp: UInt64) {
        DedupPipeline.prefetch(p + 2 &* (Int(truncatingIfNeeded: Self.tag(fp)) & mask))
    }

    /// The slot holding the key (`found`), or the empty slot where it would go.
    @inline(__always)
    func locate(_ fp: UInt64, _ equal: (Int32) -> Bool) -> (slot: Int, found: Bool) {
        let f = Self.tag(fp)
        var i = Int(truncatingIfNeeded: f) & mask
        while true {
            let g = p[2 &* i]
            if g == 0 { return (i, false) }
            if g == f && equal(Int32(truncatingIfNeeded: p[2 &* i &+ 1])) { return (i, true) }
            i = (i &+ 1) & mask
        }
    }

    @inline(__always) func payload(_ slot: Int) -> Int32 { Int32(truncatingIfNeeded: p[2 &* slot &+ 1]) }
    @inline(__always) func setPayload(_ slot: Int, _ v: Int32) { p[2 &* slot &+ 1] = UInt64(UInt32(bitPattern: v)) }
    @inline(__always) func fill(_ slot: Int, _ fp: UInt64, _ v: Int32) {
        p[2 &* slot] = Self.tag(fp)
        setPayload(slot, v)
    }
}

/// Runs `work(shard)` on each shard's thread; a shard's rows are those whose
/// fingerprint's top bit equals the shard (with one shard, all rows). `prefetchDistance` rows
/// ahead of the one being probed, a worker prefetches the slot of the next row of its own shard.
@inline(__always)
func inShards(_ shards: Int, _ work: @Sendable (Int) -> Void) {
    if shards == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: shards, execute: work) }
}

/// Rows probed ahead in the hot loops: enough overlapping misses to hide memory latency.
let prefetchDistance = 12

/// Asks the CPU to bring `p`'s cache line in without waiting for it (`__builtin_prefetch`): a
/// probe some rows ahead then finds its slot in cache, and, unlike an early load, the prefetch
/// does not hold the reorder buffer while the miss is served. Measured on the verifier's 10M
/// delta_merge fold-in (see FingerprintMap.prefetch).
@inline(__always) func prefetch(_ p: UnsafeRawPointer) { dedup_prefetch(p) }


/// Shards worth using for `n` rows: two (both cores) for large inputs, one otherwise.
func shardCount(rows n: Int) -> Int { n >= 32_768 ? 2 : 1 }

/// Carries a value into `concurrentPerform` workers; sound only when workers touch disjoint state.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
