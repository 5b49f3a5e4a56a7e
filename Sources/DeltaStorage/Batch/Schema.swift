/// The Delta primitive types dedupbench writes (flat schemas only).
public enum ColumnType: String, Sendable, CaseIterable, Codable {
    case string, long, integer, double, boolean, binary, timestamp, date
}

/// One column of a flat table schema. `nullable` maps to Parquet OPTIONAL, otherwise REQUIRED.
public struct Field: Sendable, Hashable, Codable {
    public var name: String
    public var type: ColumnType
    public var nullable: Bool

    public init(_ name: String, _ type: ColumnType, nullable: Bool = true) {
        self.name = name
        self.type = type
        self.nullable = nullable
    }
}

/// An ordered list of fields; names are unique case-insensitively (a Delta rule).
public struct Schema: Sendable, Hashable, Codable {
    public var fields: [Field]

    public init(_ fields: [Field]) { self.fields = fields }

    public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }
    public var names: [String] { fields.map(\.name) }
}
