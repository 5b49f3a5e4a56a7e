/// An open-addressing hash table from a 64-bit key fingerprint to an `Int32` payload (a row or key
/// number), with linear probing and a load factor of at most 1/2. Fingerprint and payload share
/// one 16-byte slot, so a probe costs one cache miss. Fingerprints come from `StableHash`, never
/// from Swift's `Hasher`. Equal fingerprints are confirmed by the caller's `equal` closure
/// (comparing the real key bytes), so a fingerprint collision never merges two different keys.
/// Entries are never removed (dedup state only grows within a run).
struct KeyTable {
    /// Slot i is `slots[2i]` = fingerprint (0 = empty), `slots[2i + 1]` = payload.
    private var slots: [UInt64]
    private(set) var count = 0
    private var mask: Int

    /// A table sized for about `expected` entries without growing.
    init(expected: Int) {
        var cap = 16
        while cap < expected * 2 { cap <<= 1 }
        slots = Self.zeroedSlots(2 * cap)
        mask = cap - 1
    }

    /// Zeroed slot storage. Large tables ask for transparent huge pages before the first touch:
    /// random probes into tens of MB otherwise miss the TLB as well as the cache.
    static func zeroedSlots(_ count: Int) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: count) { buf, initialized in
            if count * 8 >= 4 << 20, let base = buf.baseAddress {
                let page = 4096
                let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
                let end = (Int(bitPattern: base + count)) & ~(page - 1)
                if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
            }
            buf.initialize(repeating: 0)
            initialized = count
        }
    }

    var capacity: Int { mask + 1 }

    @inline(__always) private static func nonZero(_ fp: UInt64) -> UInt64 { fp == 0 ? 1 : fp }
    @inline(__always) private static func payload(_ v: UInt64) -> Int32 { Int32(truncatingIfNeeded: v) }
    @inline(__always) private static func raw(_ p: Int32) -> UInt64 { UInt64(UInt32(bitPattern: p)) }

    /// Loads the slot `fp` probes first, to bring it into cache ahead of the real probe (callers
    /// touch a block of keys, then probe them: the cache misses overlap instead of queueing).
    @inline(__always)
    func touch(_ fp: UInt64) -> UInt64 {
        slots.withUnsafeBufferPointer { s in s[2 &* (Int(truncatingIfNeeded: Self.nonZero(fp)) & mask)] }
    }

    /// The payload stored for the key with fingerprint `fp` (confirmed by `equal`), or nil.
    @inline(__always)
    func find(_ fp: UInt64, equal: (Int32) -> Bool) -> Int32? {
        let f = Self.nonZero(fp)
        return slots.withUnsafeBufferPointer { s in
            var i = Int(truncatingIfNeeded: f) & mask
            while true {
                let g = s[2 &* i]
                if g == 0 { return nil }
                if g == f && equal(Self.payload(s[2 &* i &+ 1])) { return Self.payload(s[2 &* i &+ 1]) }
                i = (i &+ 1) & mask
            }
        }
    }

    /// Inserts `payload` for the key unless it is present; returns the existing payload if it was.
    @inline(__always)
    mutating func insertIfAbsent(_ fp: UInt64, payload: Int32, equal: (Int32) -> Bool) -> Int32? {
        upsert(fp, payload: payload, equal: equal, replace: { _ in false })
    }

    /// Inserts the key with `payload` if absent (returns nil); if present, returns the stored
    /// payload and replaces it with `payload` when `replace(stored)` says so.
    @inline(__always)
    mutating func upsert(
        _ fp: UInt64, payload: Int32, equal: (Int32) -> Bool, replace: (Int32) -> Bool
    ) -> Int32? {
        if (count &+ 1) &* 2 > capacity { grow() }
        let f = Self.nonZero(fp)
        let m = mask
        let found: Int32? = slots.withUnsafeMutableBufferPointer { s in
            var i = Int(truncatingIfNeeded: f) & m
            while true {
                let g = s[2 &* i]
                if g == 0 {
                    s[2 &* i] = f
                    s[2 &* i &+ 1] = Self.raw(payload)
                    return nil
                }
                if g == f {
                    let old = Self.payload(s[2 &* i &+ 1])
                    if equal(old) {
                        if replace(old) { s[2 &* i &+ 1] = Self.raw(payload) }
                        return old
                    }
                }
                i = (i &+ 1) & m
            }
        }
        if found == nil { count &+= 1 }
        return found
    }

    /// Grows so that `extra` more keys fit without growing, then runs `body` with raw slot access
    /// (no growth may happen inside); `body` returns how many keys it inserted.
    mutating func withRawSlots<R>(reserving extra: Int, _ body: (RawSlots) -> (R, inserted: Int)) -> R {
        while (count + extra) * 2 > capacity { grow() }
        let m = mask
        let (r, inserted) = slots.withUnsafeMutableBufferPointer { body(RawSlots(p: $0.baseAddress!, mask: m)) }
        count += inserted
        return r
    }

    /// Runs `body` with raw slot access for reading only.
    func withRawSlotsForReading<R>(_ body: (RawSlots) -> R) -> R {
        let m = mask
        return slots.withUnsafeBufferPointer { body(RawSlots(p: UnsafeMutablePointer(mutating: $0.baseAddress!), mask: m)) }
    }

    /// Records keys inserted through `withRawSlots` after the fact (when the closure could not).
    mutating func addCount(_ k: Int) { count += k }

    /// Every stored payload, in slot order (callers sort when order matters).
    var allPayloads: [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(count)
        slots.withUnsafeBufferPointer { s in
            for i in 0..<capacity where s[2 * i] != 0 { out.append(Self.payload(s[2 * i + 1])) }
        }
        return out
    }

    private mutating func grow() {
        let old = slots
        let cap = capacity * 2
        slots = Self.zeroedSlots(2 * cap)
        mask = cap - 1
        let m = mask
        slots.withUnsafeMutableBufferPointer { s in
            old.withUnsafeBufferPointer { o in
                for j in 0..<(o.count / 2) where o[2 * j] != 0 {
                    var i = Int(truncatingIfNeeded: o[2 * j]) & m
                    while s[2 * i] != 0 { i = (i + 1) & m }
                    s[2 * i] = o[2 * j]
                    s[2 * i + 1] = o[2 * j + 1]
                }
            }
        }
    }
}

