import DeltaStorage

/// The set of keys a strategy has seen, each with an `Int32` value (a row or a file number).
/// Keys are stored once in an arena (so equal fingerprints are confirmed against real bytes) and
/// found through a `KeyTable`. Built from the table at start (the table is the truth) and kept in
/// step with every commit.
struct KeyIndex {
    private var table: KeyTable
    /// Every key added, in order; a key's number is its position here.
    private(set) var arena = ByteColumn()
    /// The value of each key number.
    var values: [Int32] = []

    init(expected: Int) { table = KeyTable(expected: expected) }

    var count: Int { table.count }

    /// Adds the keys of `keys` in order. For each row: if its key is new it gets `value(row)` and
    /// `result[row] = -1`; otherwise `result[row]` = the key number it already has (possibly from an
    /// earlier row of this same call).
    mutating func insert(_ keys: ByteColumn, fingerprints fps: [UInt64], value: (Int) -> Int32) -> [Int32] {
        let base = arena.count
        arena.append(contentsOf: keys)
        var result = [Int32](repeating: -1, count: keys.count)
        values.reserveCapacity(arena.count)
        let arenaCopy = arena  // shares storage; not mutated while the pointers are in use
        arenaCopy.withKeyBuffer { kb in
            for i in 0..<keys.count {
                let me = base + i
                let hit = table.insertIfAbsent(fps[i], payload: Int32(me)) { p in
                    KeyColumn.equal(kb, Int(p), kb, me)
                }
                if let h = hit { result[i] = h }
            }
        }
        // values by key number; duplicate rows get a slot too (unused) so numbers stay positional
        for i in 0..<keys.count { values.append(result[i] < 0 ? value(i) : -1) }
        return result
    }

    /// The key number of row `row` of `keys`, or nil when the key was never added.
    func find(_ keys: KeyBuffer, _ row: Int, fingerprint: UInt64) -> Int32? {
        arena.withKeyBuffer { kb in
            table.find(fingerprint) { p in KeyColumn.equal(kb, Int(p), keys, row) }
        }
    }
}
