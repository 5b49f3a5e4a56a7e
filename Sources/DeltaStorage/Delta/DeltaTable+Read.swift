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

    /// As `read(files:columns:)`, against a snapshot the caller already holds (`files` are its
    /// live files): no log replay per call, so reading a table file by file replays the log once.
    public func read(files: [AddFile], columns: [String]?, snapshot snap: DeltaSnapshot) throws -> ColumnBatch {
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
        let deleted = try DeletionVectorLoader.deletedRows(of: file, store: store)
        let filePath = location(file)
        let reader = try openParquet(file)
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

    /// The on-disk path of an absolute log path (`file:` URI or `/…`), nil for a relative one.
    func absoluteLocalPath(_ file: AddFile) -> String? {
        if file.path.hasPrefix("file:") {
            var rest = Substring(file.path.dropFirst(5))
            if rest.hasPrefix("//") { rest = rest.dropFirst(2) }
            return PartitionPath.uriDecode(String(rest))
        }
        if file.path.hasPrefix("/") { return PartitionPath.uriDecode(file.path) }
        return nil
    }

    /// Where a data file is, for messages: its absolute path, or the store location of its key.
    func location(_ file: AddFile) -> String { absoluteLocalPath(file) ?? store.location(file.relativePath) }

    /// Opens a data file: by path (pread) when the store is a local directory, otherwise with
    /// one GET of the whole object.
    func openParquet(_ file: AddFile) throws -> ParquetReader {
        if let p = absoluteLocalPath(file) { return try ParquetReader(path: p) }
        if let p = store.localPath(file.relativePath) { return try ParquetReader(path: p) }
        return try ParquetReader(bytes: store.get(file.relativePath), name: store.location(file.relativePath))
    }
}
