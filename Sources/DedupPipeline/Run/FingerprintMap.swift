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
    mutating func set(_ fp: UInt64, _ value: Value) {
        if fp == 0 {
            if zeroValue == nil { count += 1 }
            zeroValue = value
            return
        }
        if (count + 1) * 10 > (mask + 1) * 7 { grow() }
        let m = mask
        let added = slots.withUnsafeMutableBufferPointer { s in
            var i = Int(truncatingIfNeeded: fp) & m
            while true {
                let g = s[3 &* i]
                if g == fp || g == 0 {
                    s[3 &* i] = fp
                    s[3 &* i &+ 1] = value.0
                    s[3 &* i &+ 2] = value.1
                    return g == 0
                }
                i = (i &+ 1) & m
            }
        }
        if added { count += 1 }
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
