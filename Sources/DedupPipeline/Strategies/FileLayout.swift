import DeltaStorage

/// Row order and file bookkeeping for strategies that must know which file holds which row.
///
/// `DeltaTable` writes a batch's partitions in order of first appearance, keeping row order
/// within a partition and cutting each into consecutive pieces. So if a batch's rows are grouped
/// by partition first, each added file covers the next `numRecords` rows. `fileRanges` relies on
/// that and checks it (row counts and partition values), failing loudly rather than guessing.
enum FileLayout {
    /// The partition group (numbered by first appearance among `rows`) of each of `rows`, and
    /// each group's first row. `rows` nil = every row.
    static func groups(_ batch: ColumnBatch, rows: [Int]? = nil, partitionColumns: [String]) -> (
        group: [Int32], firstRows: [Int]
    ) {
        let rows = rows ?? Array(0..<batch.rowCount)
        let n = rows.count
        guard !partitionColumns.isEmpty, n > 0 else { return ([Int32](repeating: 0, count: n), n > 0 ? [rows[0]] : []) }
        let keys = KeyColumn.bytes(of: partitionColumns.map { batch.column($0)! })
        var group = [Int32](repeating: 0, count: n)
        var firstRows: [Int] = []
        var table = KeyTable(expected: 64)  // partition key → group number
        keys.withKeyBuffer { kb in
            var previous = -1
            for (k, i) in rows.enumerated() {
                // partition values come in runs (time-ordered input): compare with the previous row first
                if previous >= 0 && KeyColumn.equal(kb, previous, kb, i) {
                    group[k] = group[k - 1]
                } else {
                    let lo = Int(kb.offsets[i])
                    let fp = StableHash.bytes(kb.bytes + lo, count: Int(kb.offsets[i + 1]) - lo)
                    if let g = table.insertIfAbsent(
                        fp, payload: Int32(firstRows.count), equal: { KeyColumn.equal(kb, firstRows[Int($0)], kb, i) })
                    {
                        group[k] = g
                    } else {
                        group[k] = Int32(firstRows.count)
                        firstRows.append(i)
                    }
                }
                previous = i
            }
        }
        return (group, firstRows)
    }

    /// `rows` (default: all) reordered: grouped by partition (groups in order of first appearance)
    /// and, within a group, sorted by `clusterBy` (stable, so arrival order breaks ties).
    static func order(_ batch: ColumnBatch, rows: [Int]? = nil, partitionColumns: [String], clusterBy: String?) -> [Int]
    {
        let rows = rows ?? Array(0..<batch.rowCount)
        let (group, firstRows) = groups(batch, rows: rows, partitionColumns: partitionColumns)
        var perm = Array(0..<rows.count)  // positions in `rows`
        switch clusterBy.flatMap({ batch.column($0) })?.values {
        case .int64(let v): perm.sort { (group[$0], v[rows[$0]], $0) < (group[$1], v[rows[$1]], $1) }
        case .int32(let v): perm.sort { (group[$0], v[rows[$0]], $0) < (group[$1], v[rows[$1]], $1) }
        default: if firstRows.count > 1 { perm.sort { (group[$0], $0) < (group[$1], $1) } }
        }
        return perm.map { rows[$0] }
    }

    /// `order` over the concatenation of `parts` (same schema): `rows` and the result index it.
    static func order(_ parts: [ColumnBatch], rows: [Int], partitionColumns: [String], clusterBy: String?) -> [Int] {
        if parts.count == 1 {
            return order(parts[0], rows: rows, partitionColumns: partitionColumns, clusterBy: clusterBy)
        }
        // only the columns the order needs, gathered into one small batch
        let needed = partitionColumns + (clusterBy.map { [$0] } ?? [])
        let keys = ColumnBatch.gatherRows(parts.map { $0.selecting(needed) }, rows)
        return order(keys, rows: nil, partitionColumns: partitionColumns, clusterBy: clusterBy).map { rows[$0] }
    }

    /// The row range of `batch` each added file holds (see the type's note), checked.
    static func fileRanges(_ added: [AddFile], batch: ColumnBatch, partitionColumns: [String]) throws -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for f in added {
            guard let n = f.numRecords else { throw StrategyError("internal: \(f.path) has no numRecords") }
            let r = start..<start + n
            guard r.upperBound <= batch.rowCount else {
                throw StrategyError("internal: added files hold more rows than the batch written")
            }
            for c in partitionColumns where n > 0 {
                let want = partitionText(
                    batch.column(c)!, type: batch.schema.fields[batch.schema.index(of: c)!].type, row: start)
                let got = f.partitionValues[c] ?? nil
                guard want == got else {
                    throw StrategyError(
                        "internal: file \(f.path) has \(c)=\(got ?? "null"), expected \(want ?? "null")")
                }
            }
            ranges.append(r)
            start += n
        }
        guard start == batch.rowCount else {
            throw StrategyError("internal: added files hold \(start) rows, the batch \(batch.rowCount)")
        }
        return ranges
    }

    /// The partition value text of one row (Delta's serialization for the types used here).
    static func partitionText(_ column: Column, type: ColumnType, row: Int) -> String? {
        if column.isNull(row) { return nil }
        switch column.values {
        case .int32(let v): return type == .date ? DeltaDateTime.formatDate(days: Int64(v[row])) : String(v[row])
        case .int64(let v):
            return type == .timestamp ? DeltaDateTime.formatPartitionTimestamp(micros: v[row]) : String(v[row])
        case .double(let v): return String(v[row])
        case .boolean(let v): return v[row] ? "true" : "false"
        case .bytes(let b): return b.offsets[row] == b.offsets[row + 1] ? nil : b.string(at: row)
        }
    }
}

extension ColumnBatch {
    /// The same columns under `schema` (equal names and types; used to line up a batch read back
    /// from the table with batches built in memory, whose nullability flags may differ).
    func relabeled(_ schema: Schema) -> ColumnBatch {
        precondition(schema.names == self.schema.names, "columns differ")
        return ColumnBatch(schema: schema, columns: columns)
    }
}
