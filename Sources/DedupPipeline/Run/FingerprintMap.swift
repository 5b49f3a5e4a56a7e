/// A map from 64-bit fingerprints to a pair of `UInt64` values (open addressing, linear probing,
/// load ≤ 0.7, key and values in one 24-byte slot, so a lookup costs one cache miss): the
/// verifier's compact per-key state (a winner's row; or its digest and identity), several times
/// faster and smaller than a `Dictionary` at millions of keys. Fingerprints are `StableHash`
/// values; 0 is kept aside.
struct FingerprintMap {
    typealias Value = (UInt64, UInt64)
    /// Slot i is `slots[3i]` = fingerprint (0 = empty), `slots[3i + 1...3i + 2]` = values.
    private var slots: [UInt64]
    private var zeroValue: Value?
    private(set) var count = 0
    private var mask: Int

    init(expected: Int) {
        var cap = 16
        while cap * 7 < expected * 10 { cap <<= 1 }
        slots = Array(repeating: 0, count: 3 * cap)
        mask = cap - 1
    }

    /// The value of `fp`, or nil.
    func get(_ fp: UInt64) -> Value? {
        if fp == 0 { return zeroValue }
        return slots.withUnsafeBufferPointer { s in
            var i = Int(truncatingIfNeeded: fp) & mask
            while true {
                let g = s[3 &* i]
                if g == fp { return (s[3 &* i &+ 1], s[3 &* i &+ 2]) }
                if g == 0 { return nil }
                i = (i &+ 1) & mask
            }
        }
    }

    /// Sets the value of `fp` (inserting it if new).
    mutating func set(_ fp: UInt64, _ value: Value) { _ = update(fp, value) }

    /// Sets the value of `fp` (inserting it if new); returns the value it replaced, if any.
    @discardableResult
    mutating func update(_ fp: UInt64, _ value: Value) -> Value? {
        if fp == 0 {
            let old = zeroValue
            if old == nil { count += 1 }
            zeroValue = value
            return old
        }
        if (count + 1) * 10 > (mask + 1) * 7 { grow() }
        let m = mask
        let old = slots.withUnsafeMutableBufferPointer { s -> Value? in
            var i = Int(truncatingIfNeeded: fp) & m
            while true {
                let g = s[3 &* i]
                if g == fp || g == 0 {
                    let previous = g == 0 ? nil : (s[3 &* i &+ 1], s[3 &* i &+ 2])
                    s[3 &* i] = fp
                    s[3 &* i &+ 1] = value.0
                    s[3 &* i &+ 2] = value.1
                    return previous
                }
                i = (i &+ 1) & m
            }
        }
        if old == nil { count += 1 }
        return old
    }

    /// Loads the slot `fp` starts probing at (to be called some rows before `update`/`get` of
    /// `fp`, so its cache miss overlaps other work); the result only feeds `consume`.
    @inline(__always)
    func touch(_ fp: UInt64) -> UInt64 {
        slots.withUnsafeBufferPointer { $0[3 &* (Int(truncatingIfNeeded: fp) & mask)] }
    }

    /// Positions range over 0...capacity (`capacity` is the fingerprint 0's).
    var capacity: Int { mask + 1 }

    /// `body(i, position, value)` for every `fps[i]` in the map (position stable until the next
    /// insert, in 0...capacity), `body(i, nil)` otherwise. The slot `lookahead` rows ahead is
    /// loaded early so cache misses overlap (as `FingerprintSet.insertEach`).
    func lookupEach(_ fps: UnsafeBufferPointer<UInt64>, _ body: (Int, (position: Int, value: Value)?) -> Void) {
        slots.withUnsafeBufferPointer { s in
            let base = s.baseAddress!
            let m = mask
            var sink: UInt64 = 0
            for i in fps.indices {
                let ahead = i &+ FingerprintSet.lookahead
                if ahead < fps.count { sink ^= base[3 &* (Int(truncatingIfNeeded: fps[ahead]) & m)] }
                let fp = fps[i]
                if fp == 0 {
                    body(i, zeroValue.map { (m &+ 1, $0) })
                    continue
                }
                var k = Int(truncatingIfNeeded: fp) & m
                while true {
                    let g = base[3 &* k]
                    if g == fp {
                        body(i, (k, (base[3 &* k &+ 1], base[3 &* k &+ 2])))
                        break
                    }
                    if g == 0 {
                        body(i, nil)
                        break
                    }
                    k = (k &+ 1) & m
                }
            }
            consume(sink)  // keeps the early loads (RawSlots.swift)
        }
    }

    /// Calls `body(fingerprint, value)` for every entry (in slot order).
    func forEach(_ body: (UInt64, Value) -> Void) {
        if let z = zeroValue { body(0, z) }
        slots.withUnsafeBufferPointer { s in
            for i in 0...mask where s[3 &* i] != 0 { body(s[3 &* i], (s[3 &* i &+ 1], s[3 &* i &+ 2])) }
        }
    }

    private mutating func grow() {
        let old = slots
        let oldCap = mask + 1
        slots = Array(repeating: 0, count: 6 * oldCap)
        mask = 2 * oldCap - 1
        for i in 0..<oldCap where old[3 * i] != 0 {
            var j = Int(truncatingIfNeeded: old[3 * i]) & mask
            while slots[3 * j] != 0 { j = (j + 1) & mask }
            for k in 0..<3 { slots[3 * j + k] = old[3 * i + k] }
        }
    }
}
