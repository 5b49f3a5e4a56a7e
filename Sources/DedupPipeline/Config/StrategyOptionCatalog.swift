/// The strategy names and option keys a config may use (the seed's, plus `delta_merge`), with
/// the values each option accepts. Validation lives here so the strategies module receives only
/// well-formed options; their meaning lives with the strategies.
public enum StrategyOptionCatalog {
    /// The kinds of value an option accepts.
    public enum Expected: Sendable, Equatable {
        /// One of these strings.
        case choice([String])
        /// A column name, or a list of them (from `columns`).
        case columns
        /// An integer in the range.
        case integer(ClosedRange<Int>)
    }

    /// Strategy names in their documented order (the strategies module's `StrategyKind`).
    public static let names = StrategyKind.allCases.map(\.rawValue)

    /// Columns an option may name: the record's, the derived partition date and the hash columns.
    public static let columns =
        RecordSchema.base.names + [RecordSchema.partitionDate, "composite_hash", "payload_hash"]

    /// Options per strategy, with what each accepts.
    public static let options: [String: [(key: String, expected: Expected)]] = [
        "bronze_append": [
            ("partition_by", .columns), ("hash_algorithm", .choice(HashAlgorithm.allCases.map(\.rawValue))),
        ],
        "polars_merge": [("dedup_key", .columns), ("sort_by", .columns), ("keep", .choice(["first", "last"]))],
        "eager_dedup": [
            ("hash_algorithm", .choice(HashAlgorithm.allCases.map(\.rawValue))),
            ("write_mode", .choice(["append", "overwrite"])),
        ],
        "delta_merge": [("merge_key", .columns), ("partition_by", .columns), ("key_buckets", .integer(1...65_536))],
    ]
}
