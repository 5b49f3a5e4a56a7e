import Foundation

/// Typed, located reads from a `ConfigNode`: each failure is one `ConfigError` that names the key
/// path, the value given and what was expected.
struct ConfigReader {
    let node: ConfigNode
    let path: String

    init(_ node: ConfigNode, path: String) {
        self.node = node
        self.path = path
    }

    func fail(_ expected: String, value: String? = nil, at origin: ConfigOrigin? = nil) -> ConfigError {
        let o = origin ?? node.origin
        return ConfigError(
            file: o.file, line: o.line, column: o.column, keyPath: path, value: value ?? display, expected: expected)
    }

    /// The value as the user wrote it, for messages.
    var display: String {
        switch node.kind {
        case .scalar(let s, _): s
        case .sequence(let items): "[" + items.map { ConfigReader($0, path: "").display }.joined(separator: ", ") + "]"
        case .mapping: "a mapping"
        }
    }

    // MARK: mappings

    /// Checks the keys against `allowed` (unknown key → error at that key) and returns a reader per key.
    func mapping(allowed: [String], hints: [String: String] = [:]) throws -> [String: ConfigReader] {
        guard let entries = node.entries else {
            if case .scalar(let s, false) = node.kind, Scalar.isNull(s) { return [:] }  // `key:` with nothing under it
            throw fail("a mapping with keys \(ConfigReader.list(allowed))")
        }
        var out: [String: ConfigReader] = [:]
        for e in entries {
            let childPath = path.isEmpty ? e.key : "\(path).\(e.key)"
            guard allowed.contains(e.key) else {
                let hint = hints[e.key].map { " (\($0))" } ?? ""
                throw ConfigError(
                    file: e.keyOrigin.file, line: e.keyOrigin.line, column: e.keyOrigin.column, keyPath: childPath,
                    value: nil,
                    expected: "a known key: '\(e.key)' is not one of \(ConfigReader.list(allowed))\(hint)")
            }
            out[e.key] = ConfigReader(e.value, path: childPath)
        }
        return out
    }

    static func list(_ names: [String]) -> String { names.joined(separator: ", ") }

    // MARK: scalars

    var scalar: (text: String, quoted: Bool)? {
        if case .scalar(let s, let q) = node.kind { (s, q) } else { nil }
    }

    var isNull: Bool { if let s = scalar, !s.quoted { Scalar.isNull(s.text) } else { false } }

    func string() throws -> String {
        guard let s = scalar, !isNull else { throw fail("a string") }
        return s.text
    }

    func bool() throws -> Bool {
        guard let s = scalar, !s.quoted, let b = Scalar.bool(s.text) else { throw fail("true or false") }
        return b
    }

    func int(in range: ClosedRange<Int>) throws -> Int {
        guard let s = scalar, !s.quoted, let i = Scalar.int(s.text) else {
            throw fail("an integer in [\(range.lowerBound), \(range.upperBound)]")
        }
        guard range.contains(i) else { throw fail("an integer in [\(range.lowerBound), \(range.upperBound)]") }
        return i
    }

    func uint64() throws -> UInt64 {
        guard let s = scalar, !s.quoted, let v = UInt64(s.text.replacingOccurrences(of: "_", with: "")) else {
            throw fail("a non-negative integer (at most \(UInt64.max))")
        }
        return v
    }

    func double(in range: ClosedRange<Double>, what: String = "a number") throws -> Double {
        guard let s = scalar, !s.quoted, let d = Scalar.double(s.text), d.isFinite, range.contains(d) else {
            throw fail("\(what) in [\(Scalar.format(range.lowerBound)), \(Scalar.format(range.upperBound))]")
        }
        return d
    }

