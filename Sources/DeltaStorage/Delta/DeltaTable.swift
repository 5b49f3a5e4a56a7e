import DedupFormats

/// A Delta Lake table (protocol reader 1 / writer 2) in an object store: a local directory
/// (`create(at:)`, `open(at:)`) or any `ObjectStore` such as S3 (`create(in:)`, `open(in:)`).
///
/// Every write goes through one atomic commit: data files are written (and fsynced) first, then
/// the commit is published with put-if-absent; a concurrent writer makes us renumber and retry
/// unless its commit conflicts with ours. Instances hold no cached state, so several instances
/// (or processes) may use one table at once.
///
/// ```swift
/// let table = try DeltaTable.create(at: dir, schema: schema, partitionColumns: ["partition_date"], options: opts)
/// try table.append(batch)
/// let snap = try table.snapshot()          // live files with stats
/// let rows = try table.read(version: 0)    // time travel
/// ```
public struct DeltaTable: Sendable {
    /// The table root: a directory path or an `s3://` URI (the store's root).
    public var path: String { store.root }
    /// Where every object of the table (data files, log) is read and written.
    public let store: any ObjectStore
    public var options: DeltaWriteOptions
    public var log: DeltaLog { DeltaLog(store: store) }
    /// Bytes of the commit that created the table (version 0), when this instance created it.
    public private(set) var creationCommitBytes = 0

    static let engineInfo = "dedupbench-swiftdelta/0.1.0"

    private init(store: any ObjectStore, options: DeltaWriteOptions) {
        self.store = store
        self.options = options
    }

    /// Creates an empty table (version 0: commitInfo, protocol 1/2, metaData).
    /// Fails with `.tableExists` if the directory already holds a Delta log.
    public static func create(
        at path: String, schema: Schema, partitionColumns: [String], configuration: [String: String] = [:],
        options: DeltaWriteOptions = DeltaWriteOptions()
    ) throws -> DeltaTable {
        try create(
            in: LocalObjectStore(root: path), schema: schema, partitionColumns: partitionColumns,
            configuration: configuration, options: options)
    }

    /// `create(at:…)` in any object store (e.g. S3): the same bytes, published with the store's
    /// put-if-absent.
    public static func create(
        in store: any ObjectStore, schema: Schema, partitionColumns: [String], configuration: [String: String] = [:],
        options: DeltaWriteOptions = DeltaWriteOptions()
    ) throws -> DeltaTable {
        try validate(schema: schema, partitionColumns: partitionColumns)
        var table = DeltaTable(store: store, options: options)
        let path = store.root
        if case .some(.some) = try? table.log.latestVersion() {
            throw DeltaError(.tableExists, "cannot create a table at \(path): it already holds a Delta log")
        }
        let now = options.clock.millis()
        var ids = NameGenerator(seed: options.seed, stream: 0x6D65_7461)
        let metadata = DeltaMetadata(
            id: ids.uuid(), schemaString: DeltaSchema.schemaString(schema), partitionColumns: partitionColumns,
            configuration: configuration, createdTime: now)
        let info = commitInfo(
            now, operation: "CREATE TABLE",
            parameters: [("mode", "ErrorIfExists"), ("partitionBy", partitionByJSON(partitionColumns))],
            readVersion: nil,
            blindAppend: true, metrics: [:])
        let published = try CommitPublisher(log: table.log, options: options).publish(
            [.commitInfo(info), .protocolVersions(DeltaProtocol()), .metaData(metadata)], readVersion: -1, removing: [])
        table.creationCommitBytes = published.bytes
        return table
    }

    /// Opens an existing table (checks that its log can be replayed: every commit from version 0,
    /// or a checkpoint and the commits after it).
    public static func open(at path: String, options: DeltaWriteOptions = DeltaWriteOptions()) throws -> DeltaTable {
        try open(in: LocalObjectStore(root: path), options: options)
    }

    /// `open(at:)` in any object store.
    public static func open(in store: any ObjectStore, options: DeltaWriteOptions = DeltaWriteOptions()) throws
        -> DeltaTable
    {
        let table = DeltaTable(store: store, options: options)
        _ = try table.log.versions()
        return table
    }

    /// The table as of `version` (default: the newest).
    public func snapshot(version: Int? = nil) throws -> DeltaSnapshot {
        try DeltaSnapshot(state: log.state(version: version))
    }

