import DedupFormats

/// A column of a Delta schemaString as found in the log, including types dedupbench cannot store
/// (shown by `inspect`, rejected by `DeltaSnapshot`).
public struct DeltaField: Sendable, Equatable {
    public var name: String
    /// The primitive type name (`long`, `decimal(10,2)`, …) or the compact JSON of a nested type.
    public var typeName: String
    public var nullable: Bool
    /// Field metadata as JSON (empty object when none).
    public var metadata: JSONValue

    public init(name: String, typeName: String, nullable: Bool, metadata: JSONValue = .object([])) {
        self.name = name
        self.typeName = typeName
        self.nullable = nullable
        self.metadata = metadata
    }
}

/// Conversions between our `Schema` and Delta's `schemaString`.
public enum DeltaSchema {
    /// The schemaString for `schema` (fixed key order, `metadata:{}` per field).
    public static func schemaString(_ schema: Schema) -> String {
        JSONValue.object([
            ("type", .string("struct")),
            (
                "fields",
                .array(
                    schema.fields.map { f in
                        .object([
                            ("name", .string(f.name)), ("type", .string(f.type.rawValue)),
                            ("nullable", .bool(f.nullable)), ("metadata", .object([])),
                        ])
                    })
            ),
        ]).serialized
    }

    /// Parses a schemaString written by any engine (types are kept as text).
    public static func fields(_ schemaString: String) throws -> [DeltaField] {
        let json: JSONValue
        do {
            json = try JSONParser.parse(schemaString)
        } catch {
            throw DeltaError(
                .corruptLog, "metaData.schemaString is not valid JSON (column \(error.column): \(error.message))")
        }
        guard json["type"]?.stringValue == "struct", case .array(let items)? = json["fields"] else {
            throw DeltaError(.corruptLog, "metaData.schemaString: expected {\"type\":\"struct\",\"fields\":[…]}")
        }
        var out: [DeltaField] = []
        for item in items {
            guard let name = item["name"]?.stringValue, let type = item["type"] else {
                throw DeltaError(
                    .corruptLog, "metaData.schemaString: field without name or type: \(item.serialized.prefix(120))")
            }
            out.append(
                DeltaField(
                    name: name, typeName: type.stringValue ?? type.serialized,
                    nullable: item["nullable"]?.boolValue ?? true,
                    metadata: item["metadata"] ?? .object([])))
        }
        return out
    }

    /// Our `Schema` for `fields`, or an `unsupported` error naming the first column we cannot store.
    public static func schema(_ fields: [DeltaField]) throws -> Schema {
        var out: [Field] = []
        for f in fields {
            guard let t = ColumnType(rawValue: f.typeName) else {
                throw DeltaError(
                    .unsupported,
                    "column '\(f.name)' has Delta type \(f.typeName); dedupbench reads and writes only "
                        + ColumnType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            out.append(Field(f.name, t, nullable: f.nullable))
        }
        return Schema(out)
    }
}
