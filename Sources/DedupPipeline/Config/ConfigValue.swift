/// A validated YAML value (after `${ENV}` interpolation and overrides), for options whose meaning
/// belongs to another module (strategy options).
public indirect enum ConfigValue: Sendable, Equatable, CustomStringConvertible {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([ConfigValue])
    case map([String: ConfigValue])

    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var int: Int? { if case .int(let i) = self { i } else { nil } }
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var list: [ConfigValue]? { if case .list(let l) = self { l } else { nil } }

    /// Numbers of either kind as Double.
    public var double: Double? {
        switch self {
        case .double(let d): d
        case .int(let i): Double(i)
        default: nil
        }
    }

    /// A string, or a list of strings (the seed writes `partition_by: ["partition_date"]`).
    public var strings: [String]? {
        switch self {
        case .string(let s): [s]
        case .list(let l): l.allSatisfy { $0.string != nil } ? l.compactMap(\.string) : nil
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .string(let s): s
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .bool(let b): String(b)
        case .list(let l): "[" + l.map(\.description).joined(separator: ", ") + "]"
        case .map(let m): "{" + m.keys.sorted().map { "\($0): \(m[$0]!)" }.joined(separator: ", ") + "}"
        }
    }
}
