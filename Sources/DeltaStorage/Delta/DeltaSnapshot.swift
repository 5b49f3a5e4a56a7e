/// A table as of one version: schema, partition columns and the live data files.
public struct DeltaSnapshot: Sendable {
    public var version: Int
    public var protocolVersions: DeltaProtocol
    public var metadata: DeltaMetadata
    /// The full table schema, partition columns included (in schemaString order).
    public var schema: Schema
    public var partitionColumns: [String]
    /// Live data files, in the order they were added.
    public var files: [AddFile]

    /// The table id (metaData.id), stable for the table's lifetime.
    public var metadataId: String { metadata.id }
    /// The schema of the data files: `schema` without the partition columns.
    public var dataSchema: Schema { Schema(schema.fields.filter { !partitionColumns.contains($0.name) }) }
    /// Total rows per `numRecords`, or nil when a file has no stats.
    public var rowCount: Int? { files.reduce(0 as Int?) { acc, f in acc.flatMap { a in f.numRecords.map { a + $0 } } } }
    public var liveBytes: Int64 { files.reduce(0) { $0 + $1.size } }

    /// Builds a snapshot from replayed log state; fails when the schema has types we cannot store.
    public init(state: DeltaLogState) throws {
        guard let metadata = state.metadata, let p = state.protocolVersions else {
            throw DeltaError(.corruptLog, "version \(state.version) has no metaData or protocol")
        }
        self.version = state.version
        self.protocolVersions = p
        self.metadata = metadata
        self.schema = try DeltaSchema.schema(try DeltaSchema.fields(metadata.schemaString))
        self.partitionColumns = metadata.partitionColumns
        self.files = state.files
        for c in partitionColumns where schema.index(of: c) == nil {
            throw DeltaError(.corruptLog, "partition column '\(c)' is not in the table schema")
        }
    }
}

/// What a commit did.
public struct CommitResult: Sendable {
    /// The version the commit was published as.
    public var version: Int
    /// The version the operation read (the commit was first tried as readVersion + 1).
    public var readVersion: Int
    public var added: [AddFile]
    public var removed: [AddFile]
    /// Bytes of the new data files plus the commit file.
    public var bytesWritten: Int
    /// New data files plus the one commit file.
    public var filesWritten: Int
    /// How many times another writer took the version first and we renumbered.
    public var retries: Int
    /// The checkpoint written after this commit (every `delta.checkpointInterval` versions).
    public var checkpoint: CheckpointResult?
    /// Why the due checkpoint could not be written. The commit itself succeeded (a checkpoint is
    /// an optimisation); the next due checkpoint tries again.
    public var checkpointError: String?

    /// Rows in the added files.
    public var rowsAdded: Int { added.reduce(0) { $0 + ($1.numRecords ?? 0) } }
}

/// Storage a table takes: live data versus everything on disk.
public struct TableUsage: Sendable, Equatable {
    public var version: Int
    /// Files in the current snapshot and their bytes.
    public var liveFiles: Int
    public var liveBytes: Int64
    /// Every file under the table directory: live and removed-but-not-vacuumed data files plus the log.
    public var filesOnDisk: Int
    public var bytesOnDisk: Int64
    /// The `_delta_log` directory alone.
    public var logFiles: Int
    public var logBytes: Int64
}
