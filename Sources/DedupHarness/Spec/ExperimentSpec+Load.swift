import DedupPipeline
import DedupFormats
import Foundation
import DedupYAML

extension ExperimentSpec {
    static let topLevelKeys = [
        "version", "name", "description", "base", "pipeline", "seed", "repeats", "warmup", "timeout",
        "retries", "retry_backoff", "matrix", "include", "exclude", "zip", "prices", "charts",
        "volume",
    ]

    /// Loads and validates an experiment file. Relative `base` and `prices` paths are resolved
    /// against the file's folder. Throws the first problem as a located `SpecError`.
    public static func load(path: String) throws(SpecError) -> ExperimentSpec {
        let (reader, root, text) = try SpecReader.load(path: path)
        let folder = (path as NSString).deletingLastPathComponent
        return try parse(reader: reader, root: root, sha256: RunIdentity.sha256Hex(Array(text.utf8)), folder: folder)
    }

    /// Parses spec text (for tests and inline use); `file` names it in messages.
    public static func parse(text: String, file: String, folder: String = ".") throws(SpecError) -> ExperimentSpec {
        let reader = SpecReader(file: file)
        return try parse(
            reader: reader, root: try reader.compose(text), sha256: RunIdentity.sha256Hex(text), folder: folder)
    }

