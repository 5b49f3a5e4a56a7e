extension DeltaTable {
    /// All rows of a version (default: the newest), optionally only some columns (in that order).
    public func read(version: Int? = nil, columns: [String]? = nil) throws -> ColumnBatch {
        let snap = try snapshot(version: version)
        return try read(files: snap.files, columns: columns, snapshot: snap)
    }

    /// The rows of `files` (live files of the current snapshot), with partition columns rebuilt
    /// from `partitionValues`. Files are read in parallel; rows come in file order.
    public func read(files: [AddFile], columns: [String]? = nil) throws -> ColumnBatch {
        try read(files: files, columns: columns, snapshot: snapshot())
    }

    func read(files: [AddFile], columns: [String]?, snapshot snap: DeltaSnapshot) throws -> ColumnBatch {
        try ReaderSupport.checkReadable(
            snap.protocolVersions, configuration: snap.metadata.configuration, tablePath: path)
        let names = columns ?? snap.schema.names
        for n in names where snap.schema.index(of: n) == nil {
            throw DeltaError(
                .invalidInput, "\(path): no column '\(n)' (columns: \(snap.schema.names.joined(separator: ", ")))")
        }
        let outSchema = Schema(names.map { snap.schema.fields[snap.schema.index(of: $0)!] })
        let dataNames = names.filter { !snap.partitionColumns.contains($0) }
        let results = concurrentMap(files.count) { i -> ColumnBatch in
            try self.readFile(files[i], names: names, dataNames: dataNames, schema: outSchema)
        }
        var batches: [ColumnBatch] = []
        batches.reserveCapacity(files.count)
        for r in results { batches.append(try r.get()) }
        return ColumnBatch.concatenate(batches, schema: outSchema)
    }

    private func readFile(_ file: AddFile, names: [String], dataNames: [String], schema: Schema) throws -> ColumnBatch {
        let deleted = try DeletionVectorLoader.deletedRows(of: file, tablePath: path)
        let filePath = localPath(file)
        let reader = try ParquetReader(path: filePath)
        let present = Set(reader.schema.names)
        let fromFile = try reader.read(columns: dataNames.filter { present.contains($0) })
        let n = fromFile.columns.isEmpty ? reader.rowCount : fromFile.rowCount
        var columns: [Column] = []
        for field in schema.fields {
            if let c = fromFile.column(field.name) {
                columns.append(c)
            } else if let value = file.partitionValues[field.name] {
                guard let c = Column.repeating(value, type: field.type, count: n) else {
                    throw DeltaError(
                        .corruptLog,
                        "\(path): \(file.path) has partition value '\(value ?? "")' for \(field.type.rawValue) column '\(field.name)', which does not parse"
                    )
                }
                columns.append(c)
            } else if field.nullable {
                columns.append(.nulls(field.type, count: n))  // column added after this file was written
            } else {
                throw DeltaError(.corruptLog, "\(filePath) lacks the NOT NULL column '\(field.name)'")
            }
        }
        let batch = ColumnBatch(schema: schema, columns: columns)
        guard !deleted.isEmpty else { return batch }
        // Skip the rows the deletion vector removes (row index = position in the data file).
        guard deleted.last! < UInt64(n) else {
            throw DeltaError(
                .corruptLog,
                "\(path): the deletion vector of \(file.path) deletes row \(deleted.last!) of a \(n)-row file")
        }
        var keep: [Int] = []
        keep.reserveCapacity(n - deleted.count)
        var d = 0
        for row in 0..<n {
            if d < deleted.count && deleted[d] == UInt64(row) {
                d += 1
            } else {
                keep.append(row)
            }
        }
        return batch.gather(keep)
    }

    /// The on-disk path of a log path (relative, URI-encoded, or an absolute `file:` URI).
    func localPath(_ file: AddFile) -> String { DeltaLogValidation.localPath(file.path, tablePath: path) }
}
