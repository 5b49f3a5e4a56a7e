import DedupFormats
import DeltaStorage

/// A strategy's options from `strategies.<name>` in the config (already checked by the config
/// loader against `StrategyOptionCatalog`), with typed accessors and the strategy-level checks
/// the loader cannot do (columns that must exist in the table).
public struct StrategyOptions: Sendable {
    public let strategy: String
    public let values: [String: JSONValue]

    public init(strategy: String, values: [String: JSONValue]) {
        self.strategy = strategy
        self.values = values
    }

    public func string(_ key: String) -> String? { values[key]?.stringValue }
    public func int(_ key: String) -> Int? { values[key]?.intValue.map { Int($0) } }

    /// A column list option (a single name is a list of one).
    public func columns(_ key: String, default def: [String], in schema: Schema) throws -> [String] {
        let cols = values[key]?.strings ?? def
        for c in cols where schema.index(of: c) == nil {
            throw StrategyError(
                "strategies.\(strategy).\(key): no column '\(c)' in this run's records (columns: \(schema.names.joined(separator: ", ")))"
            )
        }
        return cols
    }
}

extension JSONValue {
    /// A string, or a list of strings (the seed writes `partition_by: ["partition_date"]`).
    public var strings: [String]? {
        switch self {
        case .string(let s): [s]
        case .array(let l): l.allSatisfy { $0.stringValue != nil } ? l.compactMap(\.stringValue) : nil
        default: nil
        }
    }
}

/// A strategy could not be set up or run (bad option for this input, internal inconsistency).
public struct StrategyError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
