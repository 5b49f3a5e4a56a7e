import DedupFormats
import DedupYAML
import DeltaStorage

/// Turns a merged config tree into a `PipelineConfig`, validating every key and value.
enum ConfigDecoder {
    static let sections = [
        "source", "generation", "pubsub", "synthetic", "file", "batches", "hash", "strategies", "storage", "logging",
        "maintenance", "prefect",
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
        var c = PipelineConfig()
        let top = try YAMLReader(tree, path: "").mapping(allowed: sections, hints: sectionHints)
        if let r = top["source"] { try decodeSource(r, into: &c) }
        if let r = top["generation"] { c.generation = try decodeGeneration(r) }
        if let r = top["pubsub"] { c.pubsub = try decodePubSub(r) }
        if let r = top["synthetic"] {
            let m = try r.mapping(allowed: ["partitions", "message"])
            if let p = m["partitions"] { c.synthetic.partitions = try p.int(in: 1...1_000_000) }
            if let msg = m["message"] { c.synthetic.message = try decodeMessage(msg) }
        }
        if let r = top["file"] {
            let m = try r.mapping(allowed: ["path", "quarantine_path", "max_quarantined"])
            if let p = m["path"] { c.file.path = try p.string() }
            if let q = m["quarantine_path"] { c.file.quarantinePath = try q.string() }
            if let q = m["max_quarantined"] { c.file.maxQuarantined = try QuarantineLimit.decode(q) }
        }
        // The seed's `source.path` (and the CLI's --path) wins over `file.path`.
        if let p = top["source"].flatMap({ try? $0.mapping(allowed: sourceKeys)["path"] }) {
            c.file.path = try p.string()
        }
        if let r = top["batches"] { c.batches = try r.int(in: 1...100_000) }
        if let r = top["hash"] {
            let m = try r.mapping(allowed: ["algorithm", "encoding"])
            if let a = m["algorithm"] { c.hash.algorithm = try a.choice(HashAlgorithm.self) }
            if let e = m["encoding"] { c.hash.encoding = try e.choice(HashEncoding.self) }
        }
        if let r = top["strategies"] { c.strategies = try decodeStrategies(r) }
        if let r = top["storage"] { c.storage = try decodeStorage(r) }
        if let r = top["maintenance"] { c.maintenance = try MaintenanceSettings.decode(r) }
        if let r = top["logging"] {
            let m = try r.mapping(allowed: ["level"])
            if let l = m["level"] {
                let s = try l.string()
                guard LoggingSetup.level(named: s) != nil else {
                    throw l.fail("a log level: one of \(YAMLReader.list(LoggingSetup.levelNames))")
                }
                c.logLevel = s
            }
        }
        if let r = top["prefect"] { c.prefect = try PrefectSettings.decode(r) }
        try crossCheck(c, top)
        return c
    }

    static let sourceKeys = ["type", "config_file", "path"]

    static func decodeSource(_ r: YAMLReader, into c: inout PipelineConfig) throws {
        let m = try r.mapping(allowed: sourceKeys)
        if let t = m["type"] {
            let name = try t.string()
            guard let kind = SourceKind(configName: name) else {
                throw t.fail("a source type: one of \(YAMLReader.list(SourceKind.acceptedNames))")
            }
            c.source.kind = kind
        }
        if let f = m["config_file"], !f.isNull { c.source.configFile = try f.string() }
    }

