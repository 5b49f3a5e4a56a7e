import DedupFormats

/// Newline-delimited JSON encoding of actions: compact, fixed key order (reproducible bytes).
extension DeltaAction {
    /// A problem with one action's JSON; the log reader adds file and line.
    struct DecodeFailure: Error {
        var message: String
    }

    /// The action as one compact JSON line (without the newline).
    public var jsonLine: String { json.serialized }

    var json: JSONValue {
        switch self {
        case .commitInfo(let c): .object([("commitInfo", c.fields)])
        case .protocolVersions(let p):
            .object([
                (
                    "protocol",
                    .object(
                        [
                            ("minReaderVersion", .int(Int64(p.minReaderVersion))),
                            ("minWriterVersion", .int(Int64(p.minWriterVersion))),
                        ]
                            + (p.readerFeatures.map { [("readerFeatures", .array($0.map { .string($0) }))] } ?? [])
                            + (p.writerFeatures.map { [("writerFeatures", .array($0.map { .string($0) }))] } ?? []))
                )
            ])
        case .metaData(let m):
            .object([
                (
                    "metaData",
                    .object(
                        [("id", .string(m.id))]
                            + (m.name.map { [("name", .string($0))] } ?? [])
                            + (m.description.map { [("description", .string($0))] } ?? [])
                            + [
                                ("format", .object([("provider", .string(m.provider)), ("options", .object([]))])),
                                ("schemaString", .string(m.schemaString)),
                                ("partitionColumns", .array(m.partitionColumns.map { .string($0) })),
                                (
                                    "configuration",
                                    .object(
                                        m.configuration.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
                                ),
                            ]
                            + (m.createdTime.map { [("createdTime", .int($0))] } ?? []))
                )
            ])
        case .add(let a):
            .object([
                (
                    "add",
                    .object(
                        [
                            ("path", .string(a.path)),
                            ("partitionValues", Self.partitionJSON(a.partitionValues)),
                            ("size", .int(a.size)),
                            ("modificationTime", .int(a.modificationTime)),
                            ("dataChange", .bool(a.dataChange)),
                        ] + (a.stats.map { [("stats", .string($0))] } ?? [])
                            + (a.deletionVector.map { [("deletionVector", Self.dvJSON($0))] } ?? []))
                )
            ])
        case .remove(let r):
            .object([
                (
                    "remove",
                    .object(
                        [("path", .string(r.path))]
                            + (r.deletionTimestamp.map { [("deletionTimestamp", .int($0))] } ?? [])
                            + [("dataChange", .bool(r.dataChange))]
                            + (r.partitionValues != nil && r.size != nil
                                ? [
                                    ("extendedFileMetadata", .bool(true)),
                                    ("partitionValues", Self.partitionJSON(r.partitionValues!)),
                                    ("size", .int(r.size!)),
                                ]
                                : [])
                            + (r.deletionVector.map { [("deletionVector", Self.dvJSON($0))] } ?? []))
                )
            ])
        case .txn(let t):
            .object([
                (
                    "txn",
                    .object(
                        [("appId", .string(t.appId)), ("version", .int(t.version))]
                            + (t.lastUpdated.map { [("lastUpdated", .int($0))] } ?? []))
                )
            ])
        case .other(let key, let value): .object([(key, value)])
        }
    }

    private static func dvJSON(_ d: DeletionVectorDescriptor) -> JSONValue {
        .object(
            [("storageType", .string(d.storageType.rawValue)), ("pathOrInlineDv", .string(d.pathOrInlineDv))]
                + (d.offset.map { [("offset", .int($0))] } ?? [])
                + [("sizeInBytes", .int(d.sizeInBytes)), ("cardinality", .int(d.cardinality))])
    }

    private static func partitionJSON(_ values: [String: String?]) -> JSONValue {
        .object(values.sorted { $0.key < $1.key }.map { ($0.key, $0.value.map(JSONValue.string) ?? .null) })
    }

    /// Decodes one parsed log line.
    init(json: JSONValue) throws(DecodeFailure) {
        guard case .object(let pairs) = json, pairs.count == 1, let (key, body) = pairs.first else {
            throw DecodeFailure(message: "expected an object with exactly one action key")
        }
        guard case .object = body else { throw DecodeFailure(message: "action '\(key)' is not an object") }
        let r = FieldReader(action: key, body: body)
        switch key {
        case "commitInfo": self = .commitInfo(CommitInfo(fields: body))
        case "protocol":
            self = .protocolVersions(
                DeltaProtocol(
                    minReaderVersion: Int(try r.int("minReaderVersion", atLeast: 1)),
                    minWriterVersion: Int(try r.int("minWriterVersion", atLeast: 1)),
                    readerFeatures: try r.optionalStrings("readerFeatures"),
                    writerFeatures: try r.optionalStrings("writerFeatures")))
        case "metaData":
            guard let format = body["format"], let provider = format["provider"]?.stringValue else {
                throw DecodeFailure(message: "metaData.format.provider is missing")
            }
            self = .metaData(
                DeltaMetadata(
                    id: try r.string("id"), name: try r.optionalString("name"),
                    description: try r.optionalString("description"),
                    provider: provider, schemaString: try r.string("schemaString"),
                    partitionColumns: try r.optionalStrings("partitionColumns") ?? [],
                    configuration: try r.stringMap("configuration"), createdTime: try r.optionalInt("createdTime")))
        case "add":
            let add = AddFile(
                path: try r.string("path"), partitionValues: try r.partitionValues("partitionValues") ?? [:],
                size: try r.int("size", atLeast: 0), modificationTime: try r.optionalInt("modificationTime") ?? 0,
                dataChange: try r.optionalBool("dataChange") ?? true, stats: try r.optionalString("stats"),
                deletionVector: try r.deletionVector())
            if let n = add.numRecords, n < 0 {
                throw DecodeFailure(message: "add.stats.numRecords: expected a non-negative integer, found \(n)")
            }
            if let n = add.numRecords, let dv = add.deletionVector, dv.cardinality > Int64(n) {
                throw DecodeFailure(
                    message:
                        "add.deletionVector.cardinality: \(dv.cardinality) deleted rows, but stats.numRecords is \(n)")
            }
            self = .add(add)
        case "remove":
            self = .remove(
                RemoveFile(
                    path: try r.string("path"), deletionTimestamp: try r.optionalInt("deletionTimestamp"),
                    dataChange: try r.optionalBool("dataChange") ?? true,
                    partitionValues: try r.partitionValues("partitionValues"),
                    size: try r.optionalInt("size", atLeast: 0), deletionVector: try r.deletionVector()))
        case "txn":
            self = .txn(
                DeltaTxn(
                    appId: try r.string("appId"), version: try r.int("version"),
                    lastUpdated: try r.optionalInt("lastUpdated")))
        default: self = .other(key, body)
        }
    }
}

/// Typed access to an action's keys with errors that name `action.key` and what was expected.
private struct FieldReader {
    var action: String
    var body: JSONValue

