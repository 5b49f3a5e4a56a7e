import DedupFormats

/// Typed, located reads from a `YAMLNode`: each failure is one `InputError` that names the file,
/// line, column, key path, the value given and what was expected. Pipeline configs, experiment
/// specs and price tables all read their YAML through this type.
public struct YAMLReader {
    public let node: YAMLNode
    /// The dotted key path of `node` (`generation.chaos.dup_prob`, `matrix.scale[2]`).
    public let path: String

    public init(_ node: YAMLNode, path: String) {
        self.node = node
        self.path = path
    }

    /// The error for this node; `value` defaults to the node as written.
    public func fail(_ expected: String, value: String? = nil, at origin: YAMLNode.Origin? = nil) -> InputError {
        let o = origin ?? node.origin
        return InputError(
            file: o.file ?? "<config>", line: o.line ?? 0, column: o.column ?? 0, key: path, value: value ?? display,
            expected: expected)
    }

    /// A reader for a child node.
    public func child(_ node: YAMLNode, _ suffix: String) -> YAMLReader {
        YAMLReader(node, path: suffix.hasPrefix("[") || path.isEmpty ? path + suffix : "\(path).\(suffix)")
    }

    /// The value as the user wrote it, for messages.
    public var display: String {
        switch node.kind {
        case .scalar(let s, _): s
        case .sequence(let items): "[" + items.map { YAMLReader($0, path: "").display }.joined(separator: ", ") + "]"
        case .mapping: "a mapping"
        }
    }

    // MARK: mappings

    /// Checks the keys against `allowed` (unknown key → error at that key) and returns a reader per key.
    public func mapping(allowed: [String], hints: [String: String] = [:]) throws(InputError) -> [String: YAMLReader] {
        guard let entries = node.entries else {
            if node.isNull { return [:] }  // `key:` with nothing under it
            throw fail("a mapping with keys \(YAMLReader.list(allowed))")
        }
        var out: [String: YAMLReader] = [:]
        for e in entries {
            let childPath = path.isEmpty ? e.key : "\(path).\(e.key)"
            guard allowed.contains(e.key) else {
                let hint = hints[e.key].map { " (\($0))" } ?? Suggestion.hint(for: e.key, in: allowed)
                throw InputError(
                    file: e.keyOrigin.file ?? "<config>", line: e.keyOrigin.line ?? 0, column: e.keyOrigin.column ?? 0,
                    key: childPath, value: nil,
                    expected: "unknown key; expected one of \(YAMLReader.list(allowed))\(hint)")
            }
            out[e.key] = YAMLReader(e.value, path: childPath)
        }
        return out
    }

    /// The pairs of a mapping in document order.
    public func entries() throws(InputError) -> [YAMLNode.Entry] {
        guard let entries = node.entries else { throw fail("a mapping") }
        return entries
    }

    /// The items of a list.
    public func items() throws(InputError) -> [YAMLReader] {
        guard let items = node.items else { throw fail("a list") }
        return items.enumerated().map { YAMLReader($1, path: "\(path)[\($0)]") }
    }

    public static func list(_ names: [String]) -> String { names.joined(separator: ", ") }

    // MARK: scalars

    public var scalar: (text: String, quoted: Bool)? { node.scalar }

    public var isNull: Bool { node.isNull }

    public func string() throws(InputError) -> String {
        guard let s = scalar, !isNull else { throw fail("a string") }
        return s.text
    }

    public func bool() throws(InputError) -> Bool {
        guard let s = scalar, !s.quoted, let b = YAMLScalar.bool(s.text) else { throw fail("true or false") }
        return b
    }

    public func int(in range: ClosedRange<Int>) throws(InputError) -> Int {
        guard let s = scalar, !s.quoted, let i = YAMLScalar.int(s.text).flatMap({ Int(exactly: $0) }) else {
            throw fail("an integer in [\(range.lowerBound), \(range.upperBound)]")
        }
        guard range.contains(i) else { throw fail("an integer in [\(range.lowerBound), \(range.upperBound)]") }
        return i
    }

    public func uint64() throws(InputError) -> UInt64 {
        guard let s = scalar, !s.quoted, let t = YAMLScalar.withoutSeparators(s.text),
            let v = UInt64(t.hasPrefix("+") ? String(t.dropFirst()) : t)
        else {
            throw fail("a non-negative integer (at most \(UInt64.max))")
        }
        return v
    }

