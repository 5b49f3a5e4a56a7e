import DeltaStorage

/// The order that decides which row of a key wins within a batch: `compare(i, j)` is negative,
/// zero or positive as row i sorts before, with or after row j. Ties fall back to arrival order.
protocol RowOrder {
    func compare(_ i: Int, _ j: Int) -> Int
}

/// No sort column: arrival order alone.
struct ArrivalOrder: RowOrder {
    @inline(__always) func compare(_ i: Int, _ j: Int) -> Int { 0 }
}

/// Fixed-width numeric sort column (integer, long, date, timestamp).
struct IntegerOrder<T: FixedWidthInteger>: RowOrder {
    let values: [T]
    @inline(__always) func compare(_ i: Int, _ j: Int) -> Int { values[i] < values[j] ? -1 : (values[i] == values[j] ? 0 : 1) }
}

/// Double sort column (IEEE total order is not needed: NaN compares equal to everything).
struct DoubleOrder: RowOrder {
    let values: [Double]
    @inline(__always) func compare(_ i: Int, _ j: Int) -> Int { values[i] < values[j] ? -1 : (values[i] > values[j] ? 1 : 0) }
}

/// String or binary sort column, ordered by unsigned bytes.
struct BytesOrder: RowOrder {
    let values: ByteColumn
    func compare(_ i: Int, _ j: Int) -> Int {
        let a = values[i], b = values[j]
        if a == b { return 0 }
        return a.lexicographicallyPrecedes(b) ? -1 : 1
    }
}

/// Keeps one row per key within a micro-batch: the last (or first) by a sort column, ties broken
/// by arrival (later arrival wins for `last`, earlier for `first`).
enum BatchWinners {
    /// Winning rows in ascending order, for keys `keys` with fingerprints `fps`.
    /// `sortBy` nil = arrival order. The switch on the column type happens here, once.
    static func select(keys: ByteColumn, fingerprints fps: [UInt64], sortBy: Column?, keepLast: Bool) -> [Int] {
        switch sortBy?.values {
        case nil: return select(keys, fps, ArrivalOrder(), keepLast)
        case .int64(let v): return select(keys, fps, IntegerOrder(values: v), keepLast)
        case .int32(let v): return select(keys, fps, IntegerOrder(values: v), keepLast)
        case .double(let v): return select(keys, fps, DoubleOrder(values: v), keepLast)
        case .boolean(let v): return select(keys, fps, IntegerOrder(values: v.map { UInt8($0 ? 1 : 0) }), keepLast)
        case .bytes(let b): return select(keys, fps, BytesOrder(values: b), keepLast)
        }
    }

    static func select<O: RowOrder>(_ keys: ByteColumn, _ fps: [UInt64], _ order: O, _ keepLast: Bool) -> [Int] {
        let n = keys.count
        var tables = [KeyTable(expected: n / 2 + 16), KeyTable(expected: n / 2 + 16)]
        keys.withKeyBuffer { kb in
            tables.withUnsafeMutableBufferPointer { tb in
                let t = UncheckedSendable(tb), k = UncheckedSendable(kb)
                forEachRowByShard(fingerprints: fps, shards: shardCount(rows: n)) { _, i in
                    _ = t.value[KeyIndex.shard(fps[i])].upsert(
                        fps[i], payload: Int32(i), equal: { KeyColumn.equal(k.value, Int($0), k.value, i) },
                        replace: { w in
                            // row i arrived after w
                            let c = order.compare(i, Int(w))
                            return keepLast ? c >= 0 : c < 0
                        })
                }
            }
        }
        var won = [Bool](repeating: false, count: n)
        for t in tables { for p in t.allPayloads { won[Int(p)] = true } }
        return won.indices.filter { won[$0] }
    }
}
