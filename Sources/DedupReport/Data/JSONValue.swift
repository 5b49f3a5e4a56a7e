import DeltaStorage

/// A JSON value that keeps object key order and the exact text of numbers, so that labels and
/// re-serialised output are byte-stable (Foundation's JSONSerialization keeps neither).
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number exactly as written (e.g. `0.10` stays `0.10`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The member `key` of an object.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// Follows a dotted path (`git.commit`) through nested objects; a key containing dots is also
    /// tried whole at each level.
    public func lookup(_ path: String) -> JSONValue? {
        if let direct = self[path] { return direct }
        guard let dot = path.firstIndex(of: ".") else { return nil }
        return self[String(path[..<dot])]?.lookup(String(path[path.index(after: dot)...]))
    }

    /// A scalar as display text: strings unquoted, numbers as written, composites as compact JSON.
    public var text: String {
        switch self {
        case let .string(s): return s
        case let .number(n): return n
        case let .bool(b): return b ? "true" : "false"
        case .null: return "null"
        default: return serialized()
        }
    }

    /// The value as a number, when it is one (or a string holding one).
    public var double: Double? {
        switch self {
        case let .number(n): return Double(n)
        case let .string(s): return Double(s)
        default: return nil
        }
    }

    /// Compact JSON text, or indented by two spaces per level when `pretty`.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(into: &out, pretty: pretty, depth: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, depth: Int) {
        let pad = pretty ? "\n" + String(repeating: "  ", count: depth + 1) : ""
        let close = pretty ? "\n" + String(repeating: "  ", count: depth) : ""
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(n): out += n
        case let .string(s): out += JSONValue.quote(s)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                out += (i > 0 ? "," : "") + pad
                item.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            out += close + "]"
        case let .object(members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                out += (i > 0 ? "," : "") + pad + JSONValue.quote(key) + (pretty ? ": " : ":")
                value.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            out += close + "}"
        }
    }

    /// A JSON string literal with the mandatory escapes.
    public static func quote(_ s: String) -> String {
        var out = ""
        DeltaStorage.JSONValue.writeString(s, to: &out)
        return out
    }

    /// A number value printed in Swift's shortest round-trip form (integers without `.0`).
    public static func number(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int64(value))) }
        return .number("\(value)")
    }
}
