import DedupFormats

/// A chart to draw: from an experiment's `charts:` list or chosen by default from the axes.
///
/// YAML/JSON form: `{type: throughput|storage|cost|phases|hash|line, x: AXIS, series: AXIS | [AXIS],
/// y: METRIC, title: TEXT, log_x: BOOL}`. Every key but `type` is optional. The spec's names
/// `throughput_vs`, `storage_vs`, `cost_vs` are accepted, and an axis may be named by its matrix key
/// (`generation.chaos.dup_prob`) or by its result column (`dup_prob`).
public struct ChartRequest: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        /// Median throughput with 95% bootstrap interval vs `x`, one line per series (bars when no x).
        case throughput
        /// Live table bytes (MB; `y: table_bytes` for bytes on disk before vacuum) vs `x`.
        case storage
        /// S3 storage $/month of the table vs `x`.
        case cost
        /// Stacked bars of generation, hashing, dedup, write (and other) seconds per cell.
        case phases
        /// Bars per hash algorithm, grouped by encoding (default metric `hash_s`).
        case hash
        /// Any metric `y` vs `x`.
        case line
    }

    public var kind: Kind
    public var x: String?
    /// Axes whose values separate the lines; nil means every other varying axis.
    public var series: [String]?
    public var y: String?
    public var title: String?
    /// Force a logarithmic x axis (otherwise chosen when x spans ≥ 100×).
    public var logX: Bool

    public init(kind: Kind, x: String? = nil, series: [String]? = nil, y: String? = nil, title: String? = nil,
                logX: Bool = false) {
        self.kind = kind
        self.x = x
        self.series = series
        self.y = y
        self.title = title
        self.logX = logX
    }

    /// The experiment spec's type names (`throughput_vs`, …) mapped to kinds.
    static let aliases: [String: Kind] = ["throughput_vs": .throughput, "storage_vs": .storage, "cost_vs": .cost]

    /// The metric on the y axis.
    public var metric: String {
        if let y { return y }
        switch kind {
        case .throughput: return "throughput_rps"
        case .storage: return "live_bytes"
        case .cost: return "s3_storage_usd_month"
        case .phases: return "wall_s"
        case .hash: return "hash_s"
        case .line: return "wall_s"
        }
    }

    /// Reads one entry of a `charts:` list; the message names the key and the allowed values.
    public static func parse(_ json: JSONValue) -> Result<ChartRequest, ChartRequestError> {
        guard case .object = json else { return .failure(.init(message: "a chart entry must be a mapping like {type: throughput, x: dup_prob}")) }
        guard let typeText = json["type"]?.text else { return .failure(.init(message: "a chart entry needs a 'type'")) }
        guard let kind = Kind(rawValue: typeText) ?? aliases[typeText] else {
            let allowed = (Kind.allCases.map(\.rawValue) + aliases.keys.sorted()).joined(separator: ", ")
            return .failure(.init(message: "chart type '\(typeText)' is unknown; expected one of \(allowed)"))
        }
        var series: [String]?
        switch json["series"] {
        case let .array(items)?: series = items.map(\.text)
        case let value?: series = [value.text]
        case nil: series = nil
        }
        if kind == .line && json["y"] == nil { return .failure(.init(message: "a 'line' chart needs 'y' (a metric column)")) }
        return .success(ChartRequest(kind: kind, x: json["x"]?.text, series: series, y: json["y"]?.text,
                                     title: json["title"]?.text, logX: json["log_x"] == .bool(true)))
    }
}

/// Why a chart request cannot be drawn (shown in the report; never fatal).
public struct ChartRequestError: Error, Equatable, Sendable {
    public var message: String
}
