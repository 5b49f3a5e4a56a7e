import DeltaStorage

/// `eager_dedup`: drops every record whose composite hash was already seen — earlier in the batch
/// or anywhere in the table — before writing, so the table keeps the first occurrence of each key.
/// The seen-set is rebuilt from the table's `composite_hash` column at start (the table is the
/// truth) and grows with each batch; it holds a 12-byte `KeyDigest` a key (exact for keys up to
/// 11 bytes, 95 bits of the digest otherwise; see `KeyDigest` for the collision bound). `write_mode: append` appends the new rows; `overwrite`
/// rewrites the whole table each batch (the seed's mode; its cost grows with the table).
public struct EagerDedup: DedupStrategy {
    public static let kind = StrategyKind.eagerDedup
    public let partitionColumns = [RecordSchema.partitionDate]
    public let overwrite: Bool
    private var seen: DigestIndex
    private let key = [HashColumns.compositeName]

    public init(options: StrategyOptions, schema: Schema) throws {
        overwrite = options.string("write_mode") == "overwrite"
        seen = DigestIndex(expected: 1 << 16, kind: KeyDigest.Kind.of(key, in: schema), values: false)
    }

    public var expectation: TableExpectation { .firstPerKey(key: key) }

    public mutating func start(_ table: inout StrategyTable, expectedKeys: Int) throws {
        let snap = try table.snapshot()
        seen = DigestIndex(expected: (snap.rowCount ?? 0) + expectedKeys, kind: seen.kind, values: false)
        // a file at a time: only one file's keys are ever decoded at once
        for f in snap.files {
            let keys = KeyColumn.bytes(of: try table.read([f], columns: key).columns[0])
            _ = seen.insert(seen.digests(keys))
        }
    }

    public mutating func process(_ batch: ColumnBatch, _ table: inout StrategyTable, _ timer: inout PhaseTimer) throws {
        let fresh = timer.measure(.dedup) { () -> ColumnBatch in
            let keys = KeyColumn.bytes(of: batch.column(HashColumns.compositeName)!)
            let isNew = seen.insert(seen.digests(keys))
            let keep = isNew.indices.filter { isNew[$0] }
            return keep.count == batch.rowCount ? batch : batch.gatherRows(keep)
        }
        try timer.measure(.write) {
            if overwrite {
                let snap = try table.snapshot()
                let old = snap.files.isEmpty ? nil : try table.read(snap.files).relabeled(batch.schema)
                _ = try table.overwrite(old.map { $0.appending(fresh) } ?? fresh)
            } else {
                _ = try table.append(fresh)
            }
        }
    }
}