    static func decodeGeneration(_ r: YAMLReader) throws -> GenerationSettings {
        var g = GenerationSettings()
        let m = try r.mapping(allowed: ["scale", "mode", "seed", "start", "rate", "chaos"])
        if let s = m["scale"] { g.scale = try s.int(in: 0...Int.max) }  // the limit is MemoryEstimate's
        if let s = m["mode"] { g.mode = try s.choice(GenerationMode.self) }
        if let s = m["seed"], !s.isNull { g.seed = try s.uint64() }
        if let s = m["start"] {
            if let text = s.scalar?.text, let us = Timestamp.parseISO8601(text) {
                g.startMicros = us
            } else if let secs = try? s.double(in: -1e11...1e11) {
                g.startMicros = Int64((secs * 1e6).rounded())
            } else {
                throw s.fail("an ISO-8601 instant such as 2025-01-13T00:00:00Z, or epoch seconds")
            }
        }
        if let s = m["rate"] {
            g.rate = try s.double(in: 1e-6...1e9, what: "events per second (a positive number)")
        }
        if let s = m["chaos"] { g.chaos = try decodeChaos(s) }
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

    static func decodeStrategies(_ r: YAMLReader) throws -> StrategySettings {
        var s = StrategySettings()
        let m = try r.mapping(allowed: ["enabled"] + StrategyOptionCatalog.names)
        if let e = m["enabled"] {
            let items: [YAMLReader]
            if case .sequence(let nodes) = e.node.kind {
                items = nodes.enumerated().map { YAMLReader($1, path: "\(e.path)[\($0)]") }
            } else {
                items = [e]
            }
            var names: [String] = []
            for item in items {
                let name = try item.string()
                guard StrategyOptionCatalog.names.contains(name) else {
                    throw item.fail("a strategy name: one of \(YAMLReader.list(StrategyOptionCatalog.names))")
                }
                guard !names.contains(name) else { throw item.fail("each strategy at most once") }
                names.append(name)
            }
            s.enabled = names
        }
        for name in StrategyOptionCatalog.names {
            guard let block = m[name] else { continue }
            let specs = StrategyOptionCatalog.options[name] ?? []
            let opts = try block.mapping(allowed: specs.map(\.key))
            var values: [String: JSONValue] = [:]
            for spec in specs {
                guard let o = opts[spec.key] else { continue }
                values[spec.key] = try validate(o, spec.expected)
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

    static func decodeStorage(_ r: YAMLReader) throws -> StorageSettings {
        var s = StorageSettings()
        let m = try r.mapping(allowed: [
            "codec", "compression_level", "delta_table_path", "target_file_size", "row_group_size",
            "delta_base_path", "multipart_part_bytes", "simulate",
        ])
        if let v = m["codec"] {
            guard let name = v.scalar?.text, let codec = Codec(name: name) else {
                throw v.fail("a codec: one of snappy, zstd, gzip, none (or uncompressed)")
            }
            s.codec = codec
        }
        if let v = m["compression_level"], !v.isNull { s.compressionLevel = try v.int(in: -7...22) }
        if let v = m["delta_table_path"] { s.deltaTablePath = try v.string() }
        if let v = m["target_file_size"] { s.targetFileSize = try v.byteSize(in: 1024...(1 << 40)) }
        if let v = m["row_group_size"] { s.rowGroupSize = try v.byteSize(in: 1024...(1 << 40)) }
        if let v = m["delta_base_path"], !v.isNull { s.deltaBasePath = try v.string() }
        // S3's limits: parts of 5 MiB to 5 GiB.
        if let v = m["multipart_part_bytes"] { s.multipartPartBytes = try v.byteSize(in: (5 << 20)...(5 << 30)) }
        if let v = m["simulate"], !v.isNull {
            let sim = try v.mapping(allowed: ["latency_ms", "mbps"])
            let latency = try sim["latency_ms"].map { try $0.double(in: 0...60_000) } ?? 0
            let mbps = try sim["mbps"].map { try $0.double(in: 0...1_000_000) } ?? 0
            s.simulate = latency == 0 && mbps == 0 ? nil : StoreSimulation(latencyMs: latency, mbps: mbps)
        }
        return s
    }

    /// Rules that span sections.
    static func crossCheck(_ c: PipelineConfig, _ top: [String: YAMLReader]) throws {
        if c.source.kind != .file {
            // Event time must stay where Delta readers can read it (years 0001-9999). (Memory is
            // estimated before the run by MemoryEstimate, from the streaming batch size.)
            func fail(_ key: String, _ expected: String, value: String) -> InputError {
                let g = top["generation"]
                let r = (try? g?.mapping(allowed: ["scale", "mode", "seed", "start", "rate", "chaos"])[key]) ?? g
                return r.map { $0.fail(expected, value: value) }
                    ?? InputError(file: "<config>", key: "generation.\(key)", value: value, expected: expected)
            }
            let g = c.generation
            let last = Double(g.startMicros) + Double(max(0, g.scale - 1)) * 1e6 / g.rate
            if !Timestamp.deltaRange.contains(g.startMicros) {
                throw fail("start", "a start within years 0001-9999", value: Timestamp.formatISO8601(micros: g.startMicros))
            }
            if last > Double(Timestamp.deltaRange.upperBound) {
                throw fail(
                    "rate",
                    "a start, rate and scale whose event times stay before 10000-01-01 (the last of \(g.scale) "
                        + "events at \(NumberText.short(g.rate))/s from \(Timestamp.formatISO8601(micros: g.startMicros)) "
                        + "would be past year 9999)",
                    value: NumberText.short(g.rate))
            }
        }
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