    public func double(in range: ClosedRange<Double>, what: String = "a number") throws(InputError) -> Double {
        guard let s = scalar, !s.quoted, let d = YAMLScalar.double(s.text), d.isFinite, range.contains(d) else {
            throw fail(
                "\(what) in [\(JSONNumber.canonical(range.lowerBound)), \(JSONNumber.canonical(range.upperBound))]")
        }
        return d
    }

    /// One of `allowed` (a String-backed enum's raw values).
    public func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type, aliases: [String: E] = [:])
        throws(InputError) -> E
    where E.RawValue == String {
        let names = E.allCases.map(\.rawValue) + aliases.keys.sorted()
        guard let s = scalar, let e = E(rawValue: s.text) ?? aliases[s.text] else {
            throw fail("one of \(YAMLReader.list(names))")
        }
        return e
    }

    /// `[lo, hi]` as a two-element list, or a plain number (lo = hi).
    public func range(in bounds: ClosedRange<Double>, what: String) throws(InputError) -> (Double, Double) {
        let expected =
            "\(what) in [\(JSONNumber.canonical(bounds.lowerBound)), \(JSONNumber.canonical(bounds.upperBound))], or a [lo, hi] range of them"
        if case .sequence(let items) = node.kind {
            guard items.count == 2 else { throw fail(expected) }
            let lo = try YAMLReader(items[0], path: path + "[0]").double(in: bounds, what: what)
            let hi = try YAMLReader(items[1], path: path + "[1]").double(in: bounds, what: what)
            guard lo <= hi else { throw fail("a range [lo, hi] with lo <= hi") }
            return (lo, hi)
        }
        guard let s = scalar, !s.quoted, let d = YAMLScalar.double(s.text), d.isFinite, bounds.contains(d) else {
            throw fail(expected)
        }
        return (d, d)
    }

    /// A list of strings (a single string counts as a one-element list).
    public func strings() throws(InputError) -> [String] {
        if case .sequence(let items) = node.kind {
            var out: [String] = []
            for (i, item) in items.enumerated() { out.append(try YAMLReader(item, path: "\(path)[\(i)]").string()) }
            return out
        }
        return [try string()]
    }

    /// Byte sizes: an integer, or a string like `128MiB`, `64MB`, `512KiB`.
    public func byteSize(in range: ClosedRange<Int>) throws(InputError) -> Int {
        let expected = "a size in bytes in [\(range.lowerBound), \(range.upperBound)] (an integer or e.g. 128MiB)"
        guard let s = scalar else { throw fail(expected) }
        if !s.quoted, let i = YAMLScalar.int(s.text).flatMap({ Int(exactly: $0) }) {
            guard range.contains(i) else { throw fail(expected) }
            return i
        }
        let units: [(String, Int)] = [
            ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("KB", 1000), ("MB", 1_000_000),
            ("GB", 1_000_000_000), ("B", 1),
        ]
        let t = s.text.trimmedSpaces
        for (u, m) in units where t.hasSuffix(u) {
            let num = String(t.dropLast(u.count)).trimmedSpaces
            if let d = Double(num), d >= 0, (d * Double(m)).rounded() <= Double(range.upperBound) {
                let v = Int((d * Double(m)).rounded())
                if range.contains(v) { return v }
            }
            break
        }
        throw fail(expected)
    }

    /// Any value, resolved by `YAMLScalar` (mappings keep their order); a null anywhere is an error.
    public func value() throws(InputError) -> JSONValue {
        switch node.kind {
        case .scalar(let s, let quoted):
            let v = YAMLScalar.resolve(s, quoted: quoted)
            if v.isNull { throw fail("a value (not null)") }
            return v
        case .sequence(let items):
            var out: [JSONValue] = []
            for (i, item) in items.enumerated() { out.append(try YAMLReader(item, path: "\(path)[\(i)]").value()) }
            return .array(out)
        case .mapping(let entries):
            var out: [(String, JSONValue)] = []
            for e in entries { out.append((e.key, try YAMLReader(e.value, path: "\(path).\(e.key)").value())) }
            return .object(out)
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmedSpaces: String {
        var u = Substring(self)
        while u.first == " " || u.first == "\t" { u = u.dropFirst() }
        while u.last == " " || u.last == "\t" { u = u.dropLast() }
        return String(u)
    }
}
