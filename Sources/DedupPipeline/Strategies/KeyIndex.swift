import DeltaStorage

/// The set of keys a strategy has seen, each with an `Int32` value (a row or a file number).
/// Keys are stored once in an arena (so equal fingerprints are confirmed against real bytes) and
/// found through a `KeyTable` per shard: two shards (by the fingerprint's top bit) filled on both
/// cores for large inputs. Built from the table at start (the table is the truth) and kept in
/// step with every commit.
struct KeyIndex {
    private var shards: [KeyTable]
    /// Every key added, in order; a key's number is its position here.
    private(set) var arena = ByteColumn()
    /// The value of each key number.
    var values: [Int32] = []

    init(expected: Int) {
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
        arena.append(contentsOf: keys)
        var result = [Int32](repeating: -1, count: n)
        let arenaCopy = arena  // shares storage; not mutated while its pointers are in use
        arenaCopy.withKeyBuffer { kb in
            result.withUnsafeMutableBufferPointer { res in
                shards.withUnsafeMutableBufferPointer { sh in
                    let r = UncheckedSendable(res), t = UncheckedSendable(sh), k = UncheckedSendable(kb)
                    forEachRowByShard(fingerprints: fps, shards: shardCount(rows: n)) { _, i in
                        let me = base + i
                        let table = KeyIndex.shard(fps[i])
                        if let hit = t.value[table].insertIfAbsent(fps[i], payload: Int32(me), equal: { p in
                            KeyColumn.equal(k.value, Int(p), k.value, me)
                        }) {
                            r.value[i] = hit
                        }
                    }
                }
            }
        }
        // values by key number; duplicate rows get a slot too (unused) so numbers stay positional
        values.reserveCapacity(arena.count)
        for i in 0..<n { values.append(result[i] < 0 ? value(i) : -1) }
        return result
    }

    /// The key number of row `row` of `keys`, or nil when the key was never added.
    @inline(__always)
    func find(_ keys: KeyBuffer, _ row: Int, fingerprint: UInt64, arena kb: KeyBuffer) -> Int32? {
        shards[KeyIndex.shard(fingerprint)].find(fingerprint) { p in KeyColumn.equal(kb, Int(p), keys, row) }
    }

    /// Key numbers for every row of `keys` (nil when absent).
    func lookup(_ keys: ByteColumn, fingerprints fps: [UInt64]) -> [Int32?] {
        arena.withKeyBuffer { kb in
            keys.withKeyBuffer { qb in (0..<keys.count).map { find(qb, $0, fingerprint: fps[$0], arena: kb) } }
        }
    }
}
