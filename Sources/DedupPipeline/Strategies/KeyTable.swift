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
        return slots.withUnsafeBufferPointer {
            body(RawSlots(p: UnsafeMutablePointer(mutating: $0.baseAddress!), mask: m))
        }
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

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
