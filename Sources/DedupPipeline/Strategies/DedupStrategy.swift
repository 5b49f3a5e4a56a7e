import DeltaStorage

/// One deduplication strategy (DESIGN §3). Implementations are structs driven generically by the
/// runner (`StrategyKind.accept` switches once at the boundary), so per-batch and per-record code
/// is specialised, never an existential call.
///
/// A run: `init` from the options → the runner creates the table with `partitionColumns` →
/// `start` (rebuild any in-memory state from the table: the table is the truth) → `process` for
/// each micro-batch in delivery order → the verifier checks the table against `expectation`.
public protocol DedupStrategy {
    static var kind: StrategyKind { get }

    /// Builds the strategy for tables whose rows have `schema` (records + hash columns +
    /// partition_date). Throws `StrategyError` for options that do not fit the schema.
    init(options: StrategyOptions, schema: Schema) throws

    /// Partition columns of the strategy's table.
    var partitionColumns: [String] { get }

    /// What the table must contain after the run.
    var expectation: TableExpectation { get }

    /// Loads the strategy's state from the table (reads count as GET requests). `expectedKeys`
    /// (the distinct composite keys this run will deliver, the source's `uniqueIds`) sizes the key
    /// index up front so that it does not grow (a growth holds the old and the new table at once);
    /// a key with more distinct values than that only makes it grow.
    mutating func start(_ table: inout StrategyTable, expectedKeys: Int) throws

    /// Deduplicates and writes one micro-batch (rows in delivery order, table schema), charging
    /// its time to `.dedup` and `.write`.
    mutating func process(_ batch: ColumnBatch, _ table: inout StrategyTable, _ timer: inout PhaseTimer) throws

    /// Called after the runner compacted the table between batches (`maintenance.optimize_every`:
    /// an OPTIMIZE commit, `dataChange: false`, that replaced `result.removed` by `result.added`,
    /// the same rows in other files). A strategy that remembers which file holds a row must
    /// re-point that state here (reads count as GET requests); the default does nothing, right
    /// for strategies that keep no file-level state between batches.
    mutating func tableCompacted(_ result: OptimizeResult, _ table: inout StrategyTable) throws
}

extension DedupStrategy {
    public mutating func tableCompacted(_ result: OptimizeResult, _ table: inout StrategyTable) throws {}
}

/// Receives the concrete strategy type from `StrategyKind.accept` (the single switch).
public protocol StrategyVisitor {
    associatedtype Result
    func visit<S: DedupStrategy>(_ type: S.Type) throws -> Result
}
