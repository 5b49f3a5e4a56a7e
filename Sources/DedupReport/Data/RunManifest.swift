import DedupFormats
import DedupHarness
import Foundation

/// The provenance written beside a results file (`manifest.json`): where, when and from what the
/// runs came. Keys are looked up under a few spellings (flat or nested) so the reader tolerates
/// small layout changes; anything missing is simply not shown.
public struct RunManifest: Sendable {
    public var path: String
    public var json: JSONValue
    /// The experiment's `volume:` section (cost projection): recorded in the manifest
    /// (`experiment.volume`, checked at load), or read later from the experiment file by
    /// `ProjectionSettings.readExperimentFiles`. nil: none.
    public var volume: VolumeSpec?
    /// Where `volume` came from, said beside each assumption in the report.
    public var volumeOrigin: VolumeOrigin?

    /// Where an experiment's volume settings were read.
    public enum VolumeOrigin: Sendable, Equatable {
        /// Recorded in this manifest when the runs were made (from the experiment file it names).
        case manifest(experimentFile: String)
        /// Read from the experiment file at report time (the manifest predates `volume`).
        case experimentFile(String)

        /// The file the lines refer to.
        public var file: String {
            switch self {
            case .manifest(let f), .experimentFile(let f): f
            }
        }
    }

    public init(path: String, json: JSONValue) {
        self.path = path
        self.json = json
    }

    /// Reads `manifest.json`; throws with the file and line when it is not valid JSON.
    public static func load(path: String) throws(ReportInputError) -> RunManifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReportInputError(path: path, message: "cannot read the manifest")
        }
        let json: JSONValue
        do { json = try JSONParser.parse(Array(data)) } catch {
            throw ReportInputError(
                path: path, line: error.line,
                message: "\(error.message) (expected the JSON manifest written by `dedupbench run`)")
        }
        guard case .object = json else {
            throw ReportInputError(
                path: path, line: 1,
                message: "the manifest is not a JSON object (expected the JSON manifest written by `dedupbench run`)")
        }
        var manifest = RunManifest(path: path, json: json)
        if let section = json.lookup("experiment.volume"), section != .null {
            manifest.volume = try volume(section, path: path)
            manifest.volumeOrigin = .manifest(experimentFile: manifest.experimentFile ?? "the experiment file")
        }
        return manifest
    }

    /// `experiment.volume` as `dedupbench run` records it (`VolumeSpec`'s JSON), each value checked by
    /// the experiment file's rules: a hand-edited manifest never feeds the projection a wrong value.
    static func volume(_ section: JSONValue, path: String) throws(ReportInputError) -> VolumeSpec {
        func bad(_ key: String, _ value: JSONValue?, _ expected: String) -> ReportInputError {
            ReportInputError(path: path, key: "experiment.volume" + (key.isEmpty ? "" : ".\(key)"),
                             message: (value.map { "got '\($0.text)'; " } ?? "unknown key; ") + "expected \(expected)")
        }
        guard let members = section.objectMembers else { throw bad("", section, "an object of volume settings") }
        var v = VolumeSpec()
        for (key, value) in members.sorted(by: { $0.key < $1.key }) {
            if key == "lines" {
                guard let lines = value.objectMembers else { throw bad(key, value, "an object of key → line") }
                for (k, l) in lines {
                    guard VolumeSpec.keys.contains(k), let n = l.numberValue, n >= 0, n == n.rounded() else {
                        throw bad("lines.\(k)", l, "a line number of one of: \(VolumeSpec.keys.joined(separator: ", "))")
                    }
                    v.lines[k] = Int(n)
                }
                continue
            }
            guard VolumeSpec.keys.contains(key) else {
                throw bad(key, nil, "one of: \(VolumeSpec.keys.joined(separator: ", ")), lines")
            }
            guard let n = value.numberValue else { throw bad(key, value, "a number") }
            if let expected = VolumeSpec.check(key, n) { throw bad(key, value, expected) }
            switch key {
            case "events_per_day": v.eventsPerDay = n
            case "duplicate_rate": v.duplicateRate = n
            case "retention_days": v.retentionDays = n
            case "batch_interval_s": v.batchIntervalSeconds = n
            default: v.vacuumRetentionDays = n
            }
        }
        return v
    }

    /// The first of `keys` present, as display text.
    public func string(_ keys: [String]) -> String? {
        for key in keys {
            if let value = json.lookup(key), value != .null {
                let text = value.text
                if !text.isEmpty { return text }
            }
        }
        return nil
    }

    public var gitCommit: String? { string(["git.commit", "git_commit", "commit", "provenance.git.commit"]) }
    public var gitDirty: Bool? {
        for key in ["git.dirty", "git_dirty", "dirty", "provenance.git.dirty"] {
            if case let .bool(b)? = json.lookup(key) { return b }
        }
        return nil
    }
    public var host: String? { string(["host", "hostname", "machine.host", "machine.hostname"]) }
    public var cpuModel: String? { string(["cpu_model", "cpu.model", "machine.cpu_model", "machine.cpu.model", "cpu"]) }
    public var cores: String? { string(["cores", "cpu_cores", "cpu.cores", "machine.cores", "machine.cpu_cores"]) }
    public var memoryBytes: Double? {
        for key in ["memory_bytes", "memory", "machine.memory_bytes", "machine.memory"] {
            if let v = json.lookup(key)?.numberValue { return v }
        }
        return nil
    }
    public var os: String? { string(["os", "os_version", "machine.os", "system.os"]) }
    public var swiftVersion: String? { string(["swift_version", "swift", "toolchain.swift"]) }
    public var buildConfiguration: String? { string(["build_configuration", "build_config", "configuration", "build"]) }
    public var experimentName: String? { string(["experiment.name", "experiment_name", "experiment"]) }
    public var experimentFile: String? { string(["experiment.file", "experiment.path", "experiment_file", "experiment_path"]) }
    public var experimentHash: String? {
        string(["experiment.sha256", "experiment.hash", "experiment_file_hash", "experiment_sha256", "experiment_hash"])
    }
    public var priceTable: String? { string(["price_table.name", "prices.name", "price_table", "price_table_name"]) }
    public var priceTableVersion: String? {
        guard let v = string(["price_table.version", "prices.version", "price_table_version", "prices_version"]) else { return nil }
        return string(["prices.as_of", "price_table.as_of"]).map { "\(v) (\($0))" } ?? v
    }
    public var startedAt: String? { string(["started_at", "started", "start_time"]) }
    public var finishedAt: String? { string(["finished_at", "finished", "end_time"]) }
    public var schemaVersion: Int? {
        for key in ["schema_version", "results_schema_version", "results.schema_version"] {
            if let v = json.lookup(key)?.numberValue { return Int(v) }
        }
        return nil
    }

    /// Chart requests carried from the experiment spec (`charts: [{type, x, series, y, title}]`).
    public var charts: [JSONValue] {
        for key in ["charts", "experiment.charts", "report.charts"] {
            if case let .array(items)? = json.lookup(key) { return items }
        }
        return []
    }

    /// A one-line machine description, used to warn when two result sets come from different hardware.
    public var machineSignature: String? {
        guard cpuModel != nil || cores != nil else { return nil }
        return "\(cpuModel ?? "unknown CPU") (\(cores ?? "?") cores)"
    }
}
