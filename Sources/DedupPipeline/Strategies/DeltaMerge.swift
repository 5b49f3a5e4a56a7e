import DeltaStorage

/// `delta_merge`: a Delta MERGE per micro-batch, the way a lakehouse engine runs it, with no
/// state kept between batches:
///
///     MERGE INTO t USING batch s ON t.<merge_key> = s.<merge_key>
///     WHEN MATCHED THEN UPDATE SET *   WHEN NOT MATCHED THEN INSERT *
///
/// A match is found wherever the existing row lives: a message redelivered with another
/// `created_at` lands in another `partition_date`, and its earlier copy is still replaced.
/// Pruning candidates by partition is only valid when the key determines the partition — the
/// partition columns are part of `merge_key`, or the table is partitioned by `partition_date`
/// and `merge_key` holds `created_at` — and is used only then (`prunesByPartition`).
///
/// The source is first reduced to one row per key (last arrival wins, as a MERGE needs). Candidate
/// files are found by partition values (when valid) and by the min/max stats of the merge key's integer columns;
/// their key columns are read (GETs) to find the files that really hold a matched key; only those
/// files are rewritten (remove + add, copy-on-write). New files are clustered: rows sorted by the
/// merge key's first integer column (`sequence_id` by default) and cut into `key_buckets` files
/// per write, so each file covers a narrow key range and stats pruning stays selective as the
/// table grows. With a merge key without integer columns (e.g. `composite_hash`) nothing can be
/// pruned and every file of the batch's partitions is a candidate — correct, but it reads more.
public struct DeltaMerge: DedupStrategy {
    public static let kind = StrategyKind.deltaMerge
    public let partitionColumns: [String]
    public let mergeKey: [String]
    public let keyBuckets: Int
    /// Merge-key columns whose stats prune candidates (integer types).
    public let prunable: [String]

    public init(options: StrategyOptions, schema: Schema) throws {
        partitionColumns = try options.columns("partition_by", default: [RecordSchema.partitionDate], in: schema)
        mergeKey = try options.columns(
            "merge_key", default: [RecordSchema.messageId, RecordSchema.sequenceId, RecordSchema.partitionId],
            in: schema)
        keyBuckets = options.int("key_buckets") ?? 8
        let integerTypes: Set<ColumnType> = [.long, .integer, .timestamp, .date]
        prunable = mergeKey.filter { integerTypes.contains(schema.fields[schema.index(of: $0)!].type) }
        prunesByPartition = DeltaMerge.keyDeterminesPartition(mergeKey: mergeKey, partitionColumns: partitionColumns)
    }

    /// Whether equal keys always share a partition, so files of other partitions cannot match.
    public let prunesByPartition: Bool

    static func keyDeterminesPartition(mergeKey: [String], partitionColumns: [String]) -> Bool {
        partitionColumns.allSatisfy { c in
            mergeKey.contains(c) || (c == RecordSchema.partitionDate && mergeKey.contains(RecordSchema.createdAt))
        }
    }

    public var expectation: TableExpectation { .batchWinnerPerKey(key: mergeKey, sortBy: nil, keepLast: true) }

    /// The match condition's columns.
    private var matchColumns: [String] { mergeKey }

    public mutating func start(_ table: inout StrategyTable, expectedKeys: Int) throws {}

