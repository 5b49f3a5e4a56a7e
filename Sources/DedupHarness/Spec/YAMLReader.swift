import Foundation
import Yams

/// Typed access to a composed YAML tree that turns every mismatch into a located `SpecError`.
/// Scalars resolve as YAML 1.2 core (only true/false are booleans: `no` and `on` stay strings).
struct YAMLReader {
    let file: String

    /// Reads and composes `path`; a missing file, an empty document or bad syntax is a `SpecError`.
    static func load(path: String, displayName: String? = nil) throws(SpecError) -> (YAMLReader, Node, text: String) {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpecError(
                file: name, line: 0, column: 0, key: "", value: nil,
                expected: "file not found or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpecError(file: name, line: 0, column: 0, key: "", value: nil, expected: "file is not UTF-8 text")
        }
        let reader = YAMLReader(file: name)
        return (reader, try reader.compose(text), text)
    }

    func compose(_ text: String) throws(SpecError) -> Node {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw SpecError(file: file, line: 0, column: 0, key: "", value: nil, expected: "valid YAML (\(error))")
        }
        guard let node else {
            throw SpecError(file: file, line: 1, column: 1, key: "", value: nil, expected: "the document is empty")
        }
        if let at = YAMLNodeBudget.excess(node) {
            throw SpecError(
                file: file, line: at.line, column: at.column, key: "", value: nil, expected: YAMLNodeBudget.expected)
        }
        return node
    }

    private func syntaxError(_ error: YamlError) -> SpecError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return SpecError(
                file: file, line: mark.line, column: mark.column, key: "", value: nil,
                expected: "YAML syntax error: \(problem) (the cause may be on an earlier line)")
        case .duplicatedKeysInMapping(let keys, let context):
            return SpecError(
                file: file, line: context.mark.line, column: context.mark.column,
                key: keys.joined(separator: ", "), value: nil,
                expected: "each key only once in a mapping (duplicated key)")
        default:
            return SpecError(file: file, line: 0, column: 0, key: "", value: nil, expected: "valid YAML (\(error))")
        }
    }

    // MARK: errors

    func error(_ node: Node?, _ key: String, value: String?, expected: String) -> SpecError {
        SpecError(
            file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0,
            key: key, value: value, expected: expected)
    }

    func mismatch(_ node: Node, _ key: String, expected: String) -> SpecError {
        error(node, key, value: Self.shown(node), expected: expected)
    }

    /// How a node was written, for messages: the scalar text, or a short form of a collection.
    static func shown(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    // MARK: typed access

    /// The pairs of a mapping in document order, keys as strings.
    func mapping(_ node: Node, _ key: String) throws(SpecError) -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let m) = node else { throw mismatch(node, key, expected: "a mapping") }
        var out: [(String, Node, Node)] = []
        for (k, v) in m {
            guard case .scalar(let s) = k else {
                throw mismatch(k, key, expected: "plain text keys")
            }
            out.append((s.string, k, v))
        }
        return out.map { (key: $0.0, keyNode: $0.1, value: $0.2) }
    }

    func sequence(_ node: Node, _ key: String) throws(SpecError) -> [Node] {
        guard case .sequence(let s) = node else { throw mismatch(node, key, expected: "a list") }
        return Array(s)
    }

    /// Rejects keys outside `allowed`, suggesting the closest allowed key.
    func checkKeys(_ pairs: [(key: String, keyNode: Node, value: Node)], allowed: [String], prefix: String)
        throws(SpecError)
    {
        for pair in pairs where !allowed.contains(pair.key) {
            let full = prefix.isEmpty ? pair.key : "\(prefix).\(pair.key)"
            var expected = "one of: \(allowed.joined(separator: ", "))"
            if let near = Suggestion.closest(to: pair.key, in: allowed) { expected = "'\(near)' (\(expected))" }
            throw SpecError(
                file: file, line: pair.keyNode.mark?.line ?? 0, column: pair.keyNode.mark?.column ?? 0,
                key: full, value: nil, expected: "unknown key; expected \(expected)")
        }
    }

    func string(_ node: Node, _ key: String) throws(SpecError) -> String {
        guard case .scalar(let s) = node, case .string(let v) = Self.value(of: s) else {
            throw mismatch(node, key, expected: "text")
        }
        return v
    }

    func integer(_ node: Node, _ key: String, min: Int64, max: Int64 = .max) throws(SpecError) -> Int64 {
        guard case .scalar(let s) = node, case .int(let v) = Self.value(of: s), v >= min, v <= max else {
            let bound = max == .max ? "an integer ≥ \(min)" : "an integer from \(min) to \(max)"
            throw mismatch(node, key, expected: bound)
        }
        return v
    }

    func number(_ node: Node, _ key: String, expected: String) throws(SpecError) -> Double {
        guard case .scalar(let s) = node, let v = Self.value(of: s).number else {
            throw mismatch(node, key, expected: expected)
        }
        return v
    }

    func bool(_ node: Node, _ key: String) throws(SpecError) -> Bool {
        guard case .scalar(let s) = node, case .bool(let v) = Self.value(of: s) else {
            throw mismatch(node, key, expected: "true or false")
        }
        return v
    }

    /// Any YAML value as a `ParamValue` (aliases resolved by Yams are rejected to keep specs plain).
    func value(_ node: Node, _ key: String) throws(SpecError) -> ParamValue {
        switch node {
        case .scalar(let s):
            let v = Self.value(of: s)
            if case .double(let d) = v, !d.isFinite { throw mismatch(node, key, expected: "a finite number") }
            return v
        case .sequence(let seq):
            var items: [ParamValue] = []
            for (i, item) in seq.enumerated() { items.append(try value(item, "\(key)[\(i)]")) }
            return .array(items)
        case .mapping:
            var fields: [String: ParamValue] = [:]
            for pair in try mapping(node, key) { fields[pair.key] = try value(pair.value, "\(key).\(pair.key)") }
            return .object(fields)
        case .alias:
            throw mismatch(node, key, expected: "a plain value (aliases are not supported)")
        }
    }

    /// YAML 1.2 core schema resolution of a scalar; quoted scalars are always strings.
    static func value(of scalar: Node.Scalar) -> ParamValue {
        let text = scalar.string
        if scalar.style == .singleQuoted || scalar.style == .doubleQuoted || scalar.style == .literal
            || scalar.style == .folded
        {
            return .string(text)
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        return parseNumber(text) ?? .string(text)
    }

    /// An integer (decimal, or 0x/0o) or a decimal float; nothing else (`nan`, `inf` stay text).
    static func parseNumber(_ text: String) -> ParamValue? {
        guard let first = text.unicodeScalars.first,
            "0123456789+-.".unicodeScalars.contains(first)
        else { return nil }
        let unsigned = text.hasPrefix("+") ? String(text.dropFirst()) : text
        if let i = Int64(unsigned) { return .int(i) }
        if unsigned.hasPrefix("0x"), let i = Int64(unsigned.dropFirst(2), radix: 16) { return .int(i) }
        if unsigned.hasPrefix("0o"), let i = Int64(unsigned.dropFirst(2), radix: 8) { return .int(i) }
        guard unsigned.unicodeScalars.allSatisfy({ "0123456789.eE+-".unicodeScalars.contains($0) }),
            let d = Double(unsigned), d.isFinite
        else { return nil }
        return .double(d)
    }
}

/// "Did you mean" for unknown keys: the allowed word at the smallest edit distance, if close.
enum Suggestion {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(Array(word.utf8), Array($0.utf8))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}
