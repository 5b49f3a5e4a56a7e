import DeltaStorage

/// An exact set of one micro-batch's keys, each with an `Int32` value: keys are stored once in an
/// arena (so equal fingerprints are confirmed against real bytes) and found through a `KeyTable`
/// per shard: two shards (by the fingerprint's top bit) filled on both cores for large inputs.
/// Used per batch (merge key sets, the rows a rewrite drops), where exactness matters and the
/// size is bounded; the long-lived indexes keep `KeyDigest`s instead (`DigestIndex`).
struct KeyIndex {
    private var shards: [KeyTable]
    /// Every key added, in order; a key's number is its position here.
    private(set) var arena = ByteColumn()
    /// The value of each key number.
    var values: [Int32] = []

    /// Keys the index is sized for (the arena reserves room for them on the first insert).
    private let expected: Int

    init(expected: Int) {
        self.expected = expected
        shards = [KeyTable(expected: expected / 2 + 16), KeyTable(expected: expected / 2 + 16)]
    }

    var count: Int { shards[0].count + shards[1].count }

    @inline(__always) static func shard(_ fp: UInt64) -> Int { Int(fp >> 63) }

    /// Adds the keys of `keys` in order. For each row: if its key is new it gets `value(row)` and
    /// `result[row] = -1`; otherwise `result[row]` = the key number it already has (possibly from an
    /// earlier row of this same call).
    mutating func insert(_ keys: ByteColumn, fingerprints fps: [UInt64], value: (Int) -> Int32) -> [Int32] {
        let n = keys.count
        let base = arena.count
        if base == 0 && expected > n && n > 0 {  // one allocation instead of repeated doubling
            arena.reserve(values: expected, bytes: keys.bytes.count / n * expected + keys.bytes.count)
        }
        arena.appendFast(keys)
        var result = [Int32](repeating: -1, count: n)
        let arenaCopy = arena  // shares storage; not mutated while its pointers are in use
        arenaCopy.withKeyBuffer { kb in
            result.withUnsafeMutableBufferPointer { res in
                fps.withUnsafeBufferPointer { fb in
                    let r = UncheckedSendable(res)
                    let k = UncheckedSendable(kb)
                    let f = UncheckedSendable(fb)
                    // reserve room for every row in its shard (no growth inside the loop); with two workers
                    // each takes the rows of its shard, with one it takes all (routing by shard)
                    var ones = 0
                    for i in 0..<n { ones &+= Int(f.value[i] >> 63) }
                    let raw0 = shards[0].withRawSlots(reserving: n - ones) { ($0, 0) }
                    let raw1 = shards[1].withRawSlots(reserving: ones) { ($0, 0) }
                    let inserted = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2)
                    inserted.initialize(repeating: 0)
                    defer { inserted.deallocate() }
                    let ins = UncheckedSendable(inserted)
                    let used = shardCount(rows: n)
                    inShards(used) { s in
                        var added = (0, 0)
                        for i in 0..<n where used == 1 || Int(f.value[i] >> 63) == s {
                            let ahead = i &+ prefetchDistance
                            if ahead < n && (used == 1 || Int(f.value[ahead] >> 63) == s) {
                                (f.value[ahead] >> 63 == 0 ? raw0 : raw1).prefetch(f.value[ahead])
                            }
                            let raw = f.value[i] >> 63 == 0 ? raw0 : raw1
                            let me = base + i
                            let (slot, found) = raw.locate(f.value[i]) {
                                KeyColumn.equal(k.value, Int($0), k.value, me)
                            }
                            if found {
                                r.value[i] = raw.payload(slot)
                            } else {
                                raw.fill(slot, f.value[i], Int32(me))
                                if f.value[i] >> 63 == 0 { added.0 += 1 } else { added.1 += 1 }
                            }
                        }
                        // one worker per shard writes its own counts; a single worker writes both
                        if used == 1 || s == 0 { ins.value[0] += added.0 }
                        if used == 1 || s == 1 { ins.value[1] += added.1 }
                    }
                    shards[0].addCount(inserted[0])
                    shards[1].addCount(inserted[1])
                }
            }
        }
        // values by key number; duplicate rows get a slot too (unused) so numbers stay positional
        values.reserveCapacity(arena.count)
        values += (0..<n).lazy.map { result[$0] < 0 ? value($0) : -1 }
        return result
    }

    /// Key numbers for every row of `keys` (nil when absent), looked up on both cores.
    func lookup(_ keys: ByteColumn, fingerprints fps: [UInt64]) -> [Int32?] {
        let n = keys.count
        var out = [Int32?](repeating: nil, count: n)
        shards[0].withRawSlotsForReading { raw0 in
            shards[1].withRawSlotsForReading { raw1 in
                lookup(keys, fps, raw0, raw1, into: &out)
            }
        }
        return out
    }

    private func lookup(
        _ keys: ByteColumn, _ fps: [UInt64], _ raw0: RawSlots, _ raw1: RawSlots, into out: inout [Int32?]
    ) {
        let n = keys.count
        arena.withKeyBuffer { kb in
            keys.withKeyBuffer { qb in
                out.withUnsafeMutableBufferPointer { ob in
                    fps.withUnsafeBufferPointer { fb in
                        let o = UncheckedSendable(ob)
                        let a = UncheckedSendable(kb)
                        let q = UncheckedSendable(qb)
                        let f = UncheckedSendable(fb)
                        let used = shardCount(rows: n)
                        inShards(used) { s in
                            for i in 0..<n where used == 1 || Int(f.value[i] >> 63) == s {
                                let ahead = i &+ prefetchDistance
                                if ahead < n {
                                    (Int(f.value[ahead] >> 63) == 0 ? raw0 : raw1).prefetch(f.value[ahead])
                                }
                                let raw = Int(f.value[i] >> 63) == 0 ? raw0 : raw1
                                let (slot, found) = raw.locate(f.value[i]) {
                                    KeyColumn.equal(a.value, Int($0), q.value, i)
                                }
                                if found { o.value[i] = raw.payload(slot) }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension ByteColumn {
    /// Appends all of `other` (one block copy for the bytes, one pass for the offsets).
    mutating func appendFast(_ other: ByteColumn) {
        let base = Int32(bytes.count)
        bytes.append(contentsOf: other.bytes)
        let n = other.count
        let old = offsets.count
        offsets.append(contentsOf: repeatElement(0, count: n))
        offsets.withUnsafeMutableBufferPointer { dst in
            other.offsets.withUnsafeBufferPointer { src in
                for k in 0..<n { dst[old + k] = base &+ src[k + 1] }
            }
        }
    }
}
