import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Data files written for one commit (not yet committed).
struct WrittenFiles: Sendable {
    var files: [AddFile] = []
    /// Sum of the data files' sizes.
    var bytes = 0

    /// Deletes the files again (after a failed commit).
    func removeAll(from store: any ObjectStore) {
        for f in files { try? store.delete(f.relativePath) }
    }
}

extension DeltaTable {
    /// Splits `batch` by partition values (and size limits), writes one Parquet file per piece —
    /// pieces in parallel on all cores — and returns their `add` actions with stats.
    func writeDataFiles(_ input: ColumnBatch, snapshot snap: DeltaSnapshot, now: Int64) throws -> WrittenFiles {
        let batch = try conform(input, to: snap.schema)
        guard batch.rowCount > 0 else { return WrittenFiles() }
        let dataSchema = snap.dataSchema
        let data = batch.selecting(dataSchema.names)
        var pieces: [(values: [String?], rows: RowSelection)] = []
        let limit = rowLimit(data)
        for g in BatchPartitioner.groups(batch, partitionColumns: snap.partitionColumns) {
            for rows in g.rows.split(maxRows: limit) { pieces.append((g.values, rows)) }
        }
        // Parallelism, measured on 2 cores with 1.1M bronze rows: with a few files (4 dates), files
        // one after another with each file's column chunks in parallel was fastest (files per core
        // left one core idle at the end); with many files (32) one file per core was fastest.
        // Nesting both was slower in either case.
        let acrossFiles = pieces.count >= 4 * Self.cores
        var parquetOptions = options.parquet
        parquetOptions.parallel = options.parquet.parallel && !acrossFiles
        let parquet = parquetOptions
        let tasks = pieces
        let writer = DataFileWriter(table: self, snapshot: snap, now: now)
        // Files one after another: the previous file is written while the next one is encoded.
        let results = concurrentMap(pieces.count, parallel: acrossFiles) { i -> AddFile? in
            let (values, rows) = tasks[i]
            let file = try EncodedFile(rows.apply(to: data), options: parquet, name: self.path)
            if acrossFiles { return try writer.write(file, index: i, values: values) }
            writer.writeInBackground(file, index: i, values: values)
            return nil
        }
        let (background, syncError) = writer.finish()
        var written = WrittenFiles()
        var failure: Error?
        for (i, r) in results.enumerated() {
            switch r.flatMap({ f in
                f.map { .success($0) } ?? background[i] ?? .failure(DeltaError(.io, "file \(i) was not written"))
            }) {
            case .success(let f):
                written.files.append(f)
                written.bytes += Int(f.size)
            case .failure(let e): failure = failure ?? e
            }
        }
        if let syncError { failure = failure ?? syncError }
        if let failure {
            written.removeAll(from: store)
            throw failure
        }
        return written
    }

    static let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// `part-00000-<uuid>-c000.<codec>.parquet`, Spark's and delta-rs's naming.
    static func fileName(index: Int, uuid: String, codec: Codec) -> String {
        let n = String(index)
        let ext = codec == .uncompressed ? "" : "." + codec.rawValue
        return "part-" + String(repeating: "0", count: max(0, 5 - n.count)) + n + "-" + uuid + "-c000" + ext
            + ".parquet"
    }

    /// Rows per file allowed by `targetFileRows` and `targetFileBytes` (0 = no limit).
    private func rowLimit(_ data: ColumnBatch) -> Int {
        var limit = options.targetFileRows ?? 0
        if let target = options.targetFileBytes, data.rowCount > 0 {
            var bytes = 0
            for c in data.columns {
                switch c.values {
                case .int32(let v): bytes += 4 * v.count
                case .int64(let v): bytes += 8 * v.count
                case .double(let v): bytes += 8 * v.count
                case .boolean(let v): bytes += v.count
                case .bytes(let b): bytes += b.bytes.count + 4 * b.count
                }
            }
            let perRow = max(1, bytes / data.rowCount)
            let byBytes = max(1, target / perRow)
            limit = limit == 0 ? byBytes : min(limit, byBytes)
        }
        return limit
    }

    /// The batch with the table's column order, after checking names, types and NOT NULL columns.
    func conform(_ batch: ColumnBatch, to schema: Schema) throws -> ColumnBatch {
        let have = Set(batch.schema.names)
        let want = Set(schema.names)
        guard have == want, batch.schema.fields.count == schema.fields.count else {
            let missing = schema.names.filter { !have.contains($0) }
            let extra = batch.schema.names.filter { !want.contains($0) }
            throw DeltaError(
                .invalidInput,
                "\(path): batch columns do not match the table schema"
                    + (missing.isEmpty ? "" : "; missing: " + missing.joined(separator: ", "))
                    + (extra.isEmpty ? "" : "; not in the table: " + extra.joined(separator: ", ")))
        }
        let ordered = batch.schema.names == schema.names ? batch : batch.selecting(schema.names)
        for (i, f) in schema.fields.enumerated() {
            let got = ordered.schema.fields[i].type
            guard got == f.type else {
                throw DeltaError(
                    .invalidInput,
                    "\(path): column '\(f.name)' is \(got.rawValue) in the batch but \(f.type.rawValue) in the table")
            }
            if !f.nullable, let v = ordered.columns[i].validity, let row = v.firstIndex(of: false) {
                throw DeltaError(
                    .invalidInput,
                    "\(path): column '\(f.name)' is NOT NULL in the table but row \(row) of the batch is null")
            }
        }
        // Batches carry the table's nullability (it decides OPTIONAL vs REQUIRED in Parquet).
        return ColumnBatch(schema: schema, columns: ordered.columns)
    }
}

/// `body(0..<n)` on all cores (or in order when `parallel` is false); results (or errors) in index order.
func concurrentMap<T: Sendable>(
    _ n: Int, parallel: Bool = true, _ body: @Sendable (Int) throws -> T
) -> [Result<T, Error>] {
    guard n > 1 && parallel else { return (0..<n).map { i in Result { try body(i) } } }
    let slots = UnsafeMutableBufferPointer<Result<T, Error>?>.allocate(capacity: n)
    slots.initialize(repeating: nil)
    defer {  // deinitialize first: the slots hold the results (else every parallel read leaks its data)
        slots.deinitialize()
        slots.deallocate()
    }
    nonisolated(unsafe) let out = slots
    DispatchQueue.concurrentPerform(iterations: n) { i in out[i] = Result { try body(i) } }
    return slots.map { $0! }
}
