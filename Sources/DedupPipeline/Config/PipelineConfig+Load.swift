import DedupYAML
import Foundation

extension PipelineConfig {
    /// Loads and validates a pipeline config.
    ///
    /// Order: parse the YAML (positions kept) → `${VAR}`/`${VAR:-default}` from `environment` →
    /// `overrides` (dotted paths, values parsed as YAML scalars, e.g. `generation.chaos.dup_prob=0.2`)
    /// → merge `source.config_file` underneath (the main file and overrides win) → validate.
    /// Every problem is thrown as one `ConfigError` naming file, line, column, key and expectation.
    public static func load(
        path: String, overrides: [(key: String, value: String)] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> PipelineConfig {
        let root = try readTree(path: path, environment: environment, allowEmpty: false)
        return try build(root: root, file: path, overrides: overrides, environment: environment)
    }

    /// Validates a config given as YAML text (`file` names it in errors; relative `config_file`
    /// paths resolve from the current directory).
    public static func parse(
        yaml: String, file: String? = nil, overrides: [(key: String, value: String)] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> PipelineConfig {
        let root = try YAMLNode.parseConfig(yaml: yaml, file: file).interpolated(environment)
        return try build(root: root, file: file, overrides: overrides, environment: environment)
    }

    /// `default` with overrides applied (no file).
    public static func defaults(overrides: [(key: String, value: String)]) throws -> PipelineConfig {
        try parse(yaml: "{}", file: nil, overrides: overrides, environment: [:])
    }

    /// An empty config file (nothing but comments and blank lines) is an error, with the same
    /// message `validate` gives for an empty spec: an empty file is more often a mistake (a
    /// truncated copy, the wrong path) than a wish for all defaults; run without `--config` for those.
    static func readTree(path: String, environment: [String: String], allowEmpty: Bool = true) throws -> YAMLNode {
        guard let data = FileManager.default.contents(atPath: path) else {
            let what = FileManager.default.fileExists(atPath: path) ? "a readable file" : "an existing config file"
            throw ConfigError(file: path, keyPath: "", value: nil, expected: what)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, keyPath: "", value: nil, expected: "UTF-8 text")
        }
        if !allowEmpty, try YAMLNode.compose(yaml: text, file: path) == nil {
            throw ConfigError(file: path, line: 1, column: 1, keyPath: "", expected: "the document is empty")
        }
        return try YAMLNode.parseConfig(yaml: text, file: path).interpolated(environment)
    }

    static func build(
        root: YAMLNode, file: String?, overrides: [(key: String, value: String)], environment: [String: String]
    ) throws -> PipelineConfig {
        var tree = root
        if tree.entries == nil {
            if case .scalar(let s, false) = tree.kind, YAMLScalar.isNull(s) {
                tree = .emptyMapping(tree.origin)
            } else {
                throw ConfigError(
                    file: file, line: tree.origin.line, column: tree.origin.column, keyPath: "",
                    expected: "a mapping of sections (source, generation, strategies, storage, …)")
            }
        }
        for (key, value) in overrides {
            let origin = YAMLNode.Origin.override(key, value)
            let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !key.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else {
                throw ConfigError(
                    file: origin.file, keyPath: key, value: value, expected: "a dotted key path like generation.scale")
            }
            var node = try YAMLNode.parseConfig(yaml: value.isEmpty ? "''" : value, file: origin.file)
            node = node.relocated(origin)
            tree = try tree.setting(parts, to: node, fullKey: key)
        }
        if let cf = tree["source"]?["config_file"], case .scalar(let name, _) = cf.kind, !YAMLScalar.isNull(name) {
            let resolved = try resolveSourceFile(name, configFile: file, origin: cf.origin)
            let sourceTree = try readTree(path: resolved, environment: environment)
            if sourceTree.entries == nil && !YAMLReader(sourceTree, path: "").isNull {
                throw ConfigError(
                    file: resolved, line: sourceTree.origin.line, column: sourceTree.origin.column, keyPath: "",
                    expected: "a mapping of sections (pubsub, synthetic, file, …)")
            }
            if let src = sourceTree["source"], src["config_file"] != nil {
                throw ConfigError(
                    file: resolved, line: src.origin.line, column: src.origin.column, keyPath: "source.config_file",
                    expected: "no nested config_file inside a source settings file")
            }
            tree = tree.merged(withDefaults: sourceTree)
        }
        var config = try ConfigDecoder.decode(tree)
        config.origin = file
        return config
    }

    /// The seed writes `config_file: "config/sources/pubsub.yaml"` relative to the project root.
    /// Tried in order: beside the config, then beside each folder above it, then the current directory.
    static func resolveSourceFile(_ name: String, configFile: String?, origin: YAMLNode.Origin) throws -> String {
        var candidates: [String] = []
        if !name.hasPrefix("/"), let configFile {
            var dir = (configFile as NSString).deletingLastPathComponent
            for _ in 0..<32 {
                candidates.append(dir.isEmpty ? name : (dir as NSString).appendingPathComponent(name))
                if dir.isEmpty || dir == "/" { break }
                let parent = (dir as NSString).deletingLastPathComponent
                dir = parent == dir ? "" : parent
            }
        }
        if !candidates.contains(name) { candidates.append(name) }
        for c in candidates where FileManager.default.fileExists(atPath: c) { return c }
        throw ConfigError(
            file: origin.file, line: origin.line, column: origin.column, keyPath: "source.config_file", value: name,
            expected:
                "an existing source settings file (looked beside the config, in each folder above it and in the current directory)"
        )
    }
}

extension YAMLNode {
    /// The same tree with every node attributed to `origin` (override values).
    func relocated(_ origin: YAMLNode.Origin) -> YAMLNode {
        var copy = self
        copy.origin = origin
        switch kind {
        case .scalar: break
        case .sequence(let items): copy.kind = .sequence(items.map { $0.relocated(origin) })
        case .mapping(let entries):
            copy.kind = .mapping(
                entries.map { Entry(key: $0.key, keyOrigin: origin, value: $0.value.relocated(origin)) })
        }
        return copy
    }
}
