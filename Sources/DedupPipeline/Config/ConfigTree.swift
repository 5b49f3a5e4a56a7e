import DedupFormats
import DedupYAML

extension YAMLNode.Origin {
    /// The origin of a command-line override.
    static func override(_ key: String, _ value: String) -> YAMLNode.Origin {
        YAMLNode.Origin(file: "override '\(key)=\(value)'")
    }
}

extension YAMLNode {
    /// Parses one YAML document of a pipeline config. An empty document is an empty mapping.
    static func parseConfig(yaml text: String, file: String?) throws(InputError) -> YAMLNode {
        try compose(yaml: text, file: file) ?? .emptyMapping(Origin(file: file, line: 1, column: 1))
    }
}

extension YAMLNode {
    /// `${VAR}` and `${VAR:-default}` replaced in every scalar, from `environment`.
    func interpolated(_ environment: [String: String], path: String = "") throws -> YAMLNode {
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
    func merged(withDefaults defaults: YAMLNode) -> YAMLNode {
        guard var mine = entries, let theirs = defaults.entries else { return self }
        for d in theirs {
            if let i = mine.firstIndex(where: { $0.key == d.key }) {
                mine[i].value = mine[i].value.merged(withDefaults: d.value)
            } else {
                mine.append(d)
            }
        }
        return YAMLNode(kind: .mapping(mine), origin: origin)
    }

    /// Sets the value at a dotted path, creating mappings on the way (an override).
    func setting(_ path: [String], to value: YAMLNode, fullKey: String) throws -> YAMLNode {
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
            let child = YAMLNode.emptyMapping(value.origin)
            entries.append(
                Entry(key: head, keyOrigin: value.origin, value: try child.setting(rest, to: value, fullKey: fullKey)))
        }
        return YAMLNode(kind: .mapping(entries), origin: origin)
    }
}
