import DedupPipeline
import DedupFormats

/// One point of an experiment's matrix: the parameters that differ from the base config.
public struct Cell: Sendable, Equatable {
    /// Position in expansion order (0-based; also what `--shard` deals out).
    public var index: Int
    /// Dotted key → value, including `strategy` and any `--set` overrides.
    public var params: [String: JSONValue]
    /// The keys in display order (axes as written, then extra include / override keys).
    public var keys: [String]
    /// First 12 hex digits of SHA-256 of `paramsJSON`: stable across hosts, builds and spec edits
    /// that do not touch this cell.
    public var id: String
    /// Canonical JSON of `params` (the `params` column).
    public var paramsJSON: String

    public init(index: Int, params: [String: JSONValue], keys: [String]) {
        self.init(index: index, params: params, keys: keys, paramsJSON: JSONValue.sortedObject(params).canonicalJSON)
    }

    /// With `paramsJSON` already built (it must equal `JSONValue.sortedObject(params).canonicalJSON`).
    init(index: Int, params: [String: JSONValue], keys: [String], paramsJSON: String) {
        self.index = index
        self.params = params
        self.keys = keys
        self.paramsJSON = paramsJSON
        self.id = Cell.id(of: paramsJSON)
    }

    /// The cell id of a canonical parameter JSON text.
    public static func id(of paramsJSON: String) -> String { RunIdentity.sha256Hex(paramsJSON, digits: 12) }

    /// The strategy this cell runs (every cell has one; expansion checks it).
    public var strategy: String { params[ExperimentSpec.strategyKey]?.text ?? "" }

    /// `key=value` pairs in display order, for logs and the progress line.
    public var label: String {
        keys.compactMap { k in params[k].map { "\(k)=\($0.text)" } }.joined(separator: " ")
    }
}

/// One execution of a cell: a recorded repeat, or an unrecorded warm-up.
public struct PlannedRun: Sendable, Equatable {
    public var cell: Cell
    /// 0-based repeat index (for warm-ups, the warm-up index).
    public var repeatIndex: Int
    public var isWarmup: Bool
    /// Derived from (experiment seed, cell id, repeat); warm-ups use repeat 0's seed.
    public var seed: UInt64
    /// `<cell id>-<repeat>`, unique within the experiment (`warmup` runs get a `-w<k>` suffix).
    public var runID: String
}
