/// A set of 64-bit fingerprints (open addressing, linear probing, load ≤ 0.7): the verifier's
/// compact way to count distinct keys at millions of rows. The capacity is exactly what
/// `expected` needs (not a power of two: a fingerprint's home slot is `fp × capacity / 2⁶⁴`), so a
/// set costs about 11.5 bytes a member instead of up to 23. The fingerprints are `StableHash`
/// values; 0 is kept aside.
struct FingerprintSet {
    private var slots: [UInt64]
    private var hasZero = false
    private(set) var count = 0

    init(expected: Int) {
        slots = Array(repeating: 0, count: max(16, expected * 10 / 7 + 1))
    }

    @inline(__always)
    private static func home(_ fp: UInt64, _ cap: Int) -> Int {
        Int(truncatingIfNeeded: fp.multipliedFullWidth(by: UInt64(cap)).high)
    }

    /// Inserts `fp`; returns whether it was new.
    @discardableResult
    mutating func insert(_ fp: UInt64) -> Bool {
        if fp == 0 {
            defer { hasZero = true }
            if !hasZero { count += 1 }
            return !hasZero
        }
        if (count + 1) * 10 > slots.count * 7 { grow() }
        let inserted = slots.withUnsafeMutableBufferPointer { s in
            let cap = s.count
            var i = Self.home(fp, cap)
            while true {
                if s[i] == fp { return false }
                if s[i] == 0 {
                    s[i] = fp
                    return true
                }
                i += 1
                if i == cap { i = 0 }
            }
        }
        if inserted { count += 1 }
        return inserted
    }

    func contains(_ fp: UInt64) -> Bool { position(of: fp) != nil }

    /// A stable position for each member (valid until the next insert): `capacity` for the
    /// fingerprint 0, a slot index otherwise; nil for non-members. Lets a caller mark members in a
    /// bitmap of `capacity + 1` bits instead of building a second set.
    func position(of fp: UInt64) -> Int? {
        if fp == 0 { return hasZero ? slots.count : nil }
        return slots.withUnsafeBufferPointer { s in
            let cap = s.count
            var i = Self.home(fp, cap)
            while true {
                if s[i] == fp { return i }
                if s[i] == 0 { return nil }
                i += 1
                if i == cap { i = 0 }
            }
        }
    }

    /// Positions range over 0...capacity.
    var capacity: Int { slots.count }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        let cap = slots.count
        for fp in old where fp != 0 {
            var i = Self.home(fp, cap)
            while slots[i] != 0 {
                i += 1
                if i == cap { i = 0 }
            }
            slots[i] = fp
        }
    }
}
