import DedupPipeline
import DedupFormats
import DedupYAML
import Foundation

/// Typed access to a composed `YAMLNode` for experiment specs and price tables, in their message
/// style (`KEY: got 'V'; expected WHAT`). Composition, scalar resolution (`YAMLScalar`) and the
/// error type (`InputError`) are DedupYAML's and DedupFormats', shared with pipeline configs.
struct SpecReader {
    let file: String

    /// Reads and composes `path`; a missing file, an empty document or bad syntax is a `SpecError`.
    static func load(path: String, displayName: String? = nil) throws(SpecError) -> (SpecReader, YAMLNode, text: String)
    {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpecError(file: name, expected: "file not found or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpecError(file: name, expected: "file is not UTF-8 text")
        }
        let reader = SpecReader(file: name)
        return (reader, try reader.compose(text), text)
    }

    func compose(_ text: String) throws(SpecError) -> YAMLNode {
        guard let node = try YAMLNode.compose(yaml: text, file: file) else {
            throw SpecError(file: file, line: 1, column: 1, expected: "the document is empty")
        }
        return node
    }

    // MARK: errors

    func error(_ node: YAMLNode?, _ key: String, value: String?, expected: String) -> SpecError {
        SpecError(
            file: file, line: node?.origin.line ?? 0, column: node?.origin.column ?? 0, key: key, value: value,
            expected: expected)
    }

    func mismatch(_ node: YAMLNode, _ key: String, expected: String) -> SpecError {
        error(node, key, value: node.shown, expected: expected)
    }

    // MARK: typed access

    /// The pairs of a mapping in document order; `keyNode` locates the key.
    func mapping(_ node: YAMLNode, _ key: String) throws(SpecError) -> [(
        key: String, keyNode: YAMLNode, value: YAMLNode
    )] {
        guard let entries = node.entries else { throw mismatch(node, key, expected: "a mapping") }
        return entries.map {
            (
                key: $0.key, keyNode: YAMLNode(kind: .scalar($0.key, quoted: $0.keyQuoted), origin: $0.keyOrigin),
                value: $0.value
            )
        }
    }

    func sequence(_ node: YAMLNode, _ key: String) throws(SpecError) -> [YAMLNode] {
        guard let items = node.items else { throw mismatch(node, key, expected: "a list") }
        return items
    }

    /// Rejects keys outside `allowed`, suggesting the closest allowed key.
    func checkKeys(_ pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)], allowed: [String], prefix: String)
        throws(SpecError)
    {
        for pair in pairs where !allowed.contains(pair.key) {
            let full = prefix.isEmpty ? pair.key : "\(prefix).\(pair.key)"
            var expected = "one of: \(allowed.joined(separator: ", "))"
            if let near = Suggestion.closest(to: pair.key, in: allowed) { expected = "'\(near)' (\(expected))" }
            throw error(pair.keyNode, full, value: nil, expected: "unknown key; expected \(expected)")
        }
    }

    private func resolved(_ node: YAMLNode) -> JSONValue? {
        node.scalar.map { YAMLScalar.resolve($0.text, quoted: $0.quoted) }
    }

    func string(_ node: YAMLNode, _ key: String) throws(SpecError) -> String {
        guard case .string(let v)? = resolved(node) else { throw mismatch(node, key, expected: "text") }
        return v
    }

    func integer(_ node: YAMLNode, _ key: String, min: Int64, max: Int64 = .max) throws(SpecError) -> Int64 {
        guard case .int(let v)? = resolved(node), v >= min, v <= max else {
            let bound = max == .max ? "an integer ≥ \(min)" : "an integer from \(min) to \(max)"
            throw mismatch(node, key, expected: bound)
        }
        return v
    }

    func number(_ node: YAMLNode, _ key: String, expected: String) throws(SpecError) -> Double {
        guard let v = resolved(node)?.doubleValue else { throw mismatch(node, key, expected: expected) }
        return v
    }

    func bool(_ node: YAMLNode, _ key: String) throws(SpecError) -> Bool {
        guard case .bool(let v)? = resolved(node) else { throw mismatch(node, key, expected: "true or false") }
        return v
    }

    /// Any YAML value as a `JSONValue` (mappings in document order).
    func value(_ node: YAMLNode, _ key: String) throws(SpecError) -> JSONValue {
        switch node.kind {
        case .scalar(let s, let quoted): return YAMLScalar.resolve(s, quoted: quoted)
        case .sequence(let seq):
            var items: [JSONValue] = []
            for (i, item) in seq.enumerated() { items.append(try value(item, "\(key)[\(i)]")) }
            return .array(items)
        case .mapping(let entries):
            var fields: [(String, JSONValue)] = []
            for e in entries { fields.append((e.key, try value(e.value, "\(key).\(e.key)"))) }
            return .object(fields)
        }
    }
}
