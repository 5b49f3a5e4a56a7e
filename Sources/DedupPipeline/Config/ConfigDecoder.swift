import DedupFormats
import DedupYAML
import DeltaStorage

/// Turns a merged config tree into a `PipelineConfig`, validating every key and value.
enum ConfigDecoder {
    static let sections = [
        "pipeline", "source", "generation", "pubsub", "synthetic", "file", "batches", "hash", "strategies", "storage",
        "logging", "maintenance", "prefect",
    ]
    static let sectionHints = [
        "chaos": "chaos settings go under generation.chaos",
        "scale": "scale goes under generation.scale",
        "mode": "mode goes under generation.mode",
    ].merging(
        Dictionary(
            uniqueKeysWithValues: StrategyOptionCatalog.names.map { ($0, "strategy options go under strategies.\($0)") }
        )
    ) { a, _ in a }

    static func decode(_ tree: YAMLNode) throws -> PipelineConfig {
        let issues = ConfigIssues()
        var c = PipelineConfig()
        let top = issues.mapping(YAMLReader(tree, path: ""), allowed: sections, hints: sectionHints)
        if let r = top["pipeline"] {
            let m = issues.mapping(r, allowed: ["name", "version"])
            c.pipeline.name = issues.read(m["name"]) { try $0.string() }
            c.pipeline.version = issues.read(m["version"]) { try $0.string() }
        }
        if let r = top["source"] { decodeSource(r, into: &c, issues) }
        if let r = top["generation"] { c.generation = decodeGeneration(r, issues) }
        if let r = top["pubsub"], let p = issues.attempt({ try decodePubSub(r) }) { c.pubsub = p }
        if let r = top["synthetic"] {
            let m = issues.mapping(r, allowed: ["partitions", "message"])
            if let p = issues.read(m["partitions"], { try $0.int(in: 1...1_000_000) }) { c.synthetic.partitions = p }
            if let msg = issues.read(m["message"], decodeMessage) { c.synthetic.message = msg }
        }
        if let r = top["file"] {
            let m = issues.mapping(r, allowed: ["path", "quarantine_path", "max_quarantined"])
            c.file.path = issues.read(m["path"]) { try $0.string() }
            c.file.quarantinePath = issues.read(m["quarantine_path"]) { try $0.string() }
            if let q = issues.read(m["max_quarantined"], QuarantineLimit.decode) { c.file.maxQuarantined = q }
        }
        // The seed's `source.path` (and the CLI's --path) wins over `file.path`.
        if let p = top["source"].flatMap({ try? $0.mapping(allowed: sourceKeys)["path"] }) {
            if let path = issues.read(p, { try $0.string() }) { c.file.path = path }
        }
        if let b = issues.read(top["batches"], { try $0.int(in: 1...100_000) }) { c.batches = b }
        if let r = top["hash"] {
            let m = issues.mapping(r, allowed: ["algorithm", "encoding"])
            if let a = issues.read(m["algorithm"], { try $0.choice(HashAlgorithm.self) }) { c.hash.algorithm = a }
            if let e = issues.read(m["encoding"], { try $0.choice(HashEncoding.self) }) { c.hash.encoding = e }
        }
        if let r = top["strategies"] { c.strategies = decodeStrategies(r, issues) }
        var storage: [String: YAMLReader] = [:]
        if let r = top["storage"] { (c.storage, storage) = decodeStorage(r, issues) }
        var maintenance: [String: YAMLReader] = [:]
        if let r = top["maintenance"] {
            maintenance = (try? r.mapping(allowed: MaintenanceSettings.keys)) ?? [:]
            if let m = issues.attempt({ try MaintenanceSettings.decode(r) }) { c.maintenance = m }
        }
        var levelKey: YAMLReader?
        if let r = top["logging"] {
            let m = issues.mapping(r, allowed: ["level", "structured"])
            levelKey = m["level"]
            c.logLevel = issues.read(m["level"], logLevel)
            if let s = issues.read(m["structured"], { try $0.bool() }) { c.logStructured = s }
        }
        if let r = top["prefect"] {
            c.prefect = PrefectSettings.decode(r, issues)
            let m = (try? r.mapping(allowed: ["logging"])) ?? [:]
            let pl = m["logging"].flatMap { try? $0.mapping(allowed: ["level", "structured"]) } ?? [:]
            if let level = c.prefect.logLevel {
                if let mine = c.logLevel, LoggingSetup.level(named: mine) != LoggingSetup.level(named: level) {
                    issues.add(
                        (pl["level"] ?? r).fail(
                            "the same level as logging.level ('\(mine)'\(levelKey.map { " at line \($0.node.origin.line ?? 0)" } ?? "")); set only one"
                        ))
                } else {
                    c.logLevel = level
                }
            }
            if let s = c.prefect.logStructured { c.logStructured = c.logStructured || s }
        }
        seedStorageKeys(&c, storage: storage, maintenance: maintenance, issues)
        if issues.errors.isEmpty { issues.attempt { try crossCheck(c, top) } }
        try issues.throwIfAny()
        c.notices = issues.sortedNotices
        return c
    }