    public mutating func process(_ batch: ColumnBatch, _ table: inout StrategyTable, _ timer: inout PhaseTimer) throws {
        // 1. dedup the source, prune candidates, read their keys, find the files with matches
        let (rows, sourceKeys, matched, readVersion) = try timer.measure(.dedup) {
            () -> ([Int], KeySet, [AddFile], Int) in
            let keys = KeyColumn.bytes(of: matchColumns.map { batch.column($0)! })
            let fps = KeyColumn.fingerprints(keys)
            let rows = BatchWinners.select(keys: keys, fingerprints: fps, sortBy: nil, keepLast: true)
            let sourceKeys = KeySet(
                keys: rows.count == keys.count ? keys : keys.gatherRows(rows), columns: matchColumns)
            let snap = try table.snapshot()
            let candidates = MergeCandidates(
                batch, rows: rows, partitionColumns: prunesByPartition ? partitionColumns : [], prunable: prunable)
                .filter(snap.files)
            guard !candidates.isEmpty else { return (rows, sourceKeys, [], snap.version) }
            var matched: [AddFile] = []
            let candidateKeys = try table.read(candidates, columns: matchColumns)
            let hits = sourceKeys.contains(candidateKeys)
            var start = 0
            for f in candidates {
                let n = f.numRecords ?? candidateKeys.rowCount  // our files always carry numRecords
                if hits[start..<start + n].contains(true) { matched.append(f) }
                start += n
            }
            return (rows, sourceKeys, matched, snap.version)
        }
        // 2. rewrite the matched files without their matched rows, plus every source row: one
        //    gather puts the rows in file order (partition, then cluster column)
        try timer.measure(.write) {
            var parts = [batch]
            var pick = rows
            if !matched.isEmpty {
                let old = try table.read(matched).relabeled(batch.schema)
                let hits = sourceKeys.contains(old)
                parts = [batch, old]  // old rows are numbered after the batch's
                pick = hits.indices.filter { !hits[$0] }.map { $0 + batch.rowCount } + rows
            }
            let order = FileLayout.order(
                parts, rows: pick, partitionColumns: partitionColumns, clusterBy: prunable.first)
            let out = ColumnBatch.gatherRows(parts, order)
            table.setTargetFileRows(max(1, (out.rowCount + keyBuckets - 1) / keyBuckets))
            if matched.isEmpty {
                try table.append(out)
            } else {
                try table.replace(readVersion: readVersion, removing: matched, adding: out, operation: "MERGE")
            }
        }
    }
}

/// Exact key membership for a batch's keys (fingerprint table confirmed against the bytes).
struct KeySet {
    private var index: KeyIndex
    let columns: [String]

    init(keys: ByteColumn, columns: [String]) {
        self.columns = columns
        index = KeyIndex(expected: keys.count)
        _ = index.insert(keys, fingerprints: KeyColumn.fingerprints(keys)) { _ in 0 }
    }

    /// For each row of `other`, whether its key (same columns) is in the set.
    func contains(_ other: ColumnBatch) -> [Bool] {
        let keys = KeyColumn.bytes(of: columns.map { other.column($0)! })
        return index.lookup(keys, fingerprints: KeyColumn.fingerprints(keys)).map { $0 != nil }
    }
}

/// Which live files may hold a source key: same partition values as some source row, and for
/// every prunable column a source value inside the file's [min, max] (files without stats stay).
struct MergeCandidates {
    private var partitions: Set<[String?]> = []
    private var sortedValues: [(column: String, values: [Int64])] = []
    private let partitionColumns: [String]

    init(_ batch: ColumnBatch, rows: [Int], partitionColumns: [String], prunable: [String]) {
        self.partitionColumns = partitionColumns
        let types = partitionColumns.map { batch.schema.fields[batch.schema.index(of: $0)!].type }
        let cols = partitionColumns.map { batch.column($0)! }
        for row in FileLayout.groups(batch, rows: rows, partitionColumns: partitionColumns).firstRows
        where !cols.isEmpty {
            partitions.insert(zip(cols, types).map { FileLayout.partitionText($0, type: $1, row: row) })
        }
        for c in prunable {
            switch batch.column(c)!.values {
            case .int64(let v): sortedValues.append((c, rows.map { v[$0] }.sorted()))
            case .int32(let v): sortedValues.append((c, rows.map { Int64(v[$0]) }.sorted()))
            default: break
            }
        }
    }

    func filter(_ files: [AddFile]) -> [AddFile] {
        files.filter { f in
            if !partitionColumns.isEmpty {
                let v = partitionColumns.map { f.partitionValues[$0] ?? nil }
                if !partitions.contains(v) { return false }
            }
            for (c, values) in sortedValues {
                guard let r = StatsBounds.integerRange(f.stats, column: c) else { continue }
                if !Self.anyValue(values, in: r) { return false }
            }
            return true
        }
    }

    /// Whether sorted `values` has an element in `r` (binary search for the first ≥ lower bound).
    static func anyValue(_ values: [Int64], in r: ClosedRange<Int64>) -> Bool {
        var lo = 0
        var hi = values.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] < r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < values.count && values[lo] <= r.upperBound
    }
}
