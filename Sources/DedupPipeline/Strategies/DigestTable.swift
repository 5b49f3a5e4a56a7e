#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A flat open-addressing table of `KeyDigest`s, optionally with an `Int32` value each (a file
/// number): linear probing, one slot of 3 (or 4, with values) `UInt32` words, so a key costs 12
/// (16) bytes at most `maxLoad` full. The capacity is exactly what the expected keys need (not a
/// power of two: a key's home slot is `(mixed << 1) × capacity / 2⁶⁴`), so 100M keys take about 1.5 GB
/// (2 GB with values) instead of the 64-byte hex keys plus a fingerprint table of before.
///
/// Slot words: `lo32(a)`, `hi32(a)`, `b`[, value]. `a`'s low byte is the digest's tag, never 0,
/// so a slot whose first word is 0 is empty. Entries are never removed (dedup state only grows in
/// a run). Reference semantics: one strategy owns its table; the hot loops write through `Raw`.
final class DigestTable {
    /// Largest fill before the table grows (a growth doubles the memory for a moment).
    static let maxLoad = 0.9
    /// Fill the initial capacity is sized for (the expected count includes duplicate deliveries,
    /// so the real fill stays lower; linear probing is still short at 0.8).
    static let sizedLoad = 0.8

    let stride: Int
    private(set) var capacity: Int
    private(set) var count = 0
    private var words: UnsafeMutablePointer<UInt32>

    init(expected: Int, values: Bool) {
        stride = values ? 4 : 3
        capacity = max(16, Int(Double(max(0, expected)) / Self.sizedLoad) + 1)
        words = Self.allocate(capacity * stride)
    }

    deinit { free(words) }

    var storesValues: Bool { stride == 4 }
    /// Bytes held by the slots.
    var bytes: Int { capacity * stride * 4 }

    /// Zeroed words; large tables ask for transparent huge pages (random probes into hundreds of
    /// MB otherwise miss the TLB as well as the cache). calloc maps fresh zero pages, so memory
    /// is only committed as slots are touched.
    private static func allocate(_ count: Int) -> UnsafeMutablePointer<UInt32> {
        guard let p = calloc(count, 4) else { fatalError("out of memory for a key table of \(count * 4) bytes") }
        if count * 4 >= 4 << 20 {
            let page = 4096
            let start = (Int(bitPattern: p) + page - 1) & ~(page - 1)
            let end = (Int(bitPattern: p) + count * 4) & ~(page - 1)
            if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
        }
        return p.assumingMemoryBound(to: UInt32.self)
    }

    /// Makes room for `extra` more keys without growing inside a hot loop.
    func reserve(_ extra: Int) {
        let need = count + extra
        guard Double(need) > Double(capacity) * Self.maxLoad else { return }
        rehash(to: max(capacity * 2, Int(Double(need) / Self.sizedLoad) + 1))
    }

    /// Raw access for the hot loops (valid until the next `reserve`); record insertions with `added`.
    var raw: Raw { Raw(words: words, capacity: UInt64(capacity), stride: stride) }

    func added(_ k: Int) { count += k }

    private func rehash(to newCapacity: Int) {
        let old = raw
        let oldWords = words
        capacity = newCapacity
        words = Self.allocate(newCapacity * stride)
        let r = raw
        for s in 0..<Int(old.capacity) where oldWords[s * stride] != 0 {
            let d = old.digest(s)
            let slot = r.locate(d).slot
            r.fill(slot, d, stride == 4 ? old.value(s) : 0)
        }
        free(oldWords)
    }

    /// Unchecked slot access. Callers keep each key's probes to one thread at a time.
    struct Raw: @unchecked Sendable {
        let words: UnsafeMutablePointer<UInt32>
        let capacity: UInt64
        let stride: Int

        /// The home slot, from the mixed bits below the top one (the top bit picks the shard).
        @inline(__always) func home(_ d: KeyDigest) -> Int {
            Int(truncatingIfNeeded: (d.mixed &<< 1).multipliedFullWidth(by: capacity).high)
        }

        /// Prefetches the home slot.
        @inline(__always) func prefetch(_ d: KeyDigest) { DedupPipeline.prefetch(words + home(d) &* stride) }

        /// The slot holding `d` (`found`), or the empty slot where it would go.
        @inline(__always)
        func locate(_ d: KeyDigest) -> (slot: Int, found: Bool) {
            let w0 = UInt32(truncatingIfNeeded: d.a)
            let w1 = UInt32(truncatingIfNeeded: d.a >> 32)
            let cap = Int(capacity)
            var i = home(d)
            while true {
                let p = words + i &* stride
                if p[0] == 0 { return (i, false) }
                if p[0] == w0 && p[1] == w1 && p[2] == d.b { return (i, true) }
                i &+= 1
                if i == cap { i = 0 }
            }
        }

        @inline(__always) func fill(_ slot: Int, _ d: KeyDigest, _ value: Int32) {
            let p = words + slot &* stride
            p[0] = UInt32(truncatingIfNeeded: d.a)
            p[1] = UInt32(truncatingIfNeeded: d.a >> 32)
            p[2] = d.b
            if stride == 4 { p[3] = UInt32(bitPattern: value) }
        }

        @inline(__always) func value(_ slot: Int) -> Int32 { Int32(bitPattern: words[slot &* stride &+ 3]) }
        @inline(__always) func setValue(_ slot: Int, _ v: Int32) { words[slot &* stride &+ 3] = UInt32(bitPattern: v) }

        @inline(__always) func digest(_ slot: Int) -> KeyDigest {
            let p = words + slot &* stride
            return KeyDigest(a: UInt64(p[0]) | UInt64(p[1]) << 32, b: p[2])
        }
    }
}
