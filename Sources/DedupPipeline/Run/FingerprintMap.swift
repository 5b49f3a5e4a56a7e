/// A map from 64-bit fingerprints to a `UInt64` (open addressing, linear probing, load ≤ 0.8,
/// key and value in one 16-byte slot, so a lookup costs one cache miss): the verifier's compact
/// per-key state (a key's winning row digest; a batch winner's row index), several times faster
/// and smaller than a `Dictionary` at millions of keys. Fingerprints are `StableHash` values; 0 is
/// kept aside.
struct FingerprintMap {
    typealias Value = UInt64
    /// Slot i is `slots[2i]` = fingerprint (0 = empty), `slots[2i + 1]` = value.
    private var slots: [UInt64]
    private var zeroValue: Value?
    private(set) var count = 0
    /// Slots: exactly what `expected` needs at load 0.8, not a power of two (a fingerprint's
    /// home slot is `fp × cap / 2⁶⁴`), so 100M keys take 2 GB instead of 4.3.
    private var cap: Int

    init(expected: Int) {
        cap = max(16, expected * 5 / 4 + 1)
        slots = KeyTable.zeroedSlots(2 * cap)  // huge pages when large, as the strategies' tables
    }

    /// Bytes a map sized for `expected` keys allocates (`MemoryEstimate` uses it).
    static func bytes(expected: Int) -> Int { 16 * max(16, expected * 5 / 4 + 1) }

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
                let g = s[2 &* i]
                if g == fp { return s[2 &* i &+ 1] }
                if g == 0 { return nil }
                i &+= 1
                if i == cap { i = 0 }
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
        if (count + 1) * 5 > cap * 4 { grow() }
        let c = cap
        let old = slots.withUnsafeMutableBufferPointer { s -> Value? in
            var i = Self.home(fp, c)
            while true {
                let g = s[2 &* i]
                if g == fp || g == 0 {
                    let previous = g == 0 ? nil : s[2 &* i &+ 1]
                    s[2 &* i] = fp
                    s[2 &* i &+ 1] = value
                    return previous
                }
                i &+= 1
                if i == c { i = 0 }
            }
        }
        if old == nil { count += 1 }
        return old
    }

    /// Prefetches the slot `fp` starts probing at (to be called some rows before `update`/`get`
    /// of `fp`, so its cache miss overlaps other work).
    @inline(__always)
    func prefetch(_ fp: UInt64) {
        slots.withUnsafeBufferPointer { DedupPipeline.prefetch($0.baseAddress! + 2 &* Self.home(fp, cap)) }
    }

    /// Positions range over 0...capacity (`capacity` is the fingerprint 0's).
    var capacity: Int { cap }

    /// `body(i, position, value)` for every `fps[i]` in the map (position stable until the next
    /// insert, in 0...capacity), `body(i, nil)` otherwise. The slot `lookahead` rows ahead is
    /// loaded early so cache misses overlap (as `FingerprintSet.insertEach`).
    func lookupEach(_ fps: UnsafeBufferPointer<UInt64>, _ body: (Int, (position: Int, value: Value)?) -> Void) {
        slots.withUnsafeBufferPointer { s in
            let base = s.baseAddress!
            let c = cap
            for i in fps.indices {
                let ahead = i &+ FingerprintSet.lookahead
                if ahead < fps.count { DedupPipeline.prefetch(base + 2 &* Self.home(fps[ahead], c)) }
                let fp = fps[i]
                if fp == 0 {
                    body(i, zeroValue.map { (c, $0) })
                    continue
                }
                var k = Self.home(fp, c)
                while true {
                    let g = base[2 &* k]
                    if g == fp {
                        body(i, (k, base[2 &* k &+ 1]))
                        break
                    }
                    if g == 0 {
                        body(i, nil)
                        break
                    }
                    k &+= 1
                    if k == c { k = 0 }
                }
            }
        }
    }

    /// Calls `body(fingerprint, value)` for every entry (in slot order).
    func forEach(_ body: (UInt64, Value) -> Void) {
        if let z = zeroValue { body(0, z) }
        slots.withUnsafeBufferPointer { s in
            for i in 0..<cap where s[2 &* i] != 0 { body(s[2 &* i], s[2 &* i &+ 1]) }
        }
    }

    /// Buffers `foldBatch` keeps from one batch to the next (each row's slot position, and two
    /// bitmaps over the slots), so a batch allocates nothing and faults in no fresh pages.
    struct BatchScratch {
        fileprivate var positions: [Int] = []
        /// Two bitmaps over the slot positions, interleaved a word each so both bits of a slot
        /// share a cache line: word 2k (bits for positions 64k..<64k+64) marks the slots a row of
        /// the current batch has set, word 2k + 1 the slots more than one row has reached.
        fileprivate var marks: [UInt64] = []
    }

    /// Folds one micro-batch in, last write wins across batches: each distinct key of `keys` gets
    /// the value of its batch winner — its first row w, replaced by each later row i for which
    /// `replaces(i, w)` (nil: always, the last row wins). Returns what the sum of the map's values
    /// changed by (new values minus the replaced ones, mod 2⁶⁴). The same map as `update` with
    /// each of `ReferenceModel.batchWinners`' rows, without a second, per-batch map: one probe per
    /// row in row order (prefetched `foldLookahead` rows ahead), a key's first row of
    /// the batch sets its value at once; keys reached again in the batch (a few percent) are then
    /// settled in a small map of their own. `keys` and `values`: one per row.
    mutating func foldBatch(
        keys: UnsafeBufferPointer<UInt64>, values: UnsafeBufferPointer<UInt64>, scratch: inout BatchScratch,
        replaces: ((_ later: Int, _ current: Int) -> Bool)?
    ) -> UInt64 {
        let n = keys.count
        var delta: UInt64 = 0
        guard let replaces else {
            // the last row of a key wins: every row overwrites, which leaves the last
            var start = 0
            while true {
                start = lastWrites(keys, values, from: start, &delta)
                if start == n { return delta }
                grow()  // a new key would exceed load 0.8
            }
        }
        if scratch.positions.count < n { scratch.positions = [Int](repeating: 0, count: n) }
        var start = 0
        var repeats = 0
        while true {
            let words = 2 * ((cap + 1) / 64 + 1)  // positions 0...cap
            if scratch.marks.count != words { scratch.marks = [UInt64](repeating: 0, count: words) }
            start = firstWrites(keys, values, from: start, &scratch, &delta, &repeats)
            if start == n { break }
            // a new key would exceed load 0.8: grow, then find the rows so far at their new positions
            grow()
            scratch.marks = [UInt64](repeating: 0, count: 2 * ((cap + 1) / 64 + 1))
            for j in 0..<start {
                let p = lookupPosition(keys[j])!
                scratch.positions[j] = p
                let (w, bit) = ((p >> 6) &* 2, UInt64(1) << UInt64(p & 63))
                if scratch.marks[w] & bit != 0 { scratch.marks[w + 1] |= bit }
                scratch.marks[w] |= bit
            }
        }
        if repeats > 0 {
            // keys reached by more than one row: their winner by `replaces`, in a small map from
            // the slot position (spread over the fingerprints by an odd multiplier, a bijection:
            // small integers would all start probing at slot 0) to the row
            var winner = FingerprintMap(expected: repeats)
            scratch.positions.withUnsafeBufferPointer { pos in
                scratch.marks.withUnsafeBufferPointer { m in
                    let marks = m.baseAddress!
                    for i in 0..<n {
                        let ahead = i &+ Self.foldLookahead
                        if ahead < n { DedupPipeline.prefetch(marks + (pos[ahead] >> 6) &* 2) }
                        let p = pos[i]
                        guard marks[(p >> 6) &* 2 &+ 1] & (UInt64(1) << UInt64(p & 63)) != 0 else { continue }
                        let fp = UInt64(p) &* Self.spread
                        if let w = winner.get(fp) {
                            if replaces(i, Int(w)) { winner.set(fp, UInt64(i)) }
                        } else {
                            winner.set(fp, UInt64(i))
                        }
                    }
                }
            }
            // the slot holds the key's first row's value (set by `firstWrites`)
            winner.forEach { fp, w in
                let v = values[Int(w)]
                delta = delta &- replaceValue(atPosition: Int(fp &* Self.unspread), with: v) &+ v
            }
        }
        scratch.marks.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        return delta
    }

    /// Rows between the early load of a slot (and its marks word) and the row's probe.
    static let foldLookahead = 12

    /// An odd multiplier (2⁶⁴/φ) and its inverse mod 2⁶⁴.
    private static let spread: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let unspread: UInt64 = 0xF1DE_83E1_9937_733D

    /// `foldBatch`'s pass over rows `start...`: finds or inserts each key, notes its position; a
    /// key's first row of the batch writes its value, later rows only mark the slot repeated.
    /// Stops before a new key that would exceed load 0.8, returning its row (`keys.count` when done).
    private mutating func firstWrites(
        _ keys: UnsafeBufferPointer<UInt64>, _ values: UnsafeBufferPointer<UInt64>, from start: Int,
        _ scratch: inout BatchScratch, _ delta: inout UInt64, _ repeats: inout Int
    ) -> Int {
        let n = keys.count
        let c = cap
        let room = c * 4 / 5 - count
        var added = 0
        var zero = zeroValue
        var d = delta
        var r = repeats
        var stop = n
        slots.withUnsafeMutableBufferPointer { s in
            scratch.positions.withUnsafeMutableBufferPointer { pos in
                scratch.marks.withUnsafeMutableBufferPointer { m in
                    let base = s.baseAddress!
                    let marks = m.baseAddress!
                    for i in start..<n {
                        // the slot and its marks word, a few rows ahead (a key sits at or
                        // just past its home)
                        let ahead = i &+ Self.foldLookahead
                        if ahead < n {
                            let h = Self.home(keys[ahead], c)
                            Self.prefetchProbe(base, h)
                            DedupPipeline.prefetch(marks + (h >> 6) &* 2)
                        }
                        let fp = keys[i]
                        var p: Int
                        var old: Value?
                        if fp == 0 {
                            p = c
                            old = zero
                            if old == nil { added &+= 1 }
                        } else {
                            p = Self.home(fp, c)
                            while true {
                                let g = base[2 &* p]
                                if g == fp {
                                    old = base[2 &* p &+ 1]
                                    break
                                }
                                if g == 0 {
                                    if added >= room {
                                        stop = i
                                        return
                                    }
                                    base[2 &* p] = fp
                                    added &+= 1
                                    break
                                }
                                p &+= 1
                                if p == c { p = 0 }
                            }
                        }
                        pos[i] = p
                        let (w, bit) = ((p >> 6) &* 2, UInt64(1) << UInt64(p & 63))
                        guard marks[w] & bit == 0 else {
                            marks[w &+ 1] |= bit
                            r &+= 1
                            continue
                        }
                        marks[w] |= bit
                        if let old { d &-= old }
                        let v = values[i]
                        d &+= v
                        if fp == 0 { zero = v } else { base[2 &* p &+ 1] = v }
                    }
                }
            }
        }
        zeroValue = zero
        count += added
        delta = d
        repeats = r
        return stop
    }

    /// `foldBatch`'s pass when the last row of a key wins: every row overwrites its key's value.
    /// Stops before a new key that would exceed load 0.8, returning its row (`keys.count` when done).
    private mutating func lastWrites(
        _ keys: UnsafeBufferPointer<UInt64>, _ values: UnsafeBufferPointer<UInt64>, from start: Int,
        _ delta: inout UInt64
    ) -> Int {
        let n = keys.count
        let c = cap
        let room = c * 4 / 5 - count
        var added = 0
        var zero = zeroValue
        var d = delta
        var stop = n
        slots.withUnsafeMutableBufferPointer { s in
            let base = s.baseAddress!
            for i in start..<n {
                let ahead = i &+ Self.foldLookahead
                if ahead < n { Self.prefetchProbe(base, Self.home(keys[ahead], c)) }
                let fp = keys[i]
                let v = values[i]
                if fp == 0 {
                    if let old = zero { d &-= old } else { added &+= 1 }
                    zero = v
                    d &+= v
                    continue
                }
                var p = Self.home(fp, c)
                while true {
                    let g = base[2 &* p]
                    if g == fp {
                        d &-= base[2 &* p &+ 1]
                        break
                    }
                    if g == 0 {
                        if added >= room {
                            stop = i
                            return
                        }
                        base[2 &* p] = fp
                        added &+= 1
                        break
                    }
                    p &+= 1
                    if p == c { p = 0 }
                }
                base[2 &* p &+ 1] = v
                d &+= v
            }
        }
        zeroValue = zero
        count += added
        delta = d
        return stop
    }

    /// Prefetches the cache lines of slots h and h + 2: a probe that runs past its home's line
    /// (often, at load 0.8 with 4 slots a line) finds the next line on its way too.
    @inline(__always)
    private static func prefetchProbe(_ base: UnsafeMutablePointer<UInt64>, _ h: Int) {
        DedupPipeline.prefetch(base + 2 &* h)
        DedupPipeline.prefetch(base + (2 &* h &+ 4))
    }

    /// The slot position of `fp` (`capacity` for 0), or nil when absent.
    private func lookupPosition(_ fp: UInt64) -> Int? {
        if fp == 0 { return zeroValue == nil ? nil : cap }
        return slots.withUnsafeBufferPointer { s in
            var i = Self.home(fp, cap)
            while true {
                let g = s[2 &* i]
                if g == fp { return i }
                if g == 0 { return nil }
                i &+= 1
                if i == cap { i = 0 }
            }
        }
    }

    /// Sets the value at a member's position; returns the value it held.
    private mutating func replaceValue(atPosition p: Int, with v: Value) -> Value {
        if p == cap {
            defer { zeroValue = v }
            return zeroValue!
        }
        defer { slots[2 &* p &+ 1] = v }
        return slots[2 &* p &+ 1]
    }

    private mutating func grow() {
        let old = slots
        let oldCap = cap
        cap = 2 * oldCap
        slots = KeyTable.zeroedSlots(2 * cap)
        for i in 0..<oldCap where old[2 * i] != 0 {
            var j = Self.home(old[2 * i], cap)
            while slots[2 * j] != 0 {
                j += 1
                if j == cap { j = 0 }
            }
            slots[2 * j] = old[2 * i]
            slots[2 * j + 1] = old[2 * i + 1]
        }
    }
}
