import DedupFormats

/// The `protocol` action: reader/writer versions (and table features for reader 3 / writer 7).
public struct DeltaProtocol: Sendable, Equatable {
    public var minReaderVersion: Int
    public var minWriterVersion: Int
    public var readerFeatures: [String]?
    public var writerFeatures: [String]?

    public init(
        minReaderVersion: Int = 1, minWriterVersion: Int = 2, readerFeatures: [String]? = nil,
        writerFeatures: [String]? = nil
    ) {
        self.minReaderVersion = minReaderVersion
        self.minWriterVersion = minWriterVersion
        self.readerFeatures = readerFeatures
        self.writerFeatures = writerFeatures
    }
}

/// The `metaData` action. Each one replaces the previous one entirely; `id` never changes.
public struct DeltaMetadata: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var description: String?
    public var provider: String
    /// The table schema as JSON text (exactly as found in the log).
    public var schemaString: String
    public var partitionColumns: [String]
    /// Table properties; written with keys sorted so commits are byte-for-byte reproducible.
    public var configuration: [String: String]
    public var createdTime: Int64?

    public init(
        id: String, name: String? = nil, description: String? = nil, provider: String = "parquet",
        schemaString: String, partitionColumns: [String], configuration: [String: String] = [:],
        createdTime: Int64? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.provider = provider
        self.schemaString = schemaString
        self.partitionColumns = partitionColumns
        self.configuration = configuration
        self.createdTime = createdTime
    }
}

/// An `add` action: one live data file.
public struct AddFile: Sendable, Equatable, Hashable {
    /// The path as written in the log: relative to the table root and URI-encoded (or an absolute URI).
    public var path: String
    /// One entry per partition column; nil = null partition value.
    public var partitionValues: [String: String?]
    /// Exact file size in bytes (readers open the file with this length).
    public var size: Int64
    public var modificationTime: Int64
    public var dataChange: Bool
    /// Per-file statistics as a JSON string (numRecords, minValues, maxValues, nullCount).
    public var stats: String?
    /// `numRecords` from `stats`, when present.
    public var numRecords: Int?
    /// The rows of the data file that are deleted (PROTOCOL.md "Deletion Vectors"); nil = none.
    public var deletionVector: DeletionVectorDescriptor?

    public init(
        path: String, partitionValues: [String: String?], size: Int64, modificationTime: Int64, dataChange: Bool = true,
        stats: String? = nil, numRecords: Int? = nil, deletionVector: DeletionVectorDescriptor? = nil
    ) {
        self.path = path
        self.partitionValues = partitionValues
        self.size = size
        self.modificationTime = modificationTime
        self.dataChange = dataChange
        self.stats = stats
        self.numRecords = numRecords ?? stats.flatMap(FileStats.numRecords(in:))
        self.deletionVector = deletionVector
    }

    public var hasDeletionVector: Bool { deletionVector != nil }

    /// Rows left after the deletion vector: `numRecords − cardinality` (nil without stats).
    public var liveRecords: Int? {
        numRecords.map { $0 - Int(deletionVector?.cardinality ?? 0) }
    }

    /// The logical file's identity in action reconciliation: (path, DV uniqueId).
    public var logicalKey: String { DeltaActionKey.of(path, deletionVector) }

    /// The path relative to the table root with URI escapes decoded (the name on disk).
    public var relativePath: String { PartitionPath.uriDecode(path) }
}

/// A `remove` action: a file that stops being live (it stays on disk until a vacuum).
public struct RemoveFile: Sendable, Equatable {
    /// Exactly the `add.path` string of the file removed.
    public var path: String
    public var deletionTimestamp: Int64?
    public var dataChange: Bool
    public var partitionValues: [String: String?]?
    public var size: Int64?
    /// The DV of the logical file removed (the add's `deletionVector`).
    public var deletionVector: DeletionVectorDescriptor?

    public init(
        path: String, deletionTimestamp: Int64?, dataChange: Bool = true, partitionValues: [String: String?]? = nil,
        size: Int64? = nil, deletionVector: DeletionVectorDescriptor? = nil
    ) {
        self.path = path
        self.deletionTimestamp = deletionTimestamp
        self.dataChange = dataChange
        self.partitionValues = partitionValues
        self.size = size
        self.deletionVector = deletionVector
    }

    /// The logical file's identity in action reconciliation: (path, DV uniqueId).
    public var logicalKey: String { DeltaActionKey.of(path, deletionVector) }
}

/// Logical file identity (PROTOCOL.md "Action Reconciliation": add/remove match on path and DV).
enum DeltaActionKey {
    static func of(_ path: String, _ dv: DeletionVectorDescriptor?) -> String {
        guard let dv else { return path }
        return path + "\u{0}" + dv.uniqueId
    }
}

/// A `txn` action: the last batch version an application committed (idempotent retries).
public struct DeltaTxn: Sendable, Equatable {
    public var appId: String
    public var version: Int64
    public var lastUpdated: Int64?

    public init(appId: String, version: Int64, lastUpdated: Int64? = nil) {
        self.appId = appId
        self.version = version
        self.lastUpdated = lastUpdated
    }
}

/// A `commitInfo` action: free-form provenance. We keep the whole object and expose the common keys.
public struct CommitInfo: Sendable, Equatable {
    public var fields: JSONValue

    public init(fields: JSONValue) { self.fields = fields }

    public var timestamp: Int64? { fields["timestamp"]?.intValue }
    public var operation: String? { fields["operation"]?.stringValue }
    public var engineInfo: String? { fields["engineInfo"]?.stringValue }
    public var operationParameters: JSONValue? { fields["operationParameters"] }
    public var operationMetrics: JSONValue? { fields["operationMetrics"] }
}

/// One line of a commit file.
public enum DeltaAction: Sendable, Equatable {
    case commitInfo(CommitInfo)
    case protocolVersions(DeltaProtocol)
    case metaData(DeltaMetadata)
    case add(AddFile)
    case remove(RemoveFile)
    case txn(DeltaTxn)
    /// An action we do not interpret (cdc, domainMetadata, …): its key and its value.
    case other(String, JSONValue)
}
