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
        slots = KeyTable.zeroedSlots(max(16, expected * 10 / 7 + 1))  // huge pages when large
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
        if (count + 1) * 10 > slots.count * 7 {
            if contains(fp) { return false }  // full of exactly its members: no growth for a repeat
            grow()
        }
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

    /// Inserts every fingerprint of `fps` in order; `body(i, new)` sees whether `fps[i]` was new.
    /// The slot of the fingerprint `lookahead` rows ahead is loaded early, so several cache misses
    /// overlap instead of one per row (the set spans tens of MB at millions of keys; measured with
    /// callgrind and perf on the 1M bench, see /work/notes/verifyspeed.md). Grows only when a new
    /// member would exceed load 0.7, never because a batch might be new or because the set is
    /// full of exactly its expected members: the verifier's sets are sized by the source's unique
    /// count, and growing one (doubling it) at the end of a 100M run cost 1.1 GB more.
    mutating func insertEach(_ fps: UnsafeBufferPointer<UInt64>, _ body: (Int, Bool) -> Void) {
        var start = 0
        while true {
            let room = slots.count * 7 / 10 - count
            let rest = UnsafeBufferPointer(rebasing: fps[start...])
            let offset = start
            start += insertRun(rest, room: room) { body(offset + $0, $1) }
            if start == fps.count { return }
            grow()  // the next fingerprint is new and the set is full
        }
    }

    /// Inserts `fps` in order until a new member would exceed `room` new members; returns how many
    /// fingerprints were consumed (all of them, or the index of the one that did not fit).
    private mutating func insertRun(_ fps: UnsafeBufferPointer<UInt64>, room: Int, _ body: (Int, Bool) -> Void)
        -> Int
    {
        var added = 0
        var zero = hasZero
        var consumed = fps.count
        slots.withUnsafeMutableBufferPointer { s in
            let base = s.baseAddress!
            let cap = s.count
            rows: for i in fps.indices {
                let ahead = i &+ Self.lookahead
                if ahead < fps.count { prefetch(base + Self.home(fps[ahead], cap)) }
                let fp = fps[i]
                var new: Bool
                if fp == 0 {
                    if !zero && added >= room {
                        consumed = i
                        break rows
                    }
                    new = !zero
                    zero = true
                } else {
                    var k = Self.home(fp, cap)
                    while true {
                        let v = base[k]
                        if v == fp {
                            new = false
                            break
                        }
                        if v == 0 {
                            if added >= room {
                                consumed = i
                                break rows
                            }
                            base[k] = fp
                            new = true
                            break
                        }
                        k &+= 1
                        if k == cap { k = 0 }
                    }
                }
                if new { added &+= 1 }
                body(i, new)
            }
        }
        hasZero = zero
        count += added
        return consumed
    }

    /// `body(i, position(of: fps[i]))` for every i, with the same lookahead as `insertEach`.
    func positions(_ fps: UnsafeBufferPointer<UInt64>, _ body: (Int, Int?) -> Void) {
        slots.withUnsafeBufferPointer { s in
            let base = s.baseAddress!
            let cap = s.count
            for i in fps.indices {
                let ahead = i &+ Self.lookahead
                if ahead < fps.count { prefetch(base + Self.home(fps[ahead], cap)) }
                let fp = fps[i]
                if fp == 0 {
                    body(i, hasZero ? cap : nil)
                    continue
                }
                var k = Self.home(fp, cap)
                while true {
                    let v = base[k]
                    if v == fp {
                        body(i, k)
                        break
                    }
                    if v == 0 {
                        body(i, nil)
                        break
                    }
                    k &+= 1
                    if k == cap { k = 0 }
                }
            }
        }
    }

    /// Rows between a slot's early load and its use (enough misses in flight, few enough that
    /// the loaded lines are still cached).
    static let lookahead = 12

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

    private mutating func grow() { rehash(capacity: slots.count * 2) }

    private mutating func rehash(capacity: Int) {
        let old = slots
        slots = KeyTable.zeroedSlots(capacity)
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
