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
        let results = concurrentMap(files.count) { i -> ColumnBatch in
            try self.readFile(self.dataFile(files[i], columns: names, snapshot: snap), schema: outSchema)
        }
        var batches: [ColumnBatch] = []
        batches.reserveCapacity(files.count)
        for r in results { batches.append(try r.get()) }
        return ColumnBatch.concatenate(batches, schema: outSchema)
    }

    private func readFile(_ file: DataFileColumns, schema: Schema) throws -> ColumnBatch {
        var wanted: [String] = []
        for case .file(let i) in file.sources { wanted.append(file.reader.schema.fields[i].name) }
        let fromFile = try file.reader.read(columns: wanted)
        let n = file.rowCount
        var columns: [Column] = []
        var next = 0
        for (k, source) in file.sources.enumerated() {
            switch source {
            case .file:
                columns.append(fromFile.columns[next])
                next += 1
            case .constant: columns.append(file.constantColumn(k, count: n))
            }
        }
        let batch = ColumnBatch(schema: schema, columns: columns)
        guard let keep = file.keptRows else { return batch }
        // Skip the rows the deletion vector removes (row index = position in the data file).
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
