import DedupFormats

/// How plain scalars resolve: the YAML 1.2 core schema, plus `_` digit separators (`1_000_000`, as
/// PyYAML reads the seed's configs). Quoted and block scalars are always strings.
///
/// - null: empty, `~`, `null`, `Null`, `NULL`
/// - bool: `true`/`True`/`TRUE`, `false`/`False`/`FALSE` only (`yes`, `no`, `on` stay text)
/// - int: optional sign, decimal digits, or `0x`/`0o` digits; `_` allowed between digits
/// - float: a finite decimal number (`1.5`, `.5`, `1e-3`); `.inf` and `nan` stay text
public enum YAMLScalar {
    public static func isNull(_ s: String) -> Bool {
        s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL"
    }

    public static func bool(_ s: String) -> Bool? {
        switch s {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// The text without `_` digit separators, or nil when an underscore is misplaced (first, last,
    /// doubled or next to a non-digit).
    public static func withoutSeparators(_ s: String) -> String? {
        guard s.contains("_") else { return s }
        let u = Array(s.utf8)
        for (i, c) in u.enumerated() where c == UInt8(ascii: "_") {
            guard i > 0, i + 1 < u.count, isDigit(u[i - 1]) || isHex(u[i - 1]), isDigit(u[i + 1]) || isHex(u[i + 1])
            else { return nil }
        }
        return s.replacingUnderscores()
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    private static func isHex(_ c: UInt8) -> Bool { (c >= 97 && c <= 102) || (c >= 65 && c <= 70) }

    public static func int(_ s: String) -> Int64? {
        guard let t = withoutSeparators(s), let first = t.utf8.first else { return nil }
        guard isDigit(first) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") else { return nil }
        var body = Substring(t)
        var negative = false
        if body.hasPrefix("+") || body.hasPrefix("-") {
            negative = body.hasPrefix("-")
            body = body.dropFirst()
        }
        guard let f = body.utf8.first, isDigit(f) else { return nil }
        if body.hasPrefix("0x") || body.hasPrefix("0o") {
            guard let v = UInt64(body.dropFirst(2), radix: body.hasPrefix("0x") ? 16 : 8) else { return nil }
            return negative ? (v <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- v) : nil) : Int64(exactly: v)
        }
        guard body.utf8.allSatisfy(isDigit) else { return nil }
        return Int64((negative ? "-" : "") + body)
    }

    public static func double(_ s: String) -> Double? {
        guard let t = withoutSeparators(s), let first = t.utf8.first else { return nil }
        guard isDigit(first) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
        else { return nil }
        guard t.utf8.allSatisfy({ isDigit($0) || "+-.eE".utf8.contains($0) }), t.utf8.contains(where: isDigit) else {
            return nil
        }
        guard let d = Double(t.hasPrefix("+") ? String(t.dropFirst()) : t), d.isFinite else { return nil }
        return d
    }

    /// A scalar as a JSON value by the rules above.
    public static func resolve(_ text: String, quoted: Bool) -> JSONValue {
        if quoted { return .string(text) }
        if isNull(text) { return .null }
        if let b = bool(text) { return .bool(b) }
        if let i = int(text) { return .int(i) }
        if let d = double(text) { return .double(d) }
        return .string(text)
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(unicodeScalars.filter { $0 != "_" }) }
}
