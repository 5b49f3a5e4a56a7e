import DedupFormats

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
    /// Rows in live files per stats, minus the rows their deletion vectors delete; nil when some
    /// file has no `numRecords`.
    public var liveRows: Int?
    /// Rows hidden by deletion vectors (sum of their cardinalities).
    public var deletedRows: Int64 = 0
    /// Live files that carry a deletion vector.
    public var filesWithDeletionVectors = 0
    public var liveBytes: Int64
    /// What is on disk now (all versions' data files, the log, anything else under the root).
    public var filesOnDisk: Int
    public var bytesOnDisk: Int64
    public var logFiles: Int
    public var logBytes: Int64
    /// The checkpoint a reader without history starts from to rebuild `version` (nil: none) and
    /// the JSON commits it replays after it. `history` itself is always read from the JSON commits.
    public var replayCheckpoint: Int?
    public var replayCommits = 0
    /// What the log reader worked around (e.g. a stale `_last_checkpoint`).
    public var notes: [String] = []

    /// Reads the log of the table at `path` up to `version` (default: the newest).
    public static func describe(path: String, version: Int? = nil) throws -> TableDescription {
        try describe(store: LocalObjectStore(root: path), version: version)
    }

    /// `describe(path:version:)` for a table in any object store (e.g. `s3://…`).
    public static func describe(store: any ObjectStore, version: Int? = nil) throws -> TableDescription {
        let path = store.root
        let log = DeltaLog(store: store)
        let latest = try log.versions().last!
        let history = try log.state(version: version, history: true)
        // The live files as readers replay them (from the newest checkpoint), not as the full JSON
        // replay for the history would: the two differ only when the log is damaged.
        let state = try log.state(version: history.version)
        let metadata = state.metadata!
        // Row counts are only right if we honour every reader feature (deletion vectors included).
        try ReaderSupport.checkReadable(
            state.protocolVersions!, configuration: metadata.configuration, tablePath: path)
        var rows: Int? = 0
        var bytes: Int64 = 0
        var deleted: Int64 = 0
        var withDV = 0
        for f in state.files {
            bytes = try checkedSum(bytes, f.size, "live bytes")
            if let dv = f.deletionVector {
                deleted = try checkedSum(deleted, dv.cardinality, "deleted rows")
                withDV += 1
            }
            if let r = rows, let n = f.liveRecords {
                rows = Int(try checkedSum(Int64(r), Int64(n), "live rows"))
            } else {
                rows = nil
            }
        }
        var d = TableDescription(
            path: path, version: state.version, latestVersion: latest, protocolVersions: state.protocolVersions!,
            metadata: metadata,
            fields: try DeltaSchema.fields(metadata.schemaString), files: state.files, history: history.history,
            liveRows: rows, liveBytes: bytes, filesOnDisk: 0, bytesOnDisk: 0, logFiles: 0, logBytes: 0)
        d.deletedRows = deleted
        d.filesWithDeletionVectors = withDV
        (d.replayCheckpoint, d.replayCommits) = try log.replayStart(version: state.version)
        d.notes = state.notes
        let (replayed, read) = (Set(history.files.map(\.path)), Set(state.files.map(\.path)))
        if replayed != read {
            d.notes.append(
                "the JSON commits and the checkpoint disagree: replaying every commit gives \(replayed.count) live "
                    + "files, the checkpoint's replay \(read.count) (\(replayed.subtracting(read).count) only in the "
                    + "commits, \(read.subtracting(replayed).count) only in the checkpoint); readers start at the "
                    + "checkpoint, and so do the figures here")
        }
        for f in try store.list(prefix: "") {
            d.filesOnDisk += 1
            d.bytesOnDisk = try checkedSum(d.bytesOnDisk, f.size, "bytes on disk")
            if f.key.hasPrefix("_delta_log/") {
                d.logFiles += 1
                d.logBytes += f.size
            }
        }
        return d
    }

    /// `a + b`, or a `.corruptLog` error when the sum overflows (sizes come from an untrusted log).
    static func checkedSum(_ a: Int64, _ b: Int64, _ what: String) throws(DeltaError) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw DeltaError(.corruptLog, "the \(what) of the table overflow a 64-bit integer") }
        return sum
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
            ("deletedRows", .int(deletedRows)), ("filesWithDeletionVectors", .int(Int64(filesWithDeletionVectors))),
        ])
        let disk: JSONValue = .object([
            ("files", .int(Int64(filesOnDisk))), ("bytes", .int(bytesOnDisk)), ("logFiles", .int(Int64(logFiles))),
            ("logBytes", .int(logBytes)),
        ])
        let replay: JSONValue = .object([
            ("checkpointVersion", Self.optInt(replayCheckpoint)), ("commits", .int(Int64(replayCommits))),
            ("notes", .array(notes.map(JSONValue.string))),
        ])
        let top: [(String, JSONValue)] = [
            ("path", .string(path)), ("version", .int(Int64(version))), ("latestVersion", .int(Int64(latestVersion))),
            ("protocol", proto), ("metadata", meta), ("schema", .array(schema)), ("live", live), ("disk", disk),
            ("replay", replay),
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
            ("rows", Self.optInt(f.liveRecords)), ("modificationTime", .int(f.modificationTime)),
            ("deletedRows", f.deletionVector.map { .int($0.cardinality) } ?? .null),
        ]
        return .object(pairs)
    }
}
