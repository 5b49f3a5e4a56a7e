import DedupFormats

/// Conversion between checkpoint rows and actions. Reading goes through the actions' JSON form and
/// `DeltaAction(json:)`, so an action read from a checkpoint is decoded and validated exactly like
/// the same action read from a commit file.
enum CheckpointRows {
    /// One checkpoint row as actions (usually one; a row may in principle carry several).
    /// Throws a `.corruptLog` error naming the file and row, or `.unsupported` for V2 sidecars.
    static func actions(_ row: NestedValue, schema: [NestedField], file: String, row index: Int) throws(DeltaError)
        -> [DeltaAction]
    {
        guard case .structure(let columns) = row else { return [] }
        var out: [DeltaAction] = []
        for (field, value) in zip(schema, columns) where !value.isNull {
            switch field.name {
            case "sidecar":
                throw DeltaError(
                    .unsupported,
                    "\(file): row \(index) references a V2 checkpoint sidecar file (_delta_log/_sidecars), which dedupbench cannot read"
                )
            case "checkpointMetadata": continue  // V2 spec marker; the actions themselves are all in this file
            default: break
            }
            var body = Self.json(value, field.type)
            if field.name == "add" { body = Self.statsFromParsed(body) }
            let json = JSONValue.object([(field.name, body)])
            do {
                out.append(try DeltaAction(json: json))
            } catch {
                throw DeltaError(.corruptLog, "\(file): row \(index): \(error.message)")
            }
        }
        return out
    }

    /// An add without JSON `stats` but with `stats_parsed.numRecords` (a checkpoint written with
    /// `delta.checkpoint.writeStatsAsJson=false`) gets `stats` = `{"numRecords":N}`: the row count
    /// is kept; min/max are left out, which readers treat as unknown (never as a bound).
    private static func statsFromParsed(_ add: JSONValue) -> JSONValue {
        guard case .object(var pairs) = add, let i = pairs.firstIndex(where: { $0.0 == "stats_parsed" }) else {
            return add
        }
        let parsed = pairs.remove(at: i).1
        if add["stats"] == nil, let n = parsed["numRecords"]?.intValue {
            pairs.append(("stats", .string(JSONValue.object([("numRecords", .int(n))]).serialized)))
        }
        return .object(pairs)
    }

    /// The JSON form of a value: structs become objects without their null fields (absent and
    /// null mean the same in actions), maps objects (null values kept), lists arrays.
    static func json(_ value: NestedValue, _ type: NestedType) -> JSONValue {
        switch (value, type) {
        case (.null, _): return .null
        case (.bool(let b), _): return .bool(b)
        case (.int(let i), _): return .int(i)
        case (.double(let d), _): return .double(d)
        case (.string(let s), _): return .string(s)
        case (.binary(let b), _): return .string(String(decoding: b, as: UTF8.self))
        case (.structure(let values), .structure(let fields)):
            return .object(
                zip(fields, values).compactMap { f, v in v.isNull ? nil : (f.name, json(v, f.type)) })
        case (.list(let items), .list(let element, _)): return .array(items.map { json($0, element) })
        case (.map(let entries), .map(_, let valueType, _)):
            return .object(
                entries.map { e in
                    let key: String
                    switch e.key {
                    case .string(let s): key = s
                    default: key = json(e.key, .string).serialized
                    }
                    return (key, json(e.value, valueType))
                })
        default: return .null
        }
    }

    // MARK: - writing

    /// The row for `action` in `CheckpointSchema.written` (txn, add, remove, metaData, protocol).
    static func row(_ action: DeltaAction) -> NestedValue? {
        var columns = [NestedValue](repeating: .null, count: 5)
        switch action {
        case .txn(let t):
            columns[0] = .structure([.string(t.appId), .int(t.version), t.lastUpdated.map(NestedValue.int) ?? .null])
        case .add(let a):
            columns[1] = .structure([
                .string(a.path), partitionMap(a.partitionValues), .int(a.size), .int(a.modificationTime),
                .bool(a.dataChange), a.stats.map(NestedValue.string) ?? .null, .null,
            ])
        case .remove(let r):
            let extended = r.partitionValues != nil && r.size != nil
            columns[2] = .structure([
                .string(r.path), r.deletionTimestamp.map(NestedValue.int) ?? .null, .bool(r.dataChange),
                extended ? .bool(true) : .null, r.partitionValues.map(partitionMap) ?? .null,
                r.size.map(NestedValue.int) ?? .null,
            ])
        case .metaData(let m):
            columns[3] = .structure([
                .string(m.id), m.name.map(NestedValue.string) ?? .null, m.description.map(NestedValue.string) ?? .null,
                .structure([.string(m.provider), .map([])]), .string(m.schemaString),
                .list(m.partitionColumns.map(NestedValue.string)),
                .map(m.configuration.sorted { $0.key < $1.key }.map { .init(.string($0.key), .string($0.value)) }),
                m.createdTime.map(NestedValue.int) ?? .null,
            ])
        case .protocolVersions(let p):
            columns[4] = .structure([
                .int(Int64(p.minReaderVersion)), .int(Int64(p.minWriterVersion)),
                p.readerFeatures.map { .list($0.map(NestedValue.string)) } ?? .null,
                p.writerFeatures.map { .list($0.map(NestedValue.string)) } ?? .null,
            ])
        case .commitInfo, .other: return nil
        }
        return .structure(columns)
    }

    /// Partition values with keys sorted (reproducible bytes); a null value stays null.
    private static func partitionMap(_ values: [String: String?]) -> NestedValue {
        .map(
            values.sorted { $0.key < $1.key }.map { .init(.string($0.key), $0.value.map(NestedValue.string) ?? .null) })
    }
}