    func fail(_ key: String, _ expected: String) -> DeltaAction.DecodeFailure {
        let got = body[key].map { $0.serialized } ?? "nothing"
        return DeltaAction.DecodeFailure(message: "\(action).\(key): expected \(expected), found \(got.prefix(80))")
    }

    func string(_ key: String) throws(DeltaAction.DecodeFailure) -> String {
        guard let s = body[key]?.stringValue else { throw fail(key, "a string") }
        return s
    }

    func optionalString(_ key: String) throws(DeltaAction.DecodeFailure) -> String? {
        guard let v = body[key], !v.isNull else { return nil }
        guard let s = v.stringValue else { throw fail(key, "a string or null") }
        return s
    }

    func int(_ key: String) throws(DeltaAction.DecodeFailure) -> Int64 {
        guard let i = body[key]?.intValue else { throw fail(key, "an integer") }
        return i
    }

    func int(_ key: String, atLeast minimum: Int64) throws(DeltaAction.DecodeFailure) -> Int64 {
        guard let i = body[key]?.intValue, i >= minimum else { throw fail(key, "an integer ≥ \(minimum)") }
        return i
    }

    func optionalInt(_ key: String) throws(DeltaAction.DecodeFailure) -> Int64? {
        guard let v = body[key], !v.isNull else { return nil }
        guard let i = v.intValue else { throw fail(key, "an integer or null") }
        return i
    }

    func optionalInt(_ key: String, atLeast minimum: Int64) throws(DeltaAction.DecodeFailure) -> Int64? {
        guard let v = body[key], !v.isNull else { return nil }
        guard let i = v.intValue, i >= minimum else { throw fail(key, "an integer ≥ \(minimum) or null") }
        return i
    }

    /// The `deletionVector` descriptor (PROTOCOL.md "Deletion Vector Descriptor Schema"), nil when absent.
    func deletionVector() throws(DeltaAction.DecodeFailure) -> DeletionVectorDescriptor? {
        guard let v = body["deletionVector"], !v.isNull else { return nil }
        guard case .object = v else { throw fail("deletionVector", "an object") }
        let d = FieldReader(action: action + ".deletionVector", body: v)
        let typeText = try d.string("storageType")
        guard let type = DeletionVectorDescriptor.StorageType(rawValue: typeText) else {
            throw d.fail("storageType", "one of u, i, p")
        }
        let offset = try d.optionalInt("offset", atLeast: 0)
        if type == .inline && offset != nil { throw d.fail("offset", "no offset for an inline DV") }
        return DeletionVectorDescriptor(
            storageType: type, pathOrInlineDv: try d.string("pathOrInlineDv"), offset: offset,
            sizeInBytes: try d.int("sizeInBytes", atLeast: 0), cardinality: try d.int("cardinality", atLeast: 0))
    }

    func optionalBool(_ key: String) throws(DeltaAction.DecodeFailure) -> Bool? {
        guard let v = body[key], !v.isNull else { return nil }
        guard let b = v.boolValue else { throw fail(key, "true or false") }
        return b
    }

    func optionalStrings(_ key: String) throws(DeltaAction.DecodeFailure) -> [String]? {
        guard let v = body[key], !v.isNull else { return nil }
        guard case .array(let items) = v else { throw fail(key, "an array of strings") }
        var out: [String] = []
        for item in items {
            guard let s = item.stringValue else { throw fail(key, "an array of strings") }
            out.append(s)
        }
        return out
    }

    func stringMap(_ key: String) throws(DeltaAction.DecodeFailure) -> [String: String] {
        guard let v = body[key], !v.isNull else { return [:] }
        guard case .object(let pairs) = v else { throw fail(key, "an object of strings") }
        var out: [String: String] = [:]
        for (k, item) in pairs {
            guard let s = item.stringValue else { throw fail(key, "an object of strings") }
            out[k] = s
        }
        return out
    }

    func partitionValues(_ key: String) throws(DeltaAction.DecodeFailure) -> [String: String?]? {
        guard let v = body[key], !v.isNull else { return nil }
        guard case .object(let pairs) = v else { throw fail(key, "an object of strings or nulls") }
        var out: [String: String?] = [:]
        for (k, item) in pairs {
            if item.isNull {
                out[k] = .some(nil)
            } else if let s = item.stringValue {
                out[k] = .some(s)
            } else {
                throw fail(key, "an object of strings or nulls")
            }
        }
        return out
    }
}
