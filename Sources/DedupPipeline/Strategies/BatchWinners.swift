import DeltaStorage

/// The order that decides which row of a key wins within a batch: `compare(i, j)` is negative,
/// zero or positive as row i sorts before, with or after row j. Ties fall back to arrival order.
protocol RowOrder: Sendable {
    func compare(_ i: Int, _ j: Int) -> Int
}

/// No sort column: arrival order alone.
struct ArrivalOrder: RowOrder {
    @inline(__always) func compare(_ i: Int, _ j: Int) -> Int { 0 }
}

/// Fixed-width numeric sort column (integer, long, date, timestamp).
struct IntegerOrder<T: FixedWidthInteger & Sendable>: RowOrder {
    let values: [T]
    @inline(__always) func compare(_ i: Int, _ j: Int) -> Int {
        values[i] < values[j] ? -1 : (values[i] == values[j] ? 0 : 1)
    }
}

/// Double sort column (IEEE total order is not needed: NaN compares equal to everything).
struct DoubleOrder: RowOrder {
    let values: [Double]
    @inline(__always) func compare(_ i: Int, _ j: Int) -> Int {
        values[i] < values[j] ? -1 : (values[i] > values[j] ? 1 : 0)
    }
}

/// String or binary sort column, ordered by unsigned bytes.
struct BytesOrder: RowOrder {
    let values: ByteColumn
    func compare(_ i: Int, _ j: Int) -> Int {
        let a = values[i]
        let b = values[j]
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
        var ones = 0
        for fp in fps { ones &+= Int(fp >> 63) }
        var tables = [KeyTable(expected: n - ones), KeyTable(expected: ones)]
        let raw0 = tables[0].withRawSlots(reserving: n - ones) { ($0, 0) }
        let raw1 = tables[1].withRawSlots(reserving: ones) { ($0, 0) }
        var won = [Bool](repeating: false, count: n)
        keys.withKeyBuffer { kb in
            fps.withUnsafeBufferPointer { fb in
                won.withUnsafeMutableBufferPointer { wb in
                    let k = UncheckedSendable(kb)
                    let f = UncheckedSendable(fb)
                    let w = UncheckedSendable(wb)
                    let used = shardCount(rows: n)
                    inShards(used) { s in
                        for i in 0..<n where used == 1 || Int(f.value[i] >> 63) == s {
                            let ahead = i &+ prefetchDistance
                            if ahead < n && (used == 1 || Int(f.value[ahead] >> 63) == s) {
                                (f.value[ahead] >> 63 == 0 ? raw0 : raw1).prefetch(f.value[ahead])
                            }
                            let raw = f.value[i] >> 63 == 0 ? raw0 : raw1
                            let (slot, found) = raw.locate(f.value[i]) { KeyColumn.equal(k.value, Int($0), k.value, i) }
                            if !found {
                                raw.fill(slot, f.value[i], Int32(i))
                                w.value[i] = true
                                continue
                            }
                            // row i arrived after the current winner
                            let current = Int(raw.payload(slot))
                            let c = order.compare(i, current)
                            if keepLast ? c >= 0 : c < 0 {
                                raw.setPayload(slot, Int32(i))
                                w.value[current] = false
                                w.value[i] = true
                            }
                        }
                    }
                }
            }
        }
        withExtendedLifetime(tables) {}
        return won.indices.filter { won[$0] }
    }
}
