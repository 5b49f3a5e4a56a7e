/// A set of 64-bit fingerprints (open addressing, linear probing, load ≤ 0.7): the verifier's
/// compact way to count distinct keys at 10M rows. The fingerprints are `StableHash` values.
struct FingerprintSet {
    private var slots: [UInt64]
    private var hasZero = false
    private(set) var count = 0
    private var mask: Int

    init(expected: Int) {
        var cap = 16
        while cap * 7 < expected * 10 { cap <<= 1 }
        slots = Array(repeating: 0, count: cap)
        mask = cap - 1
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
        let m = mask
        let inserted = slots.withUnsafeMutableBufferPointer { s in
            var i = Int(truncatingIfNeeded: fp) & m
            while true {
                if s[i] == fp { return false }
                if s[i] == 0 {
                    s[i] = fp
                    return true
                }
                i = (i + 1) & m
            }
        }
        if inserted { count += 1 }
        return inserted
    }

    func contains(_ fp: UInt64) -> Bool {
        if fp == 0 { return hasZero }
        return slots.withUnsafeBufferPointer { s in
            var i = Int(truncatingIfNeeded: fp) & mask
            while true {
                if s[i] == fp { return true }
                if s[i] == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }

    /// A stable position for each member (valid until the next insert): `capacity` for the
    /// fingerprint 0, a slot index otherwise; nil for non-members. Lets a caller mark members in a
    /// bitmap of `capacity + 1` bits instead of building a second set.
    func position(of fp: UInt64) -> Int? {
        if fp == 0 { return hasZero ? slots.count : nil }
        return slots.withUnsafeBufferPointer { s in
            var i = Int(truncatingIfNeeded: fp) & mask
            while true {
                if s[i] == fp { return i }
                if s[i] == 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }

    /// Positions range over 0...capacity.
    var capacity: Int { slots.count }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for fp in old where fp != 0 {
            var i = Int(truncatingIfNeeded: fp) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = fp
        }
    }
}
