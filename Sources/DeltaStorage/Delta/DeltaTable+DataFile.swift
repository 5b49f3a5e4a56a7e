/// One live data file opened for reading: its Parquet reader, the rows its deletion vector
/// removes, and where each requested table column comes from. The one place that resolves a
/// table column against a data file (the full read and the page visitors share it).
public struct DataFileColumns: Sendable {
    /// Where a table column's values come from in this file.
    public enum Source: Sendable {
        /// Column `index` of `reader.schema`.
        case file(Int)
        /// The same value in every row: a partition value (nil: null), or null for a nullable
        /// column added after the file was written. `sample` is that value as a one-row column.
        case constant(sample: Column)
    }

    public let reader: ParquetReader
    /// Rows in the Parquet file, before deletions.
    public let rowCount: Int
    /// Row positions (ascending, each < `rowCount`) the file's deletion vector removes.
    public let deletedRows: [UInt64]
    /// The requested columns' fields (the table's schema), in the order requested.
    public let fields: [Field]
    /// One source per field.
    public let sources: [Source]
    let partitionValues: [String: String?]

    /// Positions of the rows that remain after the deletion vector (nil: every row remains).
    public var keptRows: [Int]? {
        guard !deletedRows.isEmpty else { return nil }
        var keep: [Int] = []
        keep.reserveCapacity(rowCount - deletedRows.count)
        var d = 0
        for row in 0..<rowCount {
            if d < deletedRows.count && deletedRows[d] == UInt64(row) {
                d += 1
            } else {
                keep.append(row)
            }
        }
        return keep
    }

    /// Field `k`'s column with `count` rows, for a `.constant` source.
    func constantColumn(_ k: Int, count: Int) -> Column {
        let field = fields[k]
        if let value = partitionValues[field.name] {
            return Column.repeating(value, type: field.type, count: count)!  // parsed at open
        }
        return .nulls(field.type, count: count)
    }
}

extension DeltaTable {
    /// Opens `file` (a live file of `snap`) to read the columns `names` (table columns, in that order).
    /// - Throws: `DeltaError` when a name is not a column of the table, a partition value does not
    ///   parse as its column's type, a NOT NULL column is missing from the file, or the deletion
    ///   vector deletes a row the file lacks, or the file disagrees with its add action: a byte
    ///   length other than `add.size`, or a row count other than `add.stats.numRecords` (both
    ///   required to describe the file: PROTOCOL.md "Add File and Remove File", "Per-file
    ///   Statistics"; readers size their footer reads and answer `count(*)` from them);
    ///   `ParquetError` when the file cannot be opened.
    public func dataFile(_ file: AddFile, columns names: [String], snapshot snap: DeltaSnapshot) throws
        -> DataFileColumns
    {
        var fields: [Field] = []
        for n in names {
            guard let i = snap.schema.index(of: n) else {
                throw DeltaError(
                    .invalidInput, "\(path): no column '\(n)' (columns: \(snap.schema.names.joined(separator: ", ")))")
            }
            fields.append(snap.schema.fields[i])
        }
        let deleted = try DeletionVectorLoader.deletedRows(of: file, store: store)
        let filePath = location(file)
        let reader = try openParquet(file)
        var sources: [DataFileColumns.Source] = []
        for field in fields {
            if !snap.partitionColumns.contains(field.name), let i = reader.schema.index(of: field.name) {
                sources.append(.file(i))
            } else if let value = file.partitionValues[field.name] {
                guard let c = Column.repeating(value, type: field.type, count: 1) else {
                    throw DeltaError(
                        .corruptLog,
                        "\(path): \(file.path) has partition value '\(value ?? "")' for \(field.type.rawValue) column '\(field.name)', which does not parse"
                    )
                }
                sources.append(.constant(sample: c))
            } else if field.nullable {
                // a column added after this file was written
                sources.append(.constant(sample: .nulls(field.type, count: 1)))
            } else {
                throw DeltaError(.corruptLog, "\(filePath) lacks the NOT NULL column '\(field.name)'")
            }
        }
        let n = reader.rowCount
        if Int64(reader.byteCount) != file.size {
            throw DeltaError(
                .corruptLog, "\(filePath) has \(reader.byteCount) bytes, but its add action's size is \(file.size)")
        }
        if let logged = file.numRecords, logged != n {
            throw DeltaError(
                .corruptLog, "\(filePath) holds \(n) rows, but its add action's stats.numRecords is \(logged)")
        }
        if let last = deleted.last, last >= UInt64(n) {
            // Row index = position in the data file.
            throw DeltaError(
                .corruptLog, "\(path): the deletion vector of \(file.path) deletes row \(last) of a \(n)-row file")
        }
        return DataFileColumns(
            reader: reader, rowCount: n, deletedRows: deleted, fields: fields, sources: sources,
            partitionValues: file.partitionValues)
    }
}
