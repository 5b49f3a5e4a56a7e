import DeltaStorage

/// What a strategy's table must contain after a run, stated over the delivered stream. The
/// verifier evaluates it with its own straightforward reference code (not the strategies'
/// kernels), so a bug in a strategy cannot hide in a shared code path.
public enum TableExpectation: Sendable, Equatable {
    /// Every delivered record (bronze).
    case everyRecord
    /// The first delivered record of each key (eager dedup).
    case firstPerKey(key: [String])
    /// Per micro-batch the winner of each key: by `sortBy` (nil = arrival order), the last
    /// (`keepLast`) or first, ties broken by arrival; across batches the later batch's winner
    /// replaces the earlier one (last write wins).
    case batchWinnerPerKey(key: [String], sortBy: String?, keepLast: Bool)

    /// The key columns, nil when every record is kept.
    var key: [String]? {
        switch self {
        case .everyRecord: nil
        case .firstPerKey(let k): k
        case .batchWinnerPerKey(let k, _, _): k
        }
    }

    var sortBy: String? { if case .batchWinnerPerKey(_, let s, _) = self { s } else { nil } }
}

/// Sort keys for the reference model, read in place from a column (no per-batch copy): integers
/// by signed value, doubles in IEEE order (as their bit patterns with negatives' bits flipped and
/// positives' sign bit set, compared unsigned), booleans false < true, other values by their bytes
/// compared lexicographically. Null slots compare by their placeholder values.
struct ReferenceSortKeys {
    private let values: ColumnValues
    /// Row 0's index in `values` (a `slice`).
    private let offset: Int

    init(_ column: Column) { self.init(column.values, offset: 0) }

    private init(_ values: ColumnValues, offset: Int) {
        self.values = values
        self.offset = offset
    }

    /// Rows `r` only.
    func slice(_ r: Range<Int>) -> ReferenceSortKeys { ReferenceSortKeys(values, offset: offset + r.lowerBound) }

    /// -1, 0, 1 comparing rows i and j.
    func compare(_ i: Int, _ j: Int) -> Int {
        let (i, j) = (i + offset, j + offset)
        switch values {
        case .int32(let v): return Self.order(v[i], v[j])
        case .int64(let v): return Self.order(v[i], v[j])
        case .double(let v): return Self.order(Self.ieeeOrder(v[i]), Self.ieeeOrder(v[j]))
        case .boolean(let v): return Self.order(v[i] ? 1 : 0, v[j] ? 1 : 0)
        case .bytes(let b):
            let (x, y) = (b[i], b[j])
            return x.elementsEqual(y) ? 0 : (x.lexicographicallyPrecedes(y) ? -1 : 1)
        }
    }

    @inline(__always)
    private static func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }

    /// IEEE order as unsigned: flip all bits of negatives, the sign bit of positives.
    @inline(__always)
    private static func ieeeOrder(_ d: Double) -> UInt64 { d.sign == .minus ? ~d.bitPattern : d.bitPattern ^ (1 << 63) }
}

/// The reference evaluation of a `TableExpectation`'s per-batch rule. Keys are compared by 64-bit
/// `StableHash` fingerprints (a false match needs a 64-bit collision: about n²/2⁶⁵, 3·10⁻⁶ at 10M
/// keys).
enum ReferenceModel {
    /// Rows (indices into one micro-batch) that win their key within the batch: by `sortKeys`
    /// (nil = arrival order), the last (`keepLast`) or first, ties broken by arrival.
    /// In no particular order (the keys differ).
    /// Ascending, so callers read their per-row arrays in order.
    static func batchWinners(keys: [UInt64], sortKeys: ReferenceSortKeys?, keepLast: Bool) -> [Int] {
        let replaces = Self.replaces(sortKeys: sortKeys, keepLast: keepLast)
        var winner = FingerprintMap(expected: keys.count)
        var wins = [Bool](repeating: false, count: keys.count)
        for i in keys.indices {
            // the slot a few rows ahead is prefetched, so cache misses overlap
            let ahead = i &+ FingerprintSet.lookahead
            if ahead < keys.count { winner.prefetch(keys[ahead]) }
            guard let w = winner.get(keys[i]).map({ Int($0) }) else {
                winner.set(keys[i], UInt64(i))
                wins[i] = true
                continue
            }
            if replaces?(i, w) ?? true {
                winner.set(keys[i], UInt64(i))
                (wins[w], wins[i]) = (false, true)
            }
        }
        return wins.indices.filter { wins[$0] }
    }

    /// Whether row `later` of a batch replaces the current winner `current` of its key (rows arrive
    /// in order, later > current): by `sortKeys`, ties to the later row for `keepLast`. Nil when
    /// the later row always wins (arrival order, last).
    static func replaces(sortKeys: ReferenceSortKeys?, keepLast: Bool) -> ((_ later: Int, _ current: Int) -> Bool)? {
        if sortKeys == nil && keepLast { return nil }
        return { later, current in
            let c = sortKeys?.compare(later, current) ?? 1
            return keepLast ? c >= 0 : c < 0
        }
    }

    /// Indices (into the whole delivered stream) of the expected rows, ascending (tests use it to
    /// list the rows a table must hold). `keys`: one fingerprint per delivered row; `batchStarts`:
    /// first row of each micro-batch.
    static func expectedRows(
        _ expectation: TableExpectation, count n: Int, keys: [UInt64], sortKeys: ReferenceSortKeys?, batchStarts: [Int]
    ) -> [Int] {
        switch expectation {
        case .everyRecord:
            return Array(0..<n)
        case .firstPerKey:
            var first: [UInt64: Int] = [:]
            for i in 0..<n where first[keys[i]] == nil { first[keys[i]] = i }
            return first.values.sorted()
        case .batchWinnerPerKey(_, _, let keepLast):
            var table: [UInt64: Int] = [:]
            let bounds = batchStarts + [n]
            for b in 0..<batchStarts.count {
                let r = bounds[b]..<bounds[b + 1]
                let local = sortKeys.map { $0.slice(r) }
                for i in batchWinners(keys: Array(keys[r]), sortKeys: local, keepLast: keepLast) {
                    table[keys[r.lowerBound + i]] = r.lowerBound + i
                }
            }
            return table.values.sorted()
        }
    }
}
