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
        slots = Array(repeating: 0, count: 2 * cap)
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

    private mutating func grow() {
        let old = slots
        let oldCap = cap
        cap = 2 * oldCap
        slots = Array(repeating: 0, count: 2 * cap)
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