    /// One of `allowed` (a String-backed enum's raw values).
    func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type, aliases: [String: E] = [:]) throws -> E
    where E.RawValue == String {
        let names = E.allCases.map(\.rawValue) + aliases.keys.sorted()
        guard let s = scalar, let e = E(rawValue: s.text) ?? aliases[s.text] else {
            throw fail("one of \(ConfigReader.list(names))")
        }
        return e
    }

    /// `[lo, hi]` as a two-element list, or a plain number (lo = hi).
    func range(in bounds: ClosedRange<Double>, what: String) throws -> (Double, Double) {
        let expected =
            "\(what) in [\(Scalar.format(bounds.lowerBound)), \(Scalar.format(bounds.upperBound))], or a [lo, hi] range of them"
        if case .sequence(let items) = node.kind {
            guard items.count == 2 else { throw fail(expected) }
            let lo = try ConfigReader(items[0], path: path + "[0]").double(in: bounds, what: what)
            let hi = try ConfigReader(items[1], path: path + "[1]").double(in: bounds, what: what)
            guard lo <= hi else { throw fail("a range [lo, hi] with lo <= hi") }
            return (lo, hi)
        }
        guard let s = scalar, !s.quoted, let d = Scalar.double(s.text), d.isFinite, bounds.contains(d) else {
            throw fail(expected)
        }
        return (d, d)
    }

    /// A list of strings (a single string counts as a one-element list).
    func strings() throws -> [String] {
        if case .sequence(let items) = node.kind {
            return try items.enumerated().map { try ConfigReader($1, path: "\(path)[\($0)]").string() }
        }
        return [try string()]
    }

    /// Byte sizes: an integer, or a string like `128MiB`, `64MB`, `512KiB`.
    func byteSize(in range: ClosedRange<Int>) throws -> Int {
        let expected = "a size in bytes in [\(range.lowerBound), \(range.upperBound)] (an integer or e.g. 128MiB)"
        guard let s = scalar else { throw fail(expected) }
        if !s.quoted, let i = Scalar.int(s.text) {
            guard range.contains(i) else { throw fail(expected) }
            return i
        }
        let units: [(String, Int)] = [
            ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("KB", 1000), ("MB", 1_000_000),
            ("GB", 1_000_000_000), ("B", 1),
        ]
        let t = s.text.trimmingCharacters(in: .whitespaces)
        for (u, m) in units where t.hasSuffix(u) {
            let num = t.dropLast(u.count).trimmingCharacters(in: .whitespaces)
            if let d = Double(num), d >= 0, (d * Double(m)).rounded() <= Double(range.upperBound) {
                let v = Int((d * Double(m)).rounded())
                if range.contains(v) { return v }
            }
            break
        }
        throw fail(expected)
    }

    /// Any value as a `ConfigValue` (strategy options whose meaning another module defines).
    func value() throws -> ConfigValue {
        switch node.kind {
        case .scalar(let s, let quoted):
            if quoted { return .string(s) }
            if let b = Scalar.bool(s) { return .bool(b) }
            if let i = Scalar.int(s) { return .int(i) }
            if let d = Scalar.double(s) { return .double(d) }
            if Scalar.isNull(s) { throw fail("a value (not null)") }
            return .string(s)
        case .sequence(let items):
            return .list(try items.enumerated().map { try ConfigReader($1, path: "\(path)[\($0)]").value() })
        case .mapping(let entries):
            var m: [String: ConfigValue] = [:]
            for e in entries { m[e.key] = try ConfigReader(e.value, path: "\(path).\(e.key)").value() }
            return .map(m)
        }
    }
}

/// YAML 1.2 core-schema resolution of plain scalars (plus `_` digit separators, as PyYAML allows).
enum Scalar {
    static func isNull(_ s: String) -> Bool { s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL" }

    static func bool(_ s: String) -> Bool? {
        switch s {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    static func int(_ s: String) -> Int? {
        let t = s.replacingOccurrences(of: "_", with: "")
        guard !t.isEmpty, !t.hasPrefix("_") else { return nil }
        return Int(t.hasPrefix("+") ? String(t.dropFirst()) : t)
    }

    static func double(_ s: String) -> Double? {
        let t = s.replacingOccurrences(of: "_", with: "")
        guard let f = t.first, f == "-" || f == "+" || f == "." || f.isNumber else { return nil }
        guard t.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }) else { return nil }
        return Double(t)
    }

    static func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}
