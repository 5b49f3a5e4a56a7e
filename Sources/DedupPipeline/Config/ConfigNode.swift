import Yams

/// Where a config value came from: a file position (1-based) or a command-line override.
struct ConfigOrigin: Sendable, Equatable {
    var file: String?
    var line: Int?
    var column: Int?

    static func override(_ key: String, _ value: String) -> ConfigOrigin {
        ConfigOrigin(file: "override '\(key)=\(value)'")
    }
}

/// The YAML tree the loader validates: Yams' nodes reduced to what config files use, each node
/// keeping its origin so every error can point at a file, line and column.
struct ConfigNode: Sendable {
    enum Kind: Sendable {
        /// `quoted`: written in quotes, so always a string (never resolved to a number or bool).
        case scalar(String, quoted: Bool)
        case sequence([ConfigNode])
        case mapping([Entry])
    }

    struct Entry: Sendable {
        var key: String
        var keyOrigin: ConfigOrigin
        var value: ConfigNode
    }

    var kind: Kind
    var origin: ConfigOrigin

    static func emptyMapping(_ origin: ConfigOrigin) -> ConfigNode { ConfigNode(kind: .mapping([]), origin: origin) }

    var entries: [Entry]? { if case .mapping(let e) = kind { e } else { nil } }

    subscript(key: String) -> ConfigNode? { entries?.first { $0.key == key }?.value }

    /// Parses one YAML document. An empty document is an empty mapping.
    static func parse(yaml text: String, file: String?) throws -> ConfigNode {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigNode.syntaxError(error, file: file)
        }
        guard let node else { return .emptyMapping(ConfigOrigin(file: file, line: 1, column: 1)) }
        if let at = YAMLNodeBudget.excess(node) {
            throw ConfigError(file: file, line: at.line, column: at.column, keyPath: "", expected: YAMLNodeBudget.expected)
        }
        return try convert(node, file: file, path: "")
    }

    private static func origin(_ mark: Mark?, _ file: String?) -> ConfigOrigin {
        ConfigOrigin(file: file, line: mark?.line, column: mark?.column)
    }

    private static func convert(_ node: Node, file: String?, path: String) throws -> ConfigNode {
        let here = origin(node.mark, file)
        switch node {
        case .scalar(let s):
            let quoted =
                s.style == .singleQuoted || s.style == .doubleQuoted || s.style == .literal || s.style == .folded
            return ConfigNode(kind: .scalar(s.string, quoted: quoted), origin: here)
        case .sequence(let seq):
            return ConfigNode(
                kind: .sequence(try seq.enumerated().map { try convert($1, file: file, path: "\(path)[\($0)]") }),
                origin: here)
        case .mapping(let map):
            var entries: [Entry] = []
            for (k, v) in map {
                guard case .scalar(let ks) = k else {
                    throw ConfigError(
                        file: file, line: k.mark?.line, column: k.mark?.column, keyPath: path,
                        expected: "plain text keys")
                }
                let keyPath = path.isEmpty ? ks.string : "\(path).\(ks.string)"
                if entries.contains(where: { $0.key == ks.string }) {
                    throw ConfigError(
                        file: file, line: k.mark?.line, column: k.mark?.column, keyPath: keyPath,
                        expected: "each key at most once in a mapping")
                }
                entries.append(
                    Entry(
                        key: ks.string, keyOrigin: origin(k.mark, file),
                        value: try convert(v, file: file, path: keyPath)))
            }
            return ConfigNode(kind: .mapping(entries), origin: here)
        case .alias:
            throw ConfigError(
                file: file, line: node.mark?.line, column: node.mark?.column, keyPath: path,
                expected: "a value without YAML aliases (*name)")
        }
    }

    private static func syntaxError(_ error: YamlError, file: String?) -> ConfigError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ConfigError(
                file: file, line: mark.line, column: mark.column, keyPath: "", value: nil,
                expected: "valid YAML (\(problem))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigError(
                file: file, line: context.mark.line, column: context.mark.column,
                keyPath: duplicates.sorted().joined(separator: ", "),
                expected: "each key at most once in a mapping (this mapping repeats it)")
        default:
            let first = "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable"
            return ConfigError(file: file, keyPath: "", expected: "valid YAML (\(first))")
        }
    }
}

extension ConfigNode {
    /// `${VAR}` and `${VAR:-default}` replaced in every scalar, from `environment`.
    func interpolated(_ environment: [String: String], path: String = "") throws -> ConfigNode {
        var copy = self
        switch kind {
        case .scalar(let s, let quoted):
            copy.kind = .scalar(try Interpolation.expand(s, environment, origin: origin, keyPath: path), quoted: quoted)
        case .sequence(let items):
            copy.kind = .sequence(
                try items.enumerated().map { try $1.interpolated(environment, path: "\(path)[\($0)]") })
        case .mapping(let entries):
            copy.kind = .mapping(
                try entries.map { e in
                    var e = e
                    e.value = try e.value.interpolated(environment, path: path.isEmpty ? e.key : "\(path).\(e.key)")
                    return e
                })
        }
        return copy
    }

    /// Deep merge: keys of `self` win; mappings present in both are merged recursively.
    func merged(withDefaults defaults: ConfigNode) -> ConfigNode {
        guard var mine = entries, let theirs = defaults.entries else { return self }
        for d in theirs {
            if let i = mine.firstIndex(where: { $0.key == d.key }) {
                mine[i].value = mine[i].value.merged(withDefaults: d.value)
            } else {
                mine.append(d)
            }
        }
        return ConfigNode(kind: .mapping(mine), origin: origin)
    }

    /// Sets the value at a dotted path, creating mappings on the way (an override).
    func setting(_ path: [String], to value: ConfigNode, fullKey: String) throws -> ConfigNode {
        guard let head = path.first else { return value }
        guard var entries = entries else {
            throw ConfigError(
                file: value.origin.file, keyPath: fullKey, value: nil,
                expected: "a key inside a mapping, but a parent of '\(head)' is not a mapping")
        }
        let rest = Array(path.dropFirst())
        if let i = entries.firstIndex(where: { $0.key == head }) {
            let child = rest.isEmpty ? entries[i].value : entries[i].value
            entries[i].value = try child.setting(rest, to: value, fullKey: fullKey)
        } else {
            let child = ConfigNode.emptyMapping(value.origin)
            entries.append(
                Entry(key: head, keyOrigin: value.origin, value: try child.setting(rest, to: value, fullKey: fullKey)))
        }
        return ConfigNode(kind: .mapping(entries), origin: origin)
    }
}