    static func parse(reader r: SpecReader, root: YAMLNode, sha256: String, folder: String) throws(SpecError)
        -> ExperimentSpec
    {
        let pairs = try r.mapping(root, "")
        try r.checkKeys(pairs, allowed: topLevelKeys, prefix: "")
        func node(_ key: String) -> YAMLNode? { pairs.first { $0.key == key }?.value }
        func required(_ key: String, _ expected: String) throws(SpecError) -> YAMLNode {
            guard let n = node(key) else {
                throw r.error(root, key, value: nil, expected: "missing; expected \(expected)")
            }
            return n
        }

        let versionNode = try required("version", "version: \(supportedVersion)")
        let version = try r.integer(versionNode, "version", min: 1)
        guard version == supportedVersion else {
            throw r.mismatch(
                versionNode, "version", expected: "\(supportedVersion) (the only schema version this dedupbench reads)")
        }
        let nameNode = try required("name", "a name made of letters, digits, '.', '_' or '-'")
        let name = try r.string(nameNode, "name")
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ Self.nameCharacters.contains($0) }), name.first != "."
        else {
            throw r.mismatch(
                nameNode, "name",
                expected: "a name made of letters, digits, '.', '_' or '-' (it names the results folder)")
        }
        let description = try node("description").map { n throws(SpecError) in try r.string(n, "description") } ?? ""

        let base: BaseConfig
        switch (node("base"), node("pipeline")) {
        case (let b?, nil): base = .path(resolve(try r.string(b, "base"), folder: folder))
        case (nil, let p?):
            guard p.entries != nil else {
                throw r.mismatch(p, "pipeline", expected: "a mapping (an inline pipeline config)")
            }
            base = .inline(yaml: p.yamlText)
        case (_?, let p?):
            throw r.error(
                p, "pipeline", value: nil, expected: "either 'base' (a config file) or 'pipeline' (inline), not both")
        case (nil, nil):
            throw r.error(
                root, "base", value: nil,
                expected: "missing; expected 'base: path/to/pipeline.yaml' or an inline 'pipeline:' mapping")
        }

        let seed = try node("seed").map { n throws(SpecError) in UInt64(try r.integer(n, "seed", min: 0)) } ?? 0
        let repeats =
            try node("repeats").map { n throws(SpecError) in Int(try r.integer(n, "repeats", min: 1, max: 10_000)) }
            ?? 1
        let warmup =
            try node("warmup").map { n throws(SpecError) in Int(try r.integer(n, "warmup", min: 0, max: 100)) } ?? 0
        let timeout = try positive(r, node("timeout"), "timeout", default: 600)
        let retries =
            try node("retries").map { n throws(SpecError) in Int(try r.integer(n, "retries", min: 0, max: 10)) } ?? 2
        let backoff =
            try node("retry_backoff").map { n throws(SpecError) -> Double in
                let v = try r.number(n, "retry_backoff", expected: "a number of seconds ≥ 0")
                guard v >= 0 else { throw r.mismatch(n, "retry_backoff", expected: "a number of seconds ≥ 0") }
                return v
            } ?? 1

        let (axes, repeated) = try parseMatrix(
            r, try required("matrix", "a mapping of axes, e.g. 'strategy: [bronze_append, eager_dedup]'"))
        let zip = try parseZip(r, node("zip"), axes: axes)
        // A value may repeat inside a zip group (sha256+hex, md5+hex), never on a product axis.
        let zipped = Set(zip.joined())
        if let dup = repeated.first(where: { !zipped.contains($0.key) }) {
            throw r.mismatch(dup.node, dup.path, expected: "distinct values (this one is listed twice)")
        }
        let include = try parseAssignments(r, node("include"), "include", axes: nil)
        let exclude = try parseAssignments(r, node("exclude"), "exclude", axes: axes)
        let prices = try node("prices").map { n throws(SpecError) in resolve(try r.string(n, "prices"), folder: folder)
        }
        let charts = try parseCharts(r, node("charts"), axes: axes)
        let volume = try node("volume").map { n throws(SpecError) in try VolumeSpec.parse(r, n) }

        return ExperimentSpec(
            version: Int(version), name: name, description: description, file: r.file, fileSHA256: sha256, base: base,
            seed: seed, repeats: repeats, warmup: warmup, timeout: timeout, retries: retries, retryBackoff: backoff,
            axes: axes, zip: zip, include: include, exclude: exclude, prices: prices, charts: charts,
            volume: volume)
    }

    static let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-".unicodeScalars)

    static func resolve(_ path: String, folder: String) -> String {
        if path.hasPrefix("/") || folder.isEmpty || folder == "." { return path }
        return (folder as NSString).appendingPathComponent(path)
    }

    static func positive(_ r: SpecReader, _ n: YAMLNode?, _ key: String, default value: Double) throws(SpecError) -> Double
    {
        guard let n else { return value }
        let v = try r.number(n, key, expected: "a number of seconds > 0")
        guard v > 0 else { throw r.mismatch(n, key, expected: "a number of seconds > 0") }
        return v
    }

    /// A dotted config path (`generation.chaos.dup_prob`) or `strategy`.
    static func isValidKey(_ key: String) -> Bool {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty
            && parts.allSatisfy { part in
                guard let first = part.unicodeScalars.first, first == "_" || CharacterSet.letters.contains(first) else {
                    return false
                }
                return part.unicodeScalars.allSatisfy {
                    $0 == "_" || $0 == "-" || CharacterSet.alphanumerics.contains($0)
                }
            }
    }

    /// The axes, and the first repeated value of each axis (an error unless the axis is zipped).
    static func parseMatrix(_ r: SpecReader, _ matrix: YAMLNode) throws(SpecError)
        -> ([Axis], [(key: String, path: String, node: YAMLNode)])
    {
        let pairs = try r.mapping(matrix, "matrix")
        guard !pairs.isEmpty else {
            throw r.error(matrix, "matrix", value: nil, expected: "at least one axis, e.g. 'strategy: [bronze_append]'")
        }
        var axes: [Axis] = []
        var repeated: [(key: String, path: String, node: YAMLNode)] = []
        for pair in pairs {
            let key = "matrix.\(pair.key)"
            guard isValidKey(pair.key) else {
                throw r.error(
                    pair.keyNode, key, value: pair.key, expected: "a dotted config key such as generation.scale")
            }
            let values: [JSONValue]
            switch pair.value.kind {
            case .sequence(let seq):
                guard !seq.isEmpty else { throw r.error(pair.value, key, value: "[]", expected: "at least one value") }
                var list: [JSONValue] = []
                for (i, item) in seq.enumerated() {
                    let v = try r.value(item, "\(key)[\(i)]")
                    if list.contains(where: { $0.canonicalJSON == v.canonicalJSON }),
                        !repeated.contains(where: { $0.key == pair.key })
                    {
                        repeated.append((pair.key, "\(key)[\(i)]", item))
                    }
                    list.append(v)
                }
                values = list
            case .mapping:
                values = try RangeSpec.parse(r, pair.value, key).values()
            default:
                values = [try r.value(pair.value, key)]
            }
            if pair.key == strategyKey, let bad = values.first(where: { if case .string = $0 { false } else { true } })
            {
                throw r.error(pair.value, key, value: bad.text, expected: "strategy names (text)")
            }
            axes.append(
                Axis(
                    key: pair.key, values: values, line: pair.keyNode.origin.line ?? 0,
                    column: pair.keyNode.origin.column ?? 0))
        }
        return (axes, repeated)
    }

    static func parseZip(_ r: SpecReader, _ node: YAMLNode?, axes: [Axis]) throws(SpecError) -> [[String]] {
        guard let node else { return [] }
        var groups: [[String]] = []
        var used: Set<String> = []
        for (g, groupNode) in try r.sequence(node, "zip").enumerated() {
            let items = try r.sequence(groupNode, "zip[\(g)]")
            guard items.count >= 2 else {
                throw r.mismatch(groupNode, "zip[\(g)]", expected: "a list of at least two matrix axes")
            }
            var group: [String] = []
            var length: Int?
            for (i, item) in items.enumerated() {
                let key = try r.string(item, "zip[\(g)][\(i)]")
                guard let axis = axes.first(where: { $0.key == key }) else {
                    throw r.mismatch(item, "zip[\(g)][\(i)]", expected: axisChoice(key, axes))
                }
                guard used.insert(key).inserted else {
                    throw r.mismatch(item, "zip[\(g)][\(i)]", expected: "each axis in at most one zip group")
                }
                if let length, axis.values.count != length {
                    throw r.error(
                        item, "zip[\(g)][\(i)]", value: "\(key) with \(axis.values.count) values",
                        expected: "\(length) values, like \(group[0]) (zipped axes move together)")
                }
                length = axis.values.count
                group.append(key)
            }
            groups.append(group)
        }
        return groups
    }

    static func axisChoice(_ key: String, _ axes: [Axis]) -> String {
        let names = axes.map(\.key)
        let near = Suggestion.closest(to: key, in: names).map { "'\($0)' (" } ?? "("
        return "a matrix axis \(near)one of: \(names.joined(separator: ", ")))"
    }

    /// `include` (any keys, full cells) or `exclude` (keys must be axes, values among the axis values).
    static func parseAssignments(_ r: SpecReader, _ node: YAMLNode?, _ name: String, axes: [Axis]?) throws(SpecError)
        -> [[String: JSONValue]]
    {
        guard let node else { return [] }
        var out: [[String: JSONValue]] = []
        for (i, entry) in try r.sequence(node, name).enumerated() {
            let pairs = try r.mapping(entry, "\(name)[\(i)]")
            guard !pairs.isEmpty else { throw r.mismatch(entry, "\(name)[\(i)]", expected: "at least one key: value") }
            var cell: [String: JSONValue] = [:]
            for pair in pairs {
                let key = "\(name)[\(i)].\(pair.key)"
                guard isValidKey(pair.key) else {
                    throw r.error(
                        pair.keyNode, key, value: pair.key, expected: "a dotted config key such as generation.scale")
                }
                let value = try r.value(pair.value, key)
                if let axes {
                    guard let axis = axes.first(where: { $0.key == pair.key }) else {
                        throw r.error(pair.keyNode, key, value: pair.key, expected: axisChoice(pair.key, axes))
                    }
                    guard axis.values.contains(where: { $0.canonicalJSON == value.canonicalJSON }) else {
                        let choices = axis.values.prefix(12).map(\.text).joined(separator: ", ")
                        throw r.mismatch(pair.value, key, expected: "one of the axis values: \(choices)")
                    }
                }
                cell[pair.key] = value
            }
            out.append(cell)
        }
        return out
    }

    static func parseCharts(_ r: SpecReader, _ node: YAMLNode?, axes: [Axis]) throws(SpecError) -> [ChartSpec] {
        guard let node else { return [] }
        var charts: [ChartSpec] = []
        let axisKeys = axes.map(\.key)
        let known = axisKeys + ResultColumns.parameters + ResultColumns.all
        for (i, entry) in try r.sequence(node, "charts").enumerated() {
            let prefix = "charts[\(i)]"
            let pairs = try r.mapping(entry, prefix)
            try r.checkKeys(pairs, allowed: ["type", "title", "x", "series", "y", "log_x"], prefix: prefix)
            func field(_ k: String) -> YAMLNode? { pairs.first { $0.key == k }?.value }
            guard let typeNode = field("type") else {
                throw r.error(
                    entry, "\(prefix).type", value: nil,
                    expected:
                        "missing; expected one of: \(ChartSpec.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let typeText = try r.string(typeNode, "\(prefix).type")
            guard let kind = ChartSpec.Kind(rawValue: typeText) else {
                throw r.mismatch(
                    typeNode, "\(prefix).type",
                    expected: "one of: \(ChartSpec.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var chart = ChartSpec(type: kind)
            if let n = field("title") { chart.title = try r.string(n, "\(prefix).title") }
            for k in ["x", "series"] {
                guard let n = field(k) else { continue }
                let v = try r.string(n, "\(prefix).\(k)")
                guard known.contains(v) else {
                    throw r.mismatch(
                        n, "\(prefix).\(k)",
                        expected:
                            "a matrix axis or a result parameter column (\((axisKeys + ResultColumns.parameters).joined(separator: ", ")))"
                    )
                }
                if k == "x" { chart.x = v } else { chart.series = v }
            }
            if [.throughputVs, .storageVs, .costVs].contains(kind), chart.x == nil {
                throw r.error(
                    entry, "\(prefix).x", value: nil, expected: "missing; a '\(typeText)' chart needs an x axis key")
            }
            if let n = field("y") {
                let v = try r.string(n, "\(prefix).y")
                guard ResultColumns.all.contains(v) else {
                    throw r.mismatch(
                        n, "\(prefix).y", expected: "a result column such as throughput_rps, live_bytes or s3_total_usd"
                    )
                }
                chart.y = v
            }
            if let n = field("log_x") { chart.logX = try r.bool(n, "\(prefix).log_x") }
            charts.append(chart)
        }
        return charts
    }
}
