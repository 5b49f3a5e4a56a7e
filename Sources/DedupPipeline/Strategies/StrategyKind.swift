/// The pluggable strategies, by their config names (the seed's, plus `delta_merge`).
/// Adding a strategy = one file with a `DedupStrategy` + one case here (and its line in `accept`).
public enum StrategyKind: String, CaseIterable, Sendable, Codable {
    case bronzeAppend = "bronze_append"
    case polarsMerge = "polars_merge"
    case eagerDedup = "eager_dedup"
    case deltaMerge = "delta_merge"

    /// One line for `dedupbench list` and help texts.
    public var summary: String {
        switch self {
        case .bronzeAppend: "append every record with both hash columns, partitioned by date; duplicates kept"
        case .polarsMerge:
            "per batch keep last/first per dedup_key by sort_by, then upsert (copy-on-write of touched files)"
        case .eagerDedup: "drop records whose composite hash is already in the batch or the table, then append"
        case .deltaMerge:
            "Delta MERGE per batch: rewrite only files holding matched keys (stats pruning, clustered files)"
        }
    }

    /// Calls `visitor` with this kind's concrete type: the one switch over strategies.
    public func accept<V: StrategyVisitor>(_ visitor: V) throws -> V.Result {
        switch self {
        case .bronzeAppend: try visitor.visit(BronzeAppend.self)
        case .polarsMerge: try visitor.visit(PolarsMerge.self)
        case .eagerDedup: try visitor.visit(EagerDedup.self)
        case .deltaMerge: try visitor.visit(DeltaMerge.self)
        }
    }

    /// Names a user may type, for error messages.
    public static var names: [String] { allCases.map(\.rawValue) }
}