    /// Appends `batch` as new files (a blind append: it conflicts only with metadata changes).
    ///
    /// File layout (callers may rely on it): partitions are written in order of their first row in
    /// the batch; within a partition rows keep their order and are cut into consecutive files of at
    /// most `targetFileRows`/`targetFileBytes`; `CommitResult.added` lists the files in that order.
    /// The same holds for `overwrite` and `commitReplace`.
    @discardableResult
    public func append(_ batch: ColumnBatch) throws -> CommitResult {
        let snap = try snapshot()
        return try commit(
            snap, removing: [], adding: batch, operation: "WRITE", parameters: [("mode", "Append")], blindAppend: true,
            metrics: [:])
    }

    /// Replaces the whole table with `batch` in one commit (removes every live file).
    @discardableResult
    public func overwrite(_ batch: ColumnBatch) throws -> CommitResult {
        let snap = try snapshot()
        return try commit(
            snap, removing: snap.files, adding: batch, operation: "WRITE", parameters: [("mode", "Overwrite")],
            blindAppend: false,
            metrics: [:])
    }

    /// File-level replace for merges: removes `removing` (live files of version `readVersion`) and
    /// adds `batch` as new files, in one commit. If a commit after `readVersion` removed any of the
    /// same files (or changed the metadata), throws a `.conflict` error; otherwise retries under a
    /// newer version number. Files that concurrent commits *added* are not checked (Delta's
    /// WriteSerializable level): a merge racing an append of the same keys can leave duplicates.
    /// `metrics` are added to commitInfo.operationMetrics (next to numAddedFiles, numRemovedFiles, …).
    @discardableResult
    public func commitReplace(
        readVersion: Int, removing: [AddFile], adding batch: ColumnBatch?, operation: String = "MERGE",
        metrics: [String: Int] = [:]
    ) throws -> CommitResult {
        let snap = try snapshot(version: readVersion)
        let live = Set(snap.files.map(\.path))
        for f in removing where !live.contains(f.path) {
            throw DeltaError(
                .invalidInput, "\(path): cannot remove \(f.path): it is not a live file of version \(readVersion)")
        }
        return try commit(
            snap, removing: removing, adding: batch, operation: operation, parameters: [], blindAppend: false,
            metrics: metrics)
    }

    /// Bytes and files: live ones (current snapshot) and everything on disk.
    public func usage() throws -> TableUsage {
        let state = try log.state()
        var usage = TableUsage(
            version: state.version, liveFiles: state.files.count, liveBytes: state.files.reduce(0) { $0 + $1.size },
            filesOnDisk: 0,
            bytesOnDisk: 0, logFiles: 0, logBytes: 0)
        for f in try store.list(prefix: "") {
            usage.filesOnDisk += 1
            usage.bytesOnDisk += f.size
            if f.key.hasPrefix("_delta_log/") {
                usage.logFiles += 1
                usage.logBytes += f.size
            }
        }
        return usage
    }

    // MARK: - commit assembly

    /// `dataChange: false` marks a rewrite that changes no rows (OPTIMIZE), on adds and removes.
    func commit(
        _ snap: DeltaSnapshot, removing: [AddFile], adding batch: ColumnBatch?, operation: String,
        parameters: [(String, String)], blindAppend: Bool, metrics extra: [String: Int], dataChange: Bool = true
    ) throws -> CommitResult {
        try checkWritable(snap, removes: !removing.isEmpty)
        let now = options.clock.millis()
        var written = try batch.map { try writeDataFiles($0, snapshot: snap, now: now) } ?? WrittenFiles()
        if !dataChange {
            written.files = written.files.map { f in
                var f = f
                f.dataChange = false
                return f
            }
        }
        do {
            var metrics: [String: Int] = [
                "numAddedFiles": written.files.count, "numRemovedFiles": removing.count,
                "numAddedRows": written.files.reduce(0) { $0 + ($1.numRecords ?? 0) }, "numAddedBytes": written.bytes,
                "numRemovedBytes": Int(removing.reduce(0) { $0 + $1.size }),
            ]
            metrics.merge(extra) { _, new in new }
            let info = Self.commitInfo(
                now, operation: operation,
                parameters: parameters + [("partitionBy", Self.partitionByJSON(snap.partitionColumns))],
                readVersion: snap.version, blindAppend: blindAppend, metrics: metrics)
            var actions: [DeltaAction] = [.commitInfo(info)]
            for f in removing {
                actions.append(
                    .remove(
                        RemoveFile(
                            path: f.path, deletionTimestamp: now, dataChange: dataChange,
                            partitionValues: f.partitionValues, size: f.size,
                            deletionVector: f.deletionVector)))
            }
            actions += written.files.map { .add($0) }
            let published = try CommitPublisher(log: log, options: options).publish(
                actions, readVersion: snap.version, removing: Set(removing.map(\.path)))
            var result = CommitResult(
                version: published.version, readVersion: snap.version, added: written.files, removed: removing,
                bytesWritten: written.bytes + published.bytes, filesWritten: written.files.count + 1,
                retries: published.retries)
            checkpointIfDue(&result, configuration: snap.metadata.configuration)
            return result
        } catch {
            written.removeAll(from: store)  // orphans are harmless, but leave nothing half-done behind
            throw error
        }
    }

