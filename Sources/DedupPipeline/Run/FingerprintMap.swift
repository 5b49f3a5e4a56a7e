/// A map from 64-bit fingerprints to a `UInt64` value (open addressing, linear probing, load
/// ≤ 0.7, key and value in one 16-byte slot): the verifier's compact per-key state (a winner's row,
/// or its digest), several times faster and smaller than a `Dictionary` at millions of keys.
/// Fingerprints are `StableHash` values; 0 is kept aside.
struct FingerprintMap {
    /// Slot i is `slots[2i]` = fingerprint (0 = empty), `slots[2i + 1]` = value.
    private var slots: [UInt64]
    private var zeroValue: UInt64?
    private(set) var count = 0
    private var mask: Int

    init(expected: Int) {
        var cap = 16
        while cap * 7 < expected * 10 { cap <<= 1 }
        slots = Array(repeating: 0, count: 2 * cap)
        mask = cap - 1
    }

    /// The value of `fp`, or nil.
    func get(_ fp: UInt64) -> UInt64? {
        if fp == 0 { return zeroValue }
        return slots.withUnsafeBufferPointer { s in
            var i = Int(truncatingIfNeeded: fp) & mask
            while true {
                let g = s[2 &* i]
                if g == fp { return s[2 &* i &+ 1] }
                if g == 0 { return nil }
                i = (i &+ 1) & mask
            }
        }
    }

    /// Sets the value of `fp` (inserting it if new).
    mutating func set(_ fp: UInt64, _ value: UInt64) {
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
                let g = s[2 &* i]
                if g == fp || g == 0 {
                    s[2 &* i] = fp
                    s[2 &* i &+ 1] = value
                    return g == 0
                }
                i = (i &+ 1) & m
            }
        }
        if added { count += 1 }
    }

    /// Calls `body(fingerprint, value)` for every entry (in slot order).
    func forEach(_ body: (UInt64, UInt64) -> Void) {
        if let z = zeroValue { body(0, z) }
        slots.withUnsafeBufferPointer { s in
            for i in 0...mask where s[2 &* i] != 0 { body(s[2 &* i], s[2 &* i &+ 1]) }
        }
    }

    private mutating func grow() {
        let old = slots
        let oldCap = mask + 1
        slots = Array(repeating: 0, count: 4 * oldCap)
        mask = 2 * oldCap - 1
        for i in 0..<oldCap where old[2 * i] != 0 {
            var j = Int(truncatingIfNeeded: old[2 * i]) & mask
            while slots[2 * j] != 0 { j = (j + 1) & mask }
            slots[2 * j] = old[2 * i]
            slots[2 * j + 1] = old[2 * i + 1]
        }
    }
}
