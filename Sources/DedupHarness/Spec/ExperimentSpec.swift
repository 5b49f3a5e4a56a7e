import DedupPipeline
import DedupFormats

/// A validated experiment file (`experiments/*.yaml`, schema `version: 1`): what to sweep, how many
/// times, and how runs are executed. Load one with `ExperimentSpec.load(path:)`; expand it with
/// `MatrixExpander`. docs/EXPERIMENTS.md documents every key.
public struct ExperimentSpec: Sendable {
    /// The only schema version this build reads.
    public static let supportedVersion = 1

    public var version: Int
    /// Identifier used for the results directory and the `experiment` column (`[A-Za-z0-9._-]+`).
    public var name: String
    public var description: String
    /// The spec file as given by the user, and the SHA-256 of its bytes (recorded in the manifest).
    public var file: String
    public var fileSHA256: String
    public var base: BaseConfig
    public var seed: UInt64
    /// Recorded runs per cell, and unrecorded warm-up runs before them.
    public var repeats: Int
    public var warmup: Int
    /// Per-run timeout in seconds (the child process is killed), retries after a failed attempt, and
    /// the first retry's delay in seconds (doubling on each further retry).
    public var timeout: Double
    public var retries: Int
    public var retryBackoff: Double
    /// Matrix axes in the order written; `strategy` is the special axis passed as `--strategy`.
    public var axes: [Axis]
    /// Groups of axes that move together (equal lengths), instead of forming a product.
    public var zip: [[String]]
    /// Extra cells (full assignments) appended after the product.
    public var include: [[String: JSONValue]]
    /// Patterns (partial assignments) removing matching product cells.
    public var exclude: [[String: JSONValue]]
    /// Price table file for the cost columns (nil: the default table).
    public var prices: String?
    /// Charts the report should draw for this experiment (validated data, drawn by DedupReport).
    public var charts: [ChartSpec]
    /// The volume the report's cost projection assumes (`volume:`; nil: the report's defaults).
    public var volume: VolumeSpec?

    /// Keys with a special meaning in cells.
    public static let strategyKey = "strategy"
}

/// The base pipeline configuration every cell starts from.
public enum BaseConfig: Sendable, Equatable {
    /// A pipeline config file; the path is resolved against the experiment file's folder.
    case path(String)
    /// An inline `pipeline:` mapping, kept as YAML text (written beside the results for each run).
    case inline(yaml: String)
}

/// One matrix axis: a dotted config key (or `strategy`) and its values in order.
public struct Axis: Sendable, Equatable {
    public var key: String
    public var values: [JSONValue]
    /// Where the axis was written (for messages raised after parsing).
    public var line: Int
    public var column: Int

    public init(key: String, values: [JSONValue], line: Int = 0, column: Int = 0) {
        self.key = key
        self.values = values
        self.line = line
        self.column = column
    }
}

/// A chart requested by an experiment; `DedupReport` decides how to draw it.
public struct ChartSpec: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A metric (`y`, default throughput_rps) against `x`, one line per `series`, with error bars.
        case throughputVs = "throughput_vs"
        /// Storage bytes (default live_bytes) against `x`, per `series`.
        case storageVs = "storage_vs"
        /// S3 cost per month (default s3_total_usd) against `x`, per `series`.
        case costVs = "cost_vs"
        /// Time split by phase (gen_s, hash_s, dedup_s, write_s) per `series`.
        case phases
        /// Hash algorithm × encoding comparison.
        case hash
    }

    public var type: Kind
    public var title: String?
    /// X axis: a matrix key (dotted path) or a result column name.
    public var x: String?
    /// One line per value of this key (default `strategy`).
    public var series: String
    /// The result column on the y axis (nil: the type's default).
    public var y: String?
    public var logX: Bool

    public init(
        type: Kind, title: String? = nil, x: String? = nil, series: String = "strategy",
        y: String? = nil, logX: Bool = false
    ) {
        self.type = type
        self.title = title
        self.x = x
        self.series = series
        self.y = y
        self.logX = logX
    }

    enum CodingKeys: String, CodingKey {
        case type, title, x, series, y
        case logX = "log_x"
    }
}
