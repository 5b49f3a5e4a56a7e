import DedupFormats
import Yams

extension YAMLNode {
    /// Composes one YAML document. `file` names it in positions and errors.
    ///
    /// - Returns: the root node, or nil for an empty document (callers decide whether that is an
    ///   error: an empty spec is, an empty pipeline config means "all defaults").
    /// - Throws: `InputError` at the syntax error, the repeated key, the alias or the non-text key.
    public static func compose(yaml text: String, file: String?) throws(InputError) -> YAMLNode? {
        let name = file ?? "<input>"
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, file: name)
        } catch {
            throw InputError(file: name, expected: "valid YAML (\(error))")
        }
        guard let node else { return nil }
        var anchors: Set<String> = []
        return try convert(node, file: file, path: "", anchors: &anchors)
    }

    private static func origin(_ mark: Mark?, _ file: String?) -> Origin {
        Origin(file: file, line: mark?.line, column: mark?.column)
    }

    private static func isQuoted(_ s: Node.Scalar) -> Bool {
        s.style == .singleQuoted || s.style == .doubleQuoted || s.style == .literal || s.style == .folded
    }

    /// Yams resolves an alias to the anchored node itself (same start mark), so an alias shows up
    /// as a second visit of a node of the same kind at the same position: refused there, before
    /// any copy, so a "billion laughs" file fails at once instead of filling memory.
    private static func convert(_ node: Node, file: String?, path: String, anchors: inout Set<String>)
        throws(InputError) -> YAMLNode
    {
        let here = origin(node.mark, file)
        if let mark = node.mark {
            let kind: String
            switch node {
            case .scalar: kind = "s"
            case .sequence: kind = "q"
            case .mapping: kind = "m"
            case .alias: kind = "a"
            }
            if !anchors.insert("\(kind):\(mark.line):\(mark.column)").inserted {
                throw InputError(
                    file: file ?? "<input>", line: mark.line, column: mark.column, key: path,
                    expected:
                        "a plain value (YAML aliases such as *name are not supported; the anchor they repeat is here)")
            }
        }
        switch node {
        case .scalar(let s):
            return YAMLNode(kind: .scalar(s.string, quoted: isQuoted(s)), origin: here)
        case .sequence(let seq):
            var items: [YAMLNode] = []
            for (i, item) in seq.enumerated() {
                items.append(try convert(item, file: file, path: "\(path)[\(i)]", anchors: &anchors))
            }
            return YAMLNode(kind: .sequence(items), origin: here)
        case .mapping(let map):
            var entries: [Entry] = []
            for (k, v) in map {
                guard case .scalar(let ks) = k else {
                    throw InputError(
                        file: file ?? "<input>", line: k.mark?.line ?? 0, column: k.mark?.column ?? 0, key: path,
                        value: nil, expected: "plain text keys")
                }
                let keyPath = path.isEmpty ? ks.string : "\(path).\(ks.string)"
                if entries.contains(where: { $0.key == ks.string }) {
                    throw InputError(
                        file: file ?? "<input>", line: k.mark?.line ?? 0, column: k.mark?.column ?? 0, key: keyPath,
                        expected: "each key only once in a mapping (duplicated key)")
                }
                entries.append(
                    Entry(
                        key: ks.string, keyOrigin: origin(k.mark, file), keyQuoted: isQuoted(ks),
                        value: try convert(v, file: file, path: keyPath, anchors: &anchors)))
            }
            return YAMLNode(kind: .mapping(entries), origin: here)
        case .alias:
            throw InputError(
                file: file ?? "<input>", line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, key: path,
                expected: "a plain value (YAML aliases such as *name are not supported)")
        }
    }

    private static func syntaxError(_ error: YamlError, file: String) -> InputError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return InputError(
                file: file, line: mark.line, column: mark.column,
                expected: "YAML syntax error: \(problem) (the cause may be on an earlier line)")
        case .duplicatedKeysInMapping(let keys, let context):
            return InputError(
                file: file, line: context.mark.line, column: context.mark.column,
                key: keys.sorted().joined(separator: ", "),
                expected: "each key only once in a mapping (duplicated key)")
        default:
            let first = "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable"
            return InputError(file: file, expected: "valid YAML (\(first))")
        }
    }
}
