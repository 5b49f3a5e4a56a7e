import DedupPipeline
import DedupFormats
import Foundation

/// `manifest.json` beside `results.csv`: what was run, with which prices, on what machine and when.
/// Wall-clock times appear here only, never in the CSV. Keys are snake_case, sorted on write.
public struct Manifest: Codable, Sendable, Equatable {
    /// `ResultColumns.schemaVersion` of the CSV beside it.
    public var schemaVersion: Int
    public var columns: [String]
    public var experiment: ExperimentInfo
    public var prices: PriceInfo
    /// The machine and build that started the results (each session also names its host and commit).
    /// Encoded flat at the top level (`git_commit`, `host`, `cpu_model`, …) for simple readers.
    public var provenance: Provenance
    /// When the first session started and the last one finished (ISO 8601 UTC; nil while running).
    public var started: String
    public var finished: String?
    /// One entry per `dedupbench run` invocation that wrote to these results (resume adds one).
    public var sessions: [Session]
    /// For merged results: the manifests of the inputs, in the order given.
    public var mergedFrom: [Manifest]?

    public struct ExperimentInfo: Codable, Sendable, Equatable {
        enum CodingKeys: String, CodingKey {
            case name, description, file, sha256, base
            case baseSHA256 = "base_sha256"
            case seed, repeats, warmup
            case timeout, retries
            case retryBackoff = "retry_backoff"
            case axes, overrides, cells, runs, charts, volume
        }

        public var name: String
        public var description: String
        public var file: String
        public var sha256: String
        public var base: String
        /// SHA-256 of the base pipeline config file as the runs read it.
        public var baseSHA256: String
        public var seed: UInt64
        public var repeats: Int
        public var warmup: Int
        public var timeout: Double
        public var retries: Int
        public var axes: [String]
        public var overrides: [String]
        public var cells: Int
        public var runs: Int
        public var charts: [ChartSpec]
        /// Seconds before the first retry (doubling each time); nil in manifests written before it
        /// was recorded.
        public var retryBackoff: Double?
        /// The experiment's `volume:` section (nil: none, or a manifest written before it was recorded).
        public var volume: VolumeSpec?
    }

    public struct PriceInfo: Codable, Sendable, Equatable {
        enum CodingKeys: String, CodingKey {
            case name, version
            case asOf = "as_of"
            case file, sha256, table
        }

        public var name: String
        public var version: Int
        public var asOf: String
        public var file: String?
        public var sha256: String?
        public var table: PriceTable
    }

    public struct Session: Codable, Sendable, Equatable {
        enum CodingKeys: String, CodingKey {
            case started, finished
            case commandLine = "command_line"
            case host
            case gitCommit = "git_commit"
            case gitDirty = "git_dirty"
            case experimentSHA256 = "experiment_sha256"
            case executor, jobs, shard
            case runsRecorded = "runs_recorded"
            case runsSkipped = "runs_skipped"
            case interrupted
        }

        public var started: String
        public var finished: String?
        public var commandLine: [String]
        public var host: String
        public var gitCommit: String
        public var gitDirty: Bool
        /// SHA-256 of the experiment file as this session read it (a resumed spec may have grown).
        public var experimentSHA256: String
        public var executor: String
        public var jobs: Int
        public var shard: String?
        public var runsRecorded: Int
        public var runsSkipped: Int
        public var interrupted: Bool
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case columns, experiment, prices, started, finished, sessions
        case mergedFrom = "merged_from"
    }

    public init(
        schemaVersion: Int, columns: [String], experiment: ExperimentInfo, prices: PriceInfo,
        provenance: Provenance, started: String, finished: String?, sessions: [Session],
        mergedFrom: [Manifest]?
    ) {
        self.schemaVersion = schemaVersion
        self.columns = columns
        self.experiment = experiment
        self.prices = prices
        self.provenance = provenance
        self.started = started
        self.finished = finished
        self.sessions = sessions
        self.mergedFrom = mergedFrom
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        columns = try c.decode([String].self, forKey: .columns)
        experiment = try c.decode(ExperimentInfo.self, forKey: .experiment)
        prices = try c.decode(PriceInfo.self, forKey: .prices)
        provenance = try Provenance(from: decoder)
        started = try c.decode(String.self, forKey: .started)
        finished = try c.decodeIfPresent(String.self, forKey: .finished)
        sessions = try c.decode([Session].self, forKey: .sessions)
        mergedFrom = try c.decodeIfPresent([Manifest].self, forKey: .mergedFrom)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(columns, forKey: .columns)
        try c.encode(experiment, forKey: .experiment)
        try c.encode(prices, forKey: .prices)
        try c.encode(started, forKey: .started)
        try c.encode(finished, forKey: .finished)
        try c.encode(sessions, forKey: .sessions)
        try c.encodeIfPresent(mergedFrom, forKey: .mergedFrom)
        try provenance.encode(to: encoder)
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static let decoder: JSONDecoder = {
        JSONDecoder()
    }()

    public func jsonData() throws -> Data {
        var data = try Manifest.encoder.encode(self)
        data.append(0x0A)
        return data
    }

    public static func load(path: String) throws(ResultsError) -> Manifest {
        guard let data = FileManager.default.contents(atPath: path) else { throw .notFound(path: path) }
        do { return try decoder.decode(Manifest.self, from: data) } catch {
            throw .badManifest(path: path, reason: "\(error)")
        }
    }

    /// Writes atomically (temp file + rename), so a reader never sees half a manifest.
    public func write(path: String) throws(ResultsError) {
        let data: Data
        do { data = try jsonData() } catch { throw .badManifest(path: path, reason: "\(error)") }
        let tmp = path + ".tmp"
        guard FileManager.default.createFile(atPath: tmp, contents: data) else {
            throw .io(path: tmp, operation: "write", errno: errno)
        }
        guard rename(tmp, path) == 0 else { throw .io(path: path, operation: "rename", errno: errno) }
    }

    /// ISO 8601 UTC with seconds, e.g. 2025-01-13T10:00:00Z.
    public static func timestamp(_ date: Date = Date()) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