    /// `storage.raw_data_path` and `storage.retention_days`: what they drive, or a notice saying
    /// why they have no effect in this config.
    static func seedStorageKeys(
        _ c: inout PipelineConfig, storage: [String: YAMLReader], maintenance: [String: YAMLReader],
        _ issues: ConfigIssues
    ) {
        if let r = storage["raw_data_path"], let raw = c.storage.rawDataPath {
            if c.source.kind != .file {
                issues.notice(
                    r,
                    "no effect with the \(c.source.kind.rawValue) source: it generates records in memory and "
                        + "writes no raw JSONL (only the file source reads raw_data_path)")
            } else if c.file.path != nil {
                issues.notice(r, "no effect: file.path (or source.path/--path) names the input and wins")
            } else {
                c.file.path = FileSource.joined(raw, "*.jsonl")
            }
        }
        if let r = storage["retention_days"], let days = c.storage.retentionDays {
            if !c.maintenance.vacuumAfter {
                issues.notice(
                    r,
                    "no effect: no VACUUM runs (set maintenance.vacuum_after: true to remove files older "
                        + "than the retention after each run)")
            } else if let explicit = maintenance["retain_hours"] {
                if c.maintenance.retainHours != days * 24 {
                    issues.add(
                        explicit.fail(
                            "the same retention as storage.retention_days (\(NumberText.short(days)) days = "
                                + "\(NumberText.short(days * 24)) hours); set only one"))
                }
            } else {
                c.maintenance.retainHours = days * 24
            }
        }
    }

    /// A log level name (`logging.level`, `prefect.logging.level`).
    static func logLevel(_ l: YAMLReader) throws -> String {
        let s = try l.string()
        guard LoggingSetup.level(named: s) != nil else {
            throw l.fail(
                "a log level: one of \(YAMLReader.list(LoggingSetup.levelNames))"
                    + Suggestion.hint(for: s.lowercased(), in: LoggingSetup.levelNames))
        }
        return s
    }

    static let sourceKeys = ["type", "config_file", "path"]

    /// Source types of the seed that dedupbench does not have, with what to use instead.
    static let unavailableSources = [
        "dlt":
            "a source type dedupbench has: dlt (data load tool) is not available in dedupbench; load what dlt "
            + "wrote as JSON lines with type: file (file.path: the files), or generate records with "
            + "synthetic (polars_synthetic) or pubsub"
    ]

    static func decodeSource(_ r: YAMLReader, into c: inout PipelineConfig, _ issues: ConfigIssues) {
        let m = issues.mapping(r, allowed: sourceKeys)
        if let t = m["type"], let name = issues.read(t, { try $0.string() }) {
            if let kind = SourceKind(configName: name) {
                c.source.kind = kind
            } else if let why = unavailableSources[name] {
                issues.add(t.fail(why))
            } else {
                issues.add(
                    t.fail(
                        "a source type: one of \(YAMLReader.list(SourceKind.acceptedNames))"
                            + Suggestion.hint(for: name, in: SourceKind.acceptedNames)))
            }
        }
        if let f = m["config_file"], !f.isNull { c.source.configFile = issues.read(f) { try $0.string() } }
    }

    static let generationKeys = ["scale", "mode", "seed", "start", "rate", "chaos"]

    static func decodeGeneration(_ r: YAMLReader, _ issues: ConfigIssues) -> GenerationSettings {
        var g = GenerationSettings()
        let m = issues.mapping(r, allowed: generationKeys)
        if let s = issues.read(m["scale"], ScalePreset.decode) { g.scale = s }
        if let s = issues.read(m["mode"], { try $0.choice(GenerationMode.self) }) { g.mode = s }
        if let s = m["seed"] {
            // The seed's `seed: null`: a fresh seed each run, recorded so the run can be repeated.
            if s.isNull { g.freshSeed = true } else { g.seed = issues.read(s) { try $0.uint64() } }
        }
        if let s = m["start"] {
            issues.attempt {
                if let text = s.scalar?.text, let us = Timestamp.parseISO8601(text) {
                    g.startMicros = us
                } else if let secs = try? s.double(in: -1e11...1e11) {
                    g.startMicros = Int64((secs * 1e6).rounded())
                } else {
                    throw s.fail("an ISO-8601 instant such as 2025-01-13T00:00:00Z, or epoch seconds")
                }
            }
        }
        if let s = issues.read(
            m["rate"], { try $0.double(in: 1e-6...1e9, what: "events per second (a positive number)") })
        {
            g.rate = s
        }
        if let s = issues.read(m["chaos"], decodeChaos) { g.chaos = s }
        return g
    }