/// Raw access to a `KeyTable`'s slots for the hot loops (see `KeyTable.withRawSlots`).
struct RawSlots: @unchecked Sendable {
    let p: UnsafeMutablePointer<UInt64>
    let mask: Int

    @inline(__always) static func tag(_ fp: UInt64) -> UInt64 { fp == 0 ? 1 : fp }

    /// Loads the first slot `fp` probes (a prefetch: the value is only fed to a sink).
    @inline(__always) func touch(_ fp: UInt64) -> UInt64 { p[2 &* (Int(truncatingIfNeeded: Self.tag(fp)) & mask)] }

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

/// Runs `work(shard, touchSink)` on each shard's thread; a shard's rows are those whose
/// fingerprint's top bit equals the shard (with one shard, all rows). `prefetchDistance` rows
/// ahead of the one being probed, a worker touches the slot of the next row of its own shard.
@inline(__always)
func inShards(_ shards: Int, _ work: @Sendable (Int) -> Void) {
    if shards == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: shards, execute: work) }
}

/// Rows probed ahead in the hot loops: enough overlapping misses to hide memory latency.
let prefetchDistance = 12

/// Runs `body(shard, row)` for every row, the rows of each shard (the top bit of the row's
/// fingerprint when `shards` is 2) in order, shards concurrently. Per-key order is preserved
/// because a key always lands in the same shard; `body` may mutate only its shard's state.
/// Rows go in blocks: `touch(shard, row)` for the block's rows first (independent loads whose
/// cache misses overlap), then `body` for each — the hash-table probes then hit cache.
func forEachRowByShard(
    fingerprints fps: [UInt64], shards: Int, touch: (Int, Int) -> UInt64 = { _, _ in 0 },
    _ body: (Int, Int) -> Void
) {
    let n = fps.count
    precondition(shards == 1 || shards == 2)
    withoutActuallyEscaping(body) { body in
        withoutActuallyEscaping(touch) { touch in
            let run = UncheckedSendable(body), pre = UncheckedSendable(touch)
            fps.withUnsafeBufferPointer { fb in
                let f = UncheckedSendable(fb)
                let work: @Sendable (Int) -> Void = { s in
                    let top = UInt64(s)
                    var sink: UInt64 = 0
                    var lo = 0
                    while lo < n {
                        let hi = min(n, lo + 16)
                        for i in lo..<hi where shards == 1 || f.value[i] >> 63 == top { sink ^= pre.value(s, i) }
                        for i in lo..<hi where shards == 1 || f.value[i] >> 63 == top { run.value(s, i) }
                        lo = hi
                    }
                    consume(sink)
                }
                if shards == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: 2, execute: work) }
            }
        }
    }
}

/// Keeps touched values alive so the compiler cannot drop the loads.
@inline(never) func consume(_ x: UInt64) { if x == 0x5EED_5EED_5EED_5EED { consumed &+= 1 } }
nonisolated(unsafe) private var consumed = 0

/// Shards worth using for `n` rows: two (both cores) for large inputs, one otherwise.
func shardCount(rows n: Int) -> Int { n >= 32_768 ? 2 : 1 }

/// Carries a value into `concurrentPerform` workers; sound only when workers touch disjoint state.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
