import DeltaStorage

/// `polars_merge` (last write wins): per micro-batch keep one row per `dedup_key` — the last (or
/// first, `keep`) by `sort_by`, ties by arrival — then upsert into the table: a key already in
/// the table replaces its old row. The upsert is copy-on-write of only the files that hold one of
/// the batch's keys: they are read back, their replaced rows dropped, and rewritten together with
/// the batch's rows in one commit (remove + add). Which file holds a key comes from an in-memory
/// index (key → file) rebuilt from the table's key column at start and kept in step with each
/// commit (and with each OPTIMIZE the runner does between batches, `tableCompacted`) — the
/// application-side state an in-memory (Polars) pipeline keeps. Files are clustered
/// by `sort_by` (see `filesPerWrite`), so late duplicates touch few, small files.
public struct PolarsMerge: DedupStrategy {
    public static let kind = StrategyKind.polarsMerge
    public let partitionColumns = [RecordSchema.partitionDate]
    public let dedupKey: [String]
    public let sortBy: String?
    public let keepLast: Bool
    /// Key → number of the file holding it (a 16-byte `KeyDigest` slot a key; see `KeyDigest`
    /// for the collision bound).
    private var index: DigestIndex
    /// Each write is sorted by `sort_by` within its partition and cut into about this many files,
    /// so a late duplicate makes only the small file holding its key be rewritten.
    public static let filesPerWrite = 8
    /// Every file this run knew, by file number (the index's values).
    private var files: [AddFile] = []

    public init(options: StrategyOptions, schema: Schema) throws {
        dedupKey = try options.columns("dedup_key", default: [RecordSchema.messageId], in: schema)
        let sort = try options.columns("sort_by", default: [RecordSchema.createdAt], in: schema)
        guard sort.count <= 1 else {
            throw StrategyError(
                "strategies.polars_merge.sort_by: one column expected, got \(sort.joined(separator: ", "))")
        }
        sortBy = sort.first
        keepLast = (options.string("keep") ?? "last") == "last"
        index = DigestIndex(expected: 1 << 16, kind: KeyDigest.Kind.of(dedupKey, in: schema), values: true)
    }

    public var expectation: TableExpectation { .batchWinnerPerKey(key: dedupKey, sortBy: sortBy, keepLast: keepLast) }

    public mutating func start(_ table: inout StrategyTable, expectedKeys: Int) throws {
        let snap = try table.snapshot()
        index = DigestIndex(expected: (snap.rowCount ?? 0) + expectedKeys, kind: index.kind, values: true)
        for f in snap.files {
            let keys = KeyColumn.bytes(of: try table.read([f], columns: dedupKey).columns)
            try remember(keys, file: f)
        }
    }

    public mutating func process(_ batch: ColumnBatch, _ table: inout StrategyTable, _ timer: inout PhaseTimer) throws {
        // 1. one row per key within the batch, and the files holding any of those keys
        let (rows, winnerKeys, touched) = timer.measure(.dedup) { () -> ([Int], ByteColumn, [Int32]) in
            let keys = KeyColumn.bytes(of: dedupKey.map { batch.column($0)! })
            let fps = KeyColumn.fingerprints(keys)
            let rows = BatchWinners.select(
                keys: keys, fingerprints: fps, sortBy: sortBy.flatMap { batch.column($0) }, keepLast: keepLast)
            var hit = Set<Int32>()
            for file in index.lookup(index.digests(keys, rows: rows)) { if let file { hit.insert(file) } }
            return (rows, rows.count == keys.count ? keys : keys.gatherRows(rows), hit.sorted())
        }
        // 2. copy-on-write of the touched files, plus the new rows, in one commit; one gather puts
        //    the rows in file order (partition, then sort_by)
        let (written, result) = try timer.measure(.write) { () -> (ColumnBatch, CommitResult?) in
            var parts = [batch]
            var pick = rows
            var removing: [AddFile] = []
            let snap = try table.snapshot()
            if !touched.isEmpty {
                removing = touched.map { files[Int($0)] }
                let old = try table.read(removing).relabeled(batch.schema)
                parts = [batch, old]  // old rows are numbered after the batch's
                pick = Self.rowsNotIn(old, keys: winnerKeys, key: dedupKey).map { $0 + batch.rowCount } + rows
            }
            let order = FileLayout.order(parts, rows: pick, partitionColumns: partitionColumns, clusterBy: sortBy)
            let out = ColumnBatch.gatherRows(parts, order)
            table.setTargetFileRows(max(1, (out.rowCount + Self.filesPerWrite - 1) / Self.filesPerWrite))
            let r =
                removing.isEmpty
                ? try table.append(out)
                : try table.replace(readVersion: snap.version, removing: removing, adding: out, operation: "MERGE")
            return (out, r)
        }
        // 3. index bookkeeping: every written key now lives in its new file
        try timer.measure(.dedup) {
            guard let result else { return }
            let keys = KeyColumn.bytes(of: dedupKey.map { written.column($0)! })
            let ranges = try FileLayout.fileRanges(result.added, batch: written, partitionColumns: partitionColumns)
            try remember(keys, files: result.added, ranges: ranges)
        }
    }

    /// An OPTIMIZE moved the rows of `result.removed` into `result.added`: the keys of the added
    /// files are read (one GET a file, only the `dedup_key` columns) and re-pointed at them, as
    /// at `start`. Every key of a removed file is in an added file (a compaction keeps the rows),
    /// so no key is left pointing at a removed file; the row counts are checked first.
    public mutating func tableCompacted(_ result: OptimizeResult, _ table: inout StrategyTable) throws {
        let rows = { (files: [AddFile]) in files.reduce(0) { $0 + ($1.numRecords ?? 0) } }
        guard rows(result.removed) == rows(result.added) else {
            throw StrategyError(
                "polars_merge: the compaction of version \(result.version ?? -1) removed \(rows(result.removed)) rows "
                    + "but added \(rows(result.added)); the key index cannot follow it")
        }
        for f in result.added {
            let keys = KeyColumn.bytes(of: try table.read([f], columns: dedupKey).columns)
            try remember(keys, file: f)
        }
    }

    /// Rows of `old` whose key is not among `keys`.
    static func rowsNotIn(_ old: ColumnBatch, keys newKeys: ByteColumn, key: [String]) -> [Int] {
        var set = KeyIndex(expected: newKeys.count)
        _ = set.insert(newKeys, fingerprints: KeyColumn.fingerprints(newKeys)) { _ in 0 }
        let oldKeys = KeyColumn.bytes(of: key.map { old.column($0)! })
        let found = set.lookup(oldKeys, fingerprints: KeyColumn.fingerprints(oldKeys))
        return found.indices.filter { found[$0] == nil }
    }

    private mutating func remember(_ keys: ByteColumn, file: AddFile) throws {
        try remember(keys, files: [file], ranges: [0..<keys.count])
    }

    /// Points every key of `keys` (rows `ranges[k]` in file `files[k]`) at its file.
    private mutating func remember(_ keys: ByteColumn, files added: [AddFile], ranges: [Range<Int>]) throws {
        var fileOfRow = [Int32](repeating: 0, count: keys.count)
        for (f, r) in zip(added, ranges) {
            let no = Int32(files.count)
            files.append(f)
            for i in r { fileOfRow[i] = no }
        }
        index.set(index.digests(keys), values: fileOfRow)
    }
}