    static func decodeChaos(_ r: YAMLReader) throws -> ChaosSettings {
        var ch = ChaosSettings()
        let m = try r.mapping(allowed: ["mode", "dup_prob", "slow_prob", "drop_prob", "base_delay", "jitter"])
        let explicitMode = try m["mode"].map { try $0.choice(ChaosMode.self) }
        func knob(_ key: String, _ bounds: ClosedRange<Double>, _ what: String) throws -> ChaosValue? {
            guard let k = m[key] else { return nil }
            let (lo, hi) = try k.range(in: bounds, what: what)
            let isRange: Bool = { if case .sequence = k.node.kind { true } else { false } }()
            if isRange && explicitMode == .fixed {
                throw k.fail("a single number (chaos.mode is fixed; use mode: random for [lo, hi] ranges)")
            }
            return isRange ? .range(lo, hi) : .fixed(lo)
        }
        let prob = "a probability"
        if let v = try knob("dup_prob", 0...1, prob) { ch.dupProb = v }
        if let v = try knob("slow_prob", 0...1, prob) { ch.slowProb = v }
        if let v = try knob("drop_prob", 0...1, prob) { ch.dropProb = v }
        if let v = try knob("base_delay", 0...3600, "seconds") { ch.baseDelay = v }
        if let v = try knob("jitter", 0...3600, "seconds") { ch.jitter = v }
        let anyRange = [ch.dupProb, ch.slowProb, ch.dropProb, ch.baseDelay, ch.jitter].contains {
            if case .range = $0 { true } else { false }
        }
        ch.mode = explicitMode ?? (anyRange ? .random : .fixed)
        return ch
    }

    static func decodePubSub(_ r: YAMLReader) throws -> PubSubSettings {
        var p = PubSubSettings()
        let m = try r.mapping(allowed: [
            "partitions", "buffer_size", "message", "realtime", "time_scale", "slow_delay", "redelivery_delay",
        ])
        if let v = m["partitions"] { p.partitions = try v.int(in: 1...1_000_000) }
        if let v = m["buffer_size"] { p.bufferSize = try v.int(in: 1...100_000_000) }
        if let v = m["message"] { p.message = try decodeMessage(v) }
        if let v = m["realtime"] { p.realtime = try v.bool() }
        if let v = m["time_scale"] { p.timeScale = try v.double(in: 1e-9...1000, what: "a positive factor") }
        if let v = m["slow_delay"] {
            let (lo, hi) = try v.range(in: 0...86_400, what: "seconds")
            p.slowDelay = lo...hi
        }
        if let v = m["redelivery_delay"] {
            let (lo, hi) = try v.range(in: 0...86_400, what: "seconds")
            p.redeliveryDelay = lo...hi
        }
        return p
    }

    static func decodeMessage(_ r: YAMLReader) throws -> MessageSettings {
        var msg = MessageSettings()
        let m = try r.mapping(allowed: ["id_length", "value_range"])
        if let v = m["id_length"] { msg.idLength = try v.int(in: 1...12) }
        if let v = m["value_range"] {
            let expected =
                "a [lo, hi] pair of integers with 0 <= lo < hi <= \(Int32.max) (value is drawn from lo ..< hi)"
            guard case .sequence(let items) = v.node.kind, items.count == 2,
                let lo = try? YAMLReader(items[0], path: "").int(in: 0...Int(Int32.max)),
                let hi = try? YAMLReader(items[1], path: "").int(in: 0...Int(Int32.max)), lo < hi
            else { throw v.fail(expected) }
            msg.valueRange = Int32(lo)..<Int32(hi)
        }
        return msg
    }

    static func decodeStrategies(_ r: YAMLReader, _ issues: ConfigIssues) -> StrategySettings {
        var s = StrategySettings()
        let m = issues.mapping(r, allowed: ["enabled"] + StrategyOptionCatalog.names)
        if let e = m["enabled"] {
            let items: [YAMLReader]
            if case .sequence(let nodes) = e.node.kind {
                items = nodes.enumerated().map { YAMLReader($1, path: "\(e.path)[\($0)]") }
            } else {
                items = [e]
            }
            var names: [String] = []
            for item in items {
                guard let name = issues.read(item, { try $0.string() }) else { continue }
                guard StrategyOptionCatalog.names.contains(name) else {
                    issues.add(
                        item.fail(
                            "a strategy name: one of \(YAMLReader.list(StrategyOptionCatalog.names))"
                                + Suggestion.hint(for: name, in: StrategyOptionCatalog.names)))
                    continue
                }
                guard !names.contains(name) else {
                    issues.add(item.fail("each strategy at most once"))
                    continue
                }
                names.append(name)
            }
            s.enabled = names
        }
        for name in StrategyOptionCatalog.names {
            guard let block = m[name] else { continue }
            let specs = StrategyOptionCatalog.options[name] ?? []
            let opts = issues.mapping(block, allowed: specs.map(\.key))
            var values: [String: JSONValue] = [:]
            for spec in specs {
                guard let o = opts[spec.key] else { continue }
                values[spec.key] = issues.attempt { try validate(o, spec.expected) }
            }
            s.options[name] = values
        }
        return s
    }