    static func commitInfo(
        _ now: Int64, operation: String, parameters: [(String, String)], readVersion: Int?, blindAppend: Bool,
        metrics: [String: Int]
    ) -> CommitInfo {
        var fields: [(String, JSONValue)] = [
            ("timestamp", .int(now)), ("operation", .string(operation)),
            ("operationParameters", .object(parameters.map { ($0.0, .string($0.1)) })),
        ]
        if let readVersion { fields.append(("readVersion", .int(Int64(readVersion)))) }
        fields += [("isolationLevel", .string("Serializable")), ("isBlindAppend", .bool(blindAppend))]
        if !metrics.isEmpty {
            fields.append(
                (
                    "operationMetrics",
                    .object(metrics.sorted { $0.key < $1.key }.map { ($0.key, .int(Int64($0.value))) })
                ))
        }
        fields.append(("engineInfo", .string(engineInfo)))
        return CommitInfo(fields: .object(fields))
    }

    static func partitionByJSON(_ columns: [String]) -> String {
        JSONValue.array(columns.map { .string($0) }).serialized
    }

    /// Writer-side protocol checks: we write only reader 1 / writer ≤ 2 tables, honour
    /// `delta.appendOnly`, and refuse tables with column invariants (which we would not enforce).
    private func checkWritable(_ snap: DeltaSnapshot, removes: Bool) throws {
        let p = snap.protocolVersions
        guard p.minWriterVersion <= 2 && p.minReaderVersion <= 1 else {
            throw DeltaError(
                .unsupported,
                "\(path) needs writer version \(p.minWriterVersion) (reader \(p.minReaderVersion)); dedupbench writes only reader 1 / writer 2 tables"
            )
        }
        if removes && snap.metadata.configuration["delta.appendOnly"]?.lowercased() == "true" {
            throw DeltaError(
                .invalidInput,
                "\(path) has delta.appendOnly=true; overwrite and merge (which remove files) are not allowed")
        }
        for f in try DeltaSchema.fields(snap.metadata.schemaString) where f.metadata["delta.invariants"] != nil {
            throw DeltaError(
                .unsupported,
                "\(path): column '\(f.name)' has a delta.invariants constraint, which dedupbench does not enforce")
        }
    }

    /// Schema rules for a new table: unique names (case-insensitive), no characters Spark rejects,
    /// partition columns present, unique, not binary, and at least one data column left.
    static func validate(schema: Schema, partitionColumns: [String]) throws {
        var seen: Set<String> = []
        guard !schema.fields.isEmpty else { throw DeltaError(.invalidInput, "a table needs at least one column") }
        for f in schema.fields {
            guard !f.name.isEmpty, !f.name.contains(where: { " ,;{}()\n\t=".contains($0) }) else {
                throw DeltaError(
                    .invalidInput, "column name '\(f.name)' is empty or contains one of ' ,;{}()=' or a tab/newline")
            }
            guard seen.insert(f.name.lowercased()).inserted else {
                throw DeltaError(
                    .invalidInput, "column name '\(f.name)' appears twice (names are case-insensitive in Delta)")
            }
        }
        for (i, c) in partitionColumns.enumerated() {
            guard let idx = schema.index(of: c) else {
                throw DeltaError(
                    .invalidInput,
                    "partition column '\(c)' is not in the schema (columns: \(schema.names.joined(separator: ", ")))")
            }
            guard !partitionColumns[..<i].contains(c) else {
                throw DeltaError(.invalidInput, "partition column '\(c)' is listed twice")
            }
            guard schema.fields[idx].type != .binary else {
                throw DeltaError(.invalidInput, "partition column '\(c)' is binary; Delta cannot partition by binary")
            }
        }
        guard partitionColumns.count < schema.fields.count else {
            throw DeltaError(.invalidInput, "every column is a partition column; at least one data column is needed")
        }
    }
}
