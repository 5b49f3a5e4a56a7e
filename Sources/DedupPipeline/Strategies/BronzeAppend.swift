import DeltaStorage

/// `bronze_append`: every record plus both hash columns, appended batch by batch and partitioned
/// by `partition_by` (default `partition_date`). Duplicates stay in the table, queryable.
public struct BronzeAppend: DedupStrategy {
    public static let kind = StrategyKind.bronzeAppend
    public let partitionColumns: [String]

    public init(options: StrategyOptions, schema: Schema) throws {
        partitionColumns = try options.columns("partition_by", default: [RecordSchema.partitionDate], in: schema)
    }

    public var expectation: TableExpectation { .everyRecord }

    public mutating func start(_ table: inout StrategyTable, expectedKeys: Int) throws {}

    public mutating func process(_ batch: ColumnBatch, _ table: inout StrategyTable, _ timer: inout PhaseTimer) throws {
        try timer.measure(.write) { _ = try table.append(batch) }
    }
}
