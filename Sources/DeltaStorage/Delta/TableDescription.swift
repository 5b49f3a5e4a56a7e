/// Everything `dedupbench lake inspect` shows about a table, built from the log alone (no data
/// file is opened), so it also describes tables that other engines wrote.
public struct TableDescription: Sendable {
    public var path: String
    /// The version described (the newest unless time-travelling).
    public var version: Int
    public var latestVersion: Int
    public var protocolVersions: DeltaProtocol
    public var metadata: DeltaMetadata
    /// Columns as written in schemaString (any type, also ones dedupbench cannot store).
    public var fields: [DeltaField]
    public var files: [AddFile]
    /// One entry per commit 0…version.
    public var history: [CommitSummary]
    /// Rows in live files per stats; nil when some file has no `numRecords`.
    public var liveRows: Int?
    public var liveBytes: Int64
    /// What is on disk now (all versions' data files, the log, anything else under the root).
    public var filesOnDisk: Int
    public var bytesOnDisk: Int64
    public var logFiles: Int
    public var logBytes: Int64

    /// Reads the log of the table at `path` up to `version` (default: the newest).
    public static func describe(path: String, version: Int? = nil) throws -> TableDescription {
        try describe(store: LocalObjectStore(root: path), version: version)
    }

    /// `describe(path:version:)` for a table in any object store (e.g. `s3://…`).
    public static func describe(store: any ObjectStore, version: Int? = nil) throws -> TableDescription {
        let path = store.root
        let log = DeltaLog(store: store)
        let latest = try log.versions().last!
        let state = try log.state(version: version, history: true)
        let metadata = state.metadata!
        var d = TableDescription(
            path: path, version: state.version, latestVersion: latest, protocolVersions: state.protocolVersions!,
            metadata: metadata,
            fields: try DeltaSchema.fields(metadata.schemaString), files: state.files, history: state.history,
            liveRows: state.files.reduce(0 as Int?) { acc, f in acc.flatMap { a in f.numRecords.map { a + $0 } } },
            liveBytes: state.files.reduce(0) { $0 + $1.size }, filesOnDisk: 0, bytesOnDisk: 0, logFiles: 0, logBytes: 0)
        for f in try store.list(prefix: "") {
            d.filesOnDisk += 1
            d.bytesOnDisk += f.size
            if f.key.hasPrefix("_delta_log/") {
                d.logFiles += 1
                d.logBytes += f.size
            }
        }
        return d
    }

    /// The description as one JSON object (stable key order).
    public var json: JSONValue {
        let p = protocolVersions
        let features: (([String]?) -> JSONValue) = { f in f.map { .array($0.map(JSONValue.string)) } ?? .null }
        let proto: JSONValue = .object([
            ("minReaderVersion", .int(Int64(p.minReaderVersion))),
            ("minWriterVersion", .int(Int64(p.minWriterVersion))),
            ("readerFeatures", features(p.readerFeatures)), ("writerFeatures", features(p.writerFeatures)),
        ])
        let config: [(String, JSONValue)] = metadata.configuration.sorted { $0.key < $1.key }.map {
            ($0.key, .string($0.value))
        }
        let meta: JSONValue = .object([
            ("id", .string(metadata.id)), ("name", Self.opt(metadata.name)),
            ("description", Self.opt(metadata.description)),
            ("createdTime", metadata.createdTime.map(JSONValue.int) ?? .null),
            ("partitionColumns", .array(metadata.partitionColumns.map(JSONValue.string))),
            ("configuration", .object(config)),
        ])
        let schema: [JSONValue] = fields.map { f in
            .object([
                ("name", .string(f.name)), ("type", .string(f.typeName)), ("nullable", .bool(f.nullable)),
                ("partition", .bool(metadata.partitionColumns.contains(f.name))),
            ])
        }
        let live: JSONValue = .object([
            ("files", .int(Int64(files.count))), ("rows", Self.optInt(liveRows)), ("bytes", .int(liveBytes)),
        ])
        let disk: JSONValue = .object([
            ("files", .int(Int64(filesOnDisk))), ("bytes", .int(bytesOnDisk)), ("logFiles", .int(Int64(logFiles))),
            ("logBytes", .int(logBytes)),
        ])
        let top: [(String, JSONValue)] = [
            ("path", .string(path)), ("version", .int(Int64(version))), ("latestVersion", .int(Int64(latestVersion))),
            ("protocol", proto), ("metadata", meta), ("schema", .array(schema)), ("live", live), ("disk", disk),
            ("history", .array(history.map(Self.json))), ("files", .array(files.map(fileJSON))),
        ]
        return .object(top)
    }

    private static func opt(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    private static func optInt(_ i: Int?) -> JSONValue { i.map { .int(Int64($0)) } ?? .null }

    private static func json(_ h: CommitSummary) -> JSONValue {
        let pairs: [(String, JSONValue)] = [
            ("version", .int(Int64(h.version))), ("timestamp", h.timestamp.map(JSONValue.int) ?? .null),
            ("operation", .string(h.operation)), ("parameters", opt(h.parameters)), ("engineInfo", opt(h.engineInfo)),
            ("addedFiles", .int(Int64(h.addedFiles))), ("removedFiles", .int(Int64(h.removedFiles))),
            ("addedRows", optInt(h.addedRows)), ("addedBytes", .int(h.addedBytes)),
            ("removedBytes", .int(h.removedBytes)),
            ("commitBytes", .int(h.commitBytes)),
        ]
        return .object(pairs)
    }

    private func fileJSON(_ f: AddFile) -> JSONValue {
        let values: [(String, JSONValue)] = metadata.partitionColumns.map { c in
            (c, (f.partitionValues[c] ?? nil).map(JSONValue.string) ?? .null)
        }
        let pairs: [(String, JSONValue)] = [
            ("path", .string(f.path)), ("partitionValues", .object(values)), ("size", .int(f.size)),
            ("rows", Self.optInt(f.numRecords)), ("modificationTime", .int(f.modificationTime)),
        ]
        return .object(pairs)
    }
}