    static func validate(_ r: YAMLReader, _ expected: StrategyOptionCatalog.Expected) throws -> JSONValue {
        switch expected {
        case .choice(let names):
            let v = try r.string()
            guard names.contains(v) else { throw r.fail("one of \(YAMLReader.list(names))") }
            return .string(v)
        case .integer(let range):
            return .int(Int64(try r.int(in: range)))
        case .columns:
            let cols = try r.strings()
            for c in cols where !StrategyOptionCatalog.columns.contains(c) {
                throw r.fail("column names from \(YAMLReader.list(StrategyOptionCatalog.columns))", value: c)
            }
            if case .sequence = r.node.kind { return .array(cols.map { .string($0) }) }
            return .string(cols[0])
        }
    }

    static let storageKeys = [
        "codec", "compression_level", "delta_table_path", "target_file_size", "row_group_size", "delta_base_path",
        "multipart_part_bytes", "simulate", "raw_data_path", "retention_days",
    ]

    static func decodeStorage(_ r: YAMLReader, _ issues: ConfigIssues) -> (StorageSettings, [String: YAMLReader]) {
        var s = StorageSettings()
        let m = issues.mapping(r, allowed: storageKeys)
        if let v = m["codec"] {
            if let name = v.scalar?.text, let codec = Codec(name: name) {
                s.codec = codec
            } else {
                issues.add(v.fail("a codec: one of snappy, zstd, gzip, none (or uncompressed)"))
            }
        }
        if let v = m["compression_level"], !v.isNull { s.compressionLevel = issues.read(v) { try $0.int(in: -7...22) } }
        if let v = issues.read(m["delta_table_path"], { try $0.string() }) { s.deltaTablePath = v }
        if let v = issues.read(m["target_file_size"], { try $0.byteSize(in: 1024...(1 << 40)) }) {
            s.targetFileSize = v
        }
        if let v = issues.read(m["row_group_size"], { try $0.byteSize(in: 1024...(1 << 40)) }) { s.rowGroupSize = v }
        if let v = m["delta_base_path"], !v.isNull { s.deltaBasePath = issues.read(v) { try $0.string() } }
        // S3's limits: parts of 5 MiB to 5 GiB.
        if let v = issues.read(m["multipart_part_bytes"], { try $0.byteSize(in: (5 << 20)...(5 << 30)) }) {
            s.multipartPartBytes = v
        }
        if let v = m["simulate"], !v.isNull {
            let sim = issues.mapping(v, allowed: ["latency_ms", "mbps"])
            let latency = issues.read(sim["latency_ms"]) { try $0.double(in: 0...60_000) } ?? 0
            let mbps = issues.read(sim["mbps"]) { try $0.double(in: 0...1_000_000) } ?? 0
            s.simulate = latency == 0 && mbps == 0 ? nil : StoreSimulation(latencyMs: latency, mbps: mbps)
        }
        if let v = m["raw_data_path"], !v.isNull { s.rawDataPath = issues.read(v) { try $0.string() } }
        if let v = m["retention_days"], !v.isNull {
            s.retentionDays = issues.read(v) { try $0.double(in: 0...36_500, what: "a number of days") }
        }
        return (s, m)
    }

    /// Rules that span sections.
    static func crossCheck(_ c: PipelineConfig, _ top: [String: YAMLReader]) throws {
        try EventTimeBounds.check(c, top)
        let message = c.source.kind == .pubsub ? c.pubsub.message : c.synthetic.message
        var capacity = 1
        for _ in 0..<message.idLength { capacity = capacity.multipliedReportingOverflow(by: 36).partialValue }
        if c.source.kind != .file, c.generation.scale > capacity {
            let r =
                (try? top["generation"]?.mapping(allowed: ["scale", "mode", "seed", "start", "rate", "chaos"])["scale"])
                ?? top["generation"]
            throw (r ?? YAMLReader(.emptyMapping(YAMLNode.Origin()), path: "generation.scale")).fail(
                "at most \(capacity) messages: ids of length \(message.idLength) have only 36^\(message.idLength) distinct values",
                value: String(c.generation.scale))
        }
    }
}
