/// A field of a nested schema (structs, lists and maps of the primitive types), as Delta
/// describes checkpoint columns (PROTOCOL.md, "Checkpoint Schema"; "Schema Serialization Format").
/// Used for files whose columns are not flat: `NestedParquetWriter` and `NestedParquetReader`.
public struct NestedField: Sendable, Equatable {
    public var name: String
    public var type: NestedType
    /// OPTIONAL in Parquet when true, REQUIRED otherwise.
    public var nullable: Bool

    public init(_ name: String, _ type: NestedType, nullable: Bool = true) {
        self.name = name
        self.type = type
        self.nullable = nullable
    }
}

/// The type of a nested field.
public indirect enum NestedType: Sendable, Equatable {
    case primitive(ColumnType)
    case structure([NestedField])
    /// Three-level Parquet LIST: `<group> (LIST) { repeated group list { <element> } }`.
    case list(element: NestedType, containsNull: Bool)
    /// Parquet MAP: `<group> (MAP) { repeated group key_value { required key; <value> } }`.
    case map(key: NestedType, value: NestedType, valueContainsNull: Bool)

    public static let string = NestedType.primitive(.string)
    public static let long = NestedType.primitive(.long)
    public static let integer = NestedType.primitive(.integer)
    public static let boolean = NestedType.primitive(.boolean)
    /// `map<string,string>` with nullable values, the shape of Delta's partitionValues and tags.
    public static let stringMap = NestedType.map(key: .string, value: .string, valueContainsNull: true)

    /// Short text for error messages, e.g. `map<string,string>`.
    public var description: String {
        switch self {
        case .primitive(let t): t.rawValue
        case .structure(let fields):
            "struct<" + fields.map { "\($0.name):\($0.type.description)" }.joined(separator: ",") + ">"
        case .list(let e, _): "array<\(e.description)>"
        case .map(let k, let v, _): "map<\(k.description),\(v.description)>"
        }
    }
}

/// One value of a nested field. Integers of every width (integer, long, date, timestamp) are `.int`;
/// a struct holds one value per field in schema order; a map holds its entries in file order.
public indirect enum NestedValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case binary([UInt8])
    case structure([NestedValue])
    case list([NestedValue])
    case map([MapEntry])

    /// One key/value pair of a map.
    public struct MapEntry: Sendable, Equatable {
        public var key: NestedValue
        public var value: NestedValue

        public init(_ key: NestedValue, _ value: NestedValue) {
            self.key = key
            self.value = value
        }
    }

    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The `i`th field of a struct value (nil for null or other kinds).
    public subscript(i: Int) -> NestedValue? {
        if case .structure(let v) = self, i < v.count { v[i] } else { nil }
    }
}
