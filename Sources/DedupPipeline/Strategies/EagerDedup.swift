import DeltaStorage

/// `eager_dedup`: drops every record whose composite hash was already seen — earlier in the batch
/// or anywhere in the table — before writing, so the table keeps the first occurrence of each key.
/// The seen-set is rebuilt from the table's `composite_hash` column at start (the table is the
/// truth) and grows with each batch. `write_mode: append` appends the new rows; `overwrite`
/// rewrites the whole table each batch (the seed's mode; its cost grows with the table).
public struct EagerDedup: DedupStrategy {
    public static let kind = StrategyKind.eagerDedup
    public let partitionColumns = [RecordSchema.partitionDate]
    public let overwrite: Bool
    private var seen = KeyIndex(expected: 1 << 16)
    private let key = [HashColumns.compositeName]

    public init(options: StrategyOptions, schema: Schema) throws {
        overwrite = options.string("write_mode") == "overwrite"
    }

    public var expectation: TableExpectation { .firstPerKey(key: key) }

    public mutating func start(_ table: inout StrategyTable, expectedRows: Int) throws {
        let snap = try table.snapshot()
        seen = KeyIndex(expected: (snap.rowCount ?? 0) + expectedRows)
        guard !snap.files.isEmpty else { return }
        let keys = KeyColumn.bytes(of: try table.read(snap.files, columns: key).columns[0])
        _ = seen.insert(keys, fingerprints: KeyColumn.fingerprints(keys)) { _ in 0 }
    }

    public mutating func process(_ batch: ColumnBatch, _ table: inout StrategyTable, _ timer: inout PhaseTimer) throws {
        let fresh = timer.measure(.dedup) { () -> ColumnBatch in
            let keys = KeyColumn.bytes(of: batch.column(HashColumns.compositeName)!)
            let known = seen.insert(keys, fingerprints: KeyColumn.fingerprints(keys)) { _ in 0 }
            let keep = known.indices.filter { known[$0] < 0 }
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
