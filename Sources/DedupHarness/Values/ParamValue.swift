import DeltaStorage

/// A parameter value of an experiment cell (a YAML scalar, list or mapping), with one canonical
/// JSON form used for cell identity, the `params` column and `--set` arguments.
///
/// Two values are the same parameter when their canonical JSON is equal, so `0`, `0.0` and `0e0`
/// name the same cell.
public enum ParamValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([ParamValue])
    case object([String: ParamValue])

    /// Canonical JSON: object keys sorted by Unicode scalars, no whitespace, numbers in their
    /// shortest round-trip form (integral doubles without a fraction).
    public var canonicalJSON: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// The value as a plain text cell: strings unquoted, everything else as canonical JSON.
    public var text: String {
        if case .string(let s) = self { return s }
        return canonicalJSON
    }

    /// The numeric value of an int or double, if this is one.
    public var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += ParamValue.format(d)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (i, key) in fields.keys.sorted(by: ParamValue.keyOrder).enumerated() {
                if i > 0 { out += "," }
                JSONValue.writeString(key, to: &out)
                out += ":"
                fields[key]!.write(to: &out)
            }
            out += "}"
        }
    }

    private func writeString(_ s: String, to out: inout String) { JSONValue.writeString(s, to: &out) }

    /// Orders keys by their Unicode scalars (not by locale), so the order never depends on the host.
    static func keyOrder(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// Shortest text that parses back to the same double; integral values print without ".0".
    public static func format(_ d: Double) -> String {
        if d.isNaN { return "null" }
        if d.isInfinite { return d < 0 ? "-1e999" : "1e999" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return d.description
    }
}

extension ParamValue: CustomStringConvertible {
    public var description: String { canonicalJSON }
}
