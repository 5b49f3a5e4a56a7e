extension JSONValue {
    /// How `write` prints numbers and objects.
    public struct WriteStyle: Sendable {
        /// `JSONNumber.canonical` for doubles (else `JSONNumber.roundTrip`).
        public var canonicalNumbers: Bool
        /// Object members sorted by key (`keyOrder`) instead of in stored order.
        public var sortedKeys: Bool
        /// Two spaces per level and `": "` after keys (else no whitespace at all).
        public var pretty: Bool

        public init(canonicalNumbers: Bool = false, sortedKeys: Bool = false, pretty: Bool = false) {
            self.canonicalNumbers = canonicalNumbers
            self.sortedKeys = sortedKeys
            self.pretty = pretty
        }

        /// Compact, stored order, round-trip numbers: the Delta log and `--json` lines.
        public static let compact = WriteStyle()
        /// Compact, sorted keys, canonical numbers: one text per value, used for identities.
        public static let canonical = WriteStyle(canonicalNumbers: true, sortedKeys: true)
    }

    /// Compact serialization (no spaces), keys in stored order, round-trip numbers.
    public var serialized: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Compact, or indented by two spaces per level when `pretty` (stored key order).
    public func serialized(pretty: Bool) -> String {
        var out = ""
        write(to: &out, style: WriteStyle(pretty: pretty))
        return out
    }

    /// Canonical JSON: object keys sorted by Unicode scalars, no whitespace, numbers in
    /// `JSONNumber.canonical` form. Two values are the same parameter when these texts are equal.
    public var canonicalJSON: String {
        var out = ""
        write(to: &out, style: .canonical)
        return out
    }

    /// Appends the value's JSON text. Non-finite doubles are written as `null`.
    public func write(to out: inout String, style: WriteStyle = .compact) {
        write(to: &out, style: style, depth: 0)
    }

    private func write(to out: inout String, style: WriteStyle, depth: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            guard d.isFinite else {
                out += "null"
                return
            }
            out += style.canonicalNumbers ? JSONNumber.canonical(d) : JSONNumber.roundTrip(d)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (i, v) in items.enumerated() {
                if i > 0 { out += "," }
                if style.pretty { Self.indent(&out, depth + 1) }
                v.write(to: &out, style: style, depth: depth + 1)
            }
            if style.pretty { Self.indent(&out, depth) }
            out += "]"
        case .object(var pairs):
            if pairs.isEmpty {
                out += "{}"
                return
            }
            if style.sortedKeys { pairs.sort { JSONValue.keyOrder($0.0, $1.0) } }
            out += "{"
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out += "," }
                if style.pretty { Self.indent(&out, depth + 1) }
                JSONValue.writeString(k, to: &out)
                out += style.pretty ? ": " : ":"
                v.write(to: &out, style: style, depth: depth + 1)
            }
            if style.pretty { Self.indent(&out, depth) }
            out += "}"
        }
    }

    private static func indent(_ out: inout String, _ depth: Int) {
        out += "\n"
        out += String(repeating: "  ", count: depth)
    }

    /// A JSON string literal with the mandatory escapes.
    public static func quote(_ s: String) -> String {
        var out = ""
        writeString(s, to: &out)
        return out
    }

    /// Appends `s` as a JSON string literal with the mandatory escapes (quote, backslash, control
    /// characters; RFC 8259 §7). The one escaper every module uses, so all JSON we write escapes alike.
    public static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}
