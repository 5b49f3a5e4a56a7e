/// A map from 64-bit fingerprints to a pair of `UInt64` values (open addressing, linear probing,
/// load ≤ 0.8, key and values in one 24-byte slot, so a lookup costs one cache miss): the
/// verifier's compact per-key state (a winner's row; or its digest and identity), several times
/// faster and smaller than a `Dictionary` at millions of keys. Fingerprints are `StableHash`
/// values; 0 is kept aside.
struct FingerprintMap {
    typealias Value = (UInt64, UInt64)
    /// Slot i is `slots[3i]` = fingerprint (0 = empty), `slots[3i + 1...3i + 2]` = values.
    private var slots: [UInt64]
    private var zeroValue: Value?
    private(set) var count = 0
    /// Slots: exactly what `expected` needs at load 0.8, not a power of two (a fingerprint's
    /// home slot is `fp × cap / 2⁶⁴`), so 100M keys take 3 GB instead of 6.4.
    private var cap: Int

    init(expected: Int) {
        cap = max(16, expected * 5 / 4 + 1)
        slots = Array(repeating: 0, count: 3 * cap)
    }

    @inline(__always)
    private static func home(_ fp: UInt64, _ cap: Int) -> Int {
        Int(truncatingIfNeeded: fp.multipliedFullWidth(by: UInt64(cap)).high)
    }

    /// The value of `fp`, or nil.
    func get(_ fp: UInt64) -> Value? {
        if fp == 0 { return zeroValue }
        return slots.withUnsafeBufferPointer { s in
            var i = Self.home(fp, cap)
            while true {
                let g = s[3 &* i]
                if g == fp { return (s[3 &* i &+ 1], s[3 &* i &+ 2]) }
                if g == 0 { return nil }
                i &+= 1
                if i == cap { i = 0 }
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
        if (count + 1) * 5 > cap * 4 { grow() }
        let c = cap
        let added = slots.withUnsafeMutableBufferPointer { s in
            var i = Self.home(fp, c)
            while true {
                let g = s[3 &* i]
                if g == fp || g == 0 {
                    s[3 &* i] = fp
                    s[3 &* i &+ 1] = value.0
                    s[3 &* i &+ 2] = value.1
                    return g == 0
                }
                i &+= 1
                if i == c { i = 0 }
            }
        }
        if added { count += 1 }
    }

    /// Calls `body(fingerprint, value)` for every entry (in slot order).
    func forEach(_ body: (UInt64, Value) -> Void) {
        if let z = zeroValue { body(0, z) }
        slots.withUnsafeBufferPointer { s in
            for i in 0..<cap where s[3 &* i] != 0 { body(s[3 &* i], (s[3 &* i &+ 1], s[3 &* i &+ 2])) }
        }
    }

    private mutating func grow() {
        let old = slots
        let oldCap = cap
        cap = 2 * oldCap
        slots = Array(repeating: 0, count: 3 * cap)
        for i in 0..<oldCap where old[3 * i] != 0 {
            var j = Self.home(old[3 * i], cap)
            while slots[3 * j] != 0 {
                j += 1
                if j == cap { j = 0 }
            }
            for k in 0..<3 { slots[3 * j + k] = old[3 * i + k] }
        }
    }
}
