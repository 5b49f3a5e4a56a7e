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

/// Order-preserving sort keys for the reference model: integers as sign-flipped UInt64 (so
/// unsigned order = signed order), other values as their bytes compared lexicographically.
enum ReferenceSortKeys {
    case ints([UInt64])
    case bytes([[UInt8]])

    init(_ column: Column) {
        switch column.values {
        case .int32(let v): self = .ints(v.map { UInt64(bitPattern: Int64($0)) ^ (1 << 63) })
        case .int64(let v): self = .ints(v.map { UInt64(bitPattern: $0) ^ (1 << 63) })
        case .double(let v):
            // IEEE order as unsigned: flip all bits of negatives, the sign bit of positives
            self = .ints(v.map { $0.sign == .minus ? ~$0.bitPattern : $0.bitPattern ^ (1 << 63) })
        case .boolean(let v): self = .ints(v.map { $0 ? 1 : 0 })
        case .bytes(let b): self = .bytes((0..<b.count).map { Array(b[$0]) })
        }
    }

    /// Rows `r` only.
    func slice(_ r: Range<Int>) -> ReferenceSortKeys {
        switch self {
        case .ints(let v): .ints(Array(v[r]))
        case .bytes(let v): .bytes(Array(v[r]))
        }
    }

    /// -1, 0, 1 comparing rows i and j.
    func compare(_ i: Int, _ j: Int) -> Int {
        switch self {
        case .ints(let v): v[i] < v[j] ? -1 : (v[i] == v[j] ? 0 : 1)
        case .bytes(let v): v[i] == v[j] ? 0 : (v[i].lexicographicallyPrecedes(v[j]) ? -1 : 1)
        }
    }
}

/// The reference evaluation of a `TableExpectation`'s per-batch rule. Keys are compared by 64-bit
/// `StableHash` fingerprints (a false match needs a 64-bit collision: about n²/2⁶⁵, 3·10⁻⁶ at 10M
/// keys).
enum ReferenceModel {
    /// Rows (indices into one micro-batch) that win their key within the batch: by `sortKeys`
    /// (nil = arrival order), the last (`keepLast`) or first, ties broken by arrival.
    /// In no particular order (the keys differ).
    static func batchWinners(keys: [UInt64], sortKeys: ReferenceSortKeys?, keepLast: Bool) -> [Int] {
        var winner = FingerprintMap(expected: keys.count)
        for i in keys.indices {
            // the slot a few rows ahead is prefetched, so cache misses overlap
            let ahead = i &+ FingerprintSet.lookahead
            if ahead < keys.count { winner.prefetch(keys[ahead]) }
            guard let w = winner.get(keys[i]).map({ Int($0) }) else {
                winner.set(keys[i], UInt64(i))
                continue
            }
            // rows arrive in order (i > w): sort ties go to the later row for `last`
            let c = sortKeys.map { $0.compare(i, w) } ?? 1
            if keepLast ? c >= 0 : c < 0 { winner.set(keys[i], UInt64(i)) }
        }
        var rows: [Int] = []
        rows.reserveCapacity(winner.count)
        winner.forEach { _, row in rows.append(Int(row)) }
        return rows
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
