/// A JSON value (RFC 8259) with **ordered** object members, so what we write is byte-for-byte
/// deterministic and what we read keeps the writer's order.
///
/// The one JSON type of the package: the Delta log, `pipeline --json` lines, the `params` column,
/// cell identities, manifests and `compare --json` all use it. Integers that fit in `Int64` stay
/// exact (`.int`); every other number is a finite `.double`. Objects keep duplicate keys as written
/// (lookups return the first).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.double(let x), .double(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .int(let i): hasher.combine(i)
        case .double(let d): hasher.combine(d)
        case .string(let s): hasher.combine(s)
        case .array(let items): hasher.combine(items)
        case .object(let pairs):
            hasher.combine(pairs.count)
            for (k, v) in pairs {
                hasher.combine(k)
                hasher.combine(v)
            }
        }
    }

    /// An object from a dictionary, members sorted by key (Unicode scalar order), so the result
    /// never depends on dictionary iteration order.
    public static func sortedObject(_ members: [String: JSONValue]) -> JSONValue {
        .object(members.keys.sorted(by: keyOrder).map { ($0, members[$0]!) })
    }

    /// A number: `.int` when `value` is integral and below 1e15 in magnitude, else `.double`;
    /// `.null` for NaN and infinities (JSON has no spelling for them).
    public static func number(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        if value == value.rounded(), abs(value) < 1e15 { return .int(Int64(value)) }
        return .double(value)
    }

    /// Orders keys by their Unicode scalars (not by locale), so the order never depends on the host.
    public static func keyOrder(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// The value under `key` of an object (first match), or nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// Follows a dotted path (`git.commit`) through nested objects; a key containing dots is also
    /// tried whole at each level.
    public func lookup(_ path: String) -> JSONValue? {
        if let direct = self[path] { return direct }
        guard let dot = path.firstIndex(of: ".") else { return nil }
        return self[String(path[..<dot])]?.lookup(String(path[path.index(after: dot)...]))
    }

    /// The members of an object as a dictionary (first occurrence of a key wins), or nil.
    public var objectMembers: [String: JSONValue]? {
        guard case .object(let pairs) = self else { return nil }
        var out: [String: JSONValue] = [:]
        for (k, v) in pairs where out[k] == nil { out[k] = v }
        return out
    }

    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// An exact integer: `.int`, or an integral `.double` within ±9e18.
    public var intValue: Int64? {
        switch self {
        case .int(let i): i
        case .double(let d) where d == d.rounded() && abs(d) < 9e18: Int64(d)
        default: nil
        }
    }

    /// The numeric value of an int or double.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    /// A number, or a string holding a decimal number (manifests written by other tools).
    public var numberValue: Double? {
        if let d = doubleValue { return d }
        if case .string(let s) = self { return Double(s) }
        return nil
    }

    /// The value as plain text: strings unquoted, everything else as canonical JSON
    /// (numbers in `JSONNumber.canonical` form).
    public var text: String {
        if case .string(let s) = self { return s }
        return canonicalJSON
    }
}

extension JSONValue: CustomStringConvertible {
    public var description: String { canonicalJSON }
}
