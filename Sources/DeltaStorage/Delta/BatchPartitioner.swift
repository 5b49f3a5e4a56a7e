/// Rows of a batch selected for one data file: a contiguous range (copied with bulk copies) or
/// arbitrary indices (gathered).
enum RowSelection: Sendable {
    case range(Range<Int>)
    case indices([Int])

    var count: Int {
        switch self {
        case .range(let r): r.count
        case .indices(let i): i.count
        }
    }

    /// Splits into pieces of at most `limit` rows, as evenly as possible.
    func split(maxRows limit: Int) -> [RowSelection] {
        let n = count
        guard limit > 0, n > limit else { return [self] }
        let pieces = (n + limit - 1) / limit
        return (0..<pieces).map { p in
            let lo = p * n / pieces
            let hi = (p + 1) * n / pieces
            switch self {
            case .range(let r): return .range(r.lowerBound + lo..<r.lowerBound + hi)
            case .indices(let i): return .indices(Array(i[lo..<hi]))
            }
        }
    }

    func apply(to batch: ColumnBatch) -> ColumnBatch {
        switch self {
        case .range(let r): batch.rows(r)
        case .indices(let i): batch.gather(i)
        }
    }
}

/// Splits a batch by the values of its partition columns. Groups come in order of first
/// appearance (deterministic); rows keep their order within a group. Time-ordered input (the
/// usual case for `partition_date`) yields contiguous ranges, which avoids a gather.
enum BatchPartitioner {
    struct Group: Sendable {
        /// Serialized partition values, one per partition column (nil = null).
        var values: [String?]
        var rows: RowSelection
    }

    static func groups(_ batch: ColumnBatch, partitionColumns: [String]) -> [Group] {
        let n = batch.rowCount
        guard !partitionColumns.isEmpty else { return [Group(values: [], rows: .range(0..<n))] }
        // One code per row and column, then combined codes (mixed radix) per row.
        var combined = [Int](repeating: 0, count: n)
        var radix = 1
        for name in partitionColumns {
            let idx = batch.schema.index(of: name)!
            let (codes, cardinality) = rowCodes(batch.columns[idx], type: batch.schema.fields[idx].type)
            codes.withUnsafeBufferPointer { c in
                combined.withUnsafeMutableBufferPointer { out in
                    for i in 0..<n { out[i] += Int(c[i]) * radix }
                }
            }
            radix = radix.multipliedReportingOverflow(by: cardinality).partialValue
        }
        // Group ids by first appearance, with a last-value shortcut for runs.
        var groupOf: [Int: Int] = [:]
        var firstRow: [Int] = []
        var lastRow: [Int] = []
        var counts: [Int] = []
        var rowGroup = [Int32](repeating: 0, count: n)
        var prevCode = -1
        var prevGroup = -1
        for i in 0..<n {
            let code = combined[i]
            var g = prevGroup
            if code != prevCode {
                if let known = groupOf[code] {
                    g = known
                } else {
                    g = firstRow.count
                    groupOf[code] = g
                    firstRow.append(i)
                    lastRow.append(i)
                    counts.append(0)
                }
                prevCode = code
                prevGroup = g
            }
            rowGroup[i] = Int32(g)
            counts[g] += 1
            lastRow[g] = i
        }
        let partitionIdx = partitionColumns.map { batch.schema.index(of: $0)! }
        var indexLists: [[Int]] = counts.indices.map { g in
            lastRow[g] - firstRow[g] + 1 == counts[g]
                ? []
                : {
                    var a = [Int]()
                    a.reserveCapacity(counts[g])
                    return a
                }()
        }
        let contiguous = counts.indices.map { lastRow[$0] - firstRow[$0] + 1 == counts[$0] }
        if contiguous.contains(false) {
            for i in 0..<n where !contiguous[Int(rowGroup[i])] { indexLists[Int(rowGroup[i])].append(i) }
        }
        return counts.indices.map { g in
            let values = partitionIdx.map {
                PartitionPath.serialize(batch.columns[$0], type: batch.schema.fields[$0].type, row: firstRow[g])
            }
            return Group(
                values: values, rows: contiguous[g] ? .range(firstRow[g]..<lastRow[g] + 1) : .indices(indexLists[g]))
        }
    }

    /// Dense codes (0…cardinality-1) per row; null and the empty string share one code (both
    /// serialize to a null partition value).
    private static func rowCodes(_ column: Column, type: ColumnType) -> ([Int32], Int) {
        let n = column.count
        var codes = [Int32](repeating: 0, count: n)
        var cardinality = 0
        func dense<K: Hashable>(_ key: (Int) -> K?) {
            var map: [K: Int32] = [:]
            var nullCode: Int32 = -1
            var prevKey: K?
            var prevCode: Int32 = 0
            for i in 0..<n {
                guard !column.isNull(i), let k = key(i) else {
                    if nullCode < 0 {
                        nullCode = Int32(cardinality)
                        cardinality += 1
                    }
                    codes[i] = nullCode
                    continue
                }
                if let p = prevKey, p == k {
                    codes[i] = prevCode
                    continue
                }
                let c: Int32
                if let known = map[k] {
                    c = known
                } else {
                    c = Int32(cardinality)
                    map[k] = c
                    cardinality += 1
                }
                codes[i] = c
                prevKey = k
                prevCode = c
            }
        }
        switch column.values {
        case .int32(let v): dense { v[$0] }
        case .int64(let v): dense { v[$0] }
        case .double(let v): dense { v[$0].isNaN ? Double.nan.bitPattern : v[$0].bitPattern }
        case .boolean(let v): dense { v[$0] }
        case .bytes(let b): dense { i in b.offsets[i] == b.offsets[i + 1] ? nil : b[i] }
        }
        return (codes, max(cardinality, 1))
    }
}
