#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bronze demo table and a timed write of it (used by `lake write-demo` and `lake bench`).
public enum DeltaBenchmark {
    public static let partitionColumn = "partition_date"

    /// `ParquetBenchmark.bronzeBatch` plus `partition_date`, the UTC date of `created_at`
    /// (1.1M rows span several dates).
    public static func bronzeBatch(rows: Int, seed: UInt64) -> ColumnBatch {
        let base = ParquetBenchmark.bronzeBatch(rows: rows, seed: seed)
        var days = [Int32](repeating: 0, count: base.rowCount)
        if let idx = base.schema.index(of: "created_at"), case .int64(let ts) = base.columns[idx].values {
            ts.withUnsafeBufferPointer { src in
                days.withUnsafeMutableBufferPointer { dst in
                    for i in 0..<src.count { dst[i] = Int32(DeltaDateTime.floorDiv(src[i], 86_400_000_000)) }
                }
            }
        }
        return ColumnBatch(
            schema: Schema(base.schema.fields + [Field(partitionColumn, .date)]),
            columns: base.columns + [Column(.int32(days))])
    }

    /// Bytes of a batch in memory (values plus string offsets), the "input size" of throughput figures.
    public static func inputBytes(_ batch: ColumnBatch) -> Int {
        batch.columns.reduce(0) { total, c in
            switch c.values {
            case .int32(let v): total + 4 * v.count
            case .int64(let v): total + 8 * v.count
            case .double(let v): total + 8 * v.count
            case .boolean(let v): total + v.count
            case .bytes(let b): total + b.bytes.count + 4 * b.count
            }
        }
    }

    public struct Measurement: Sendable {
        public var seconds: Double
        /// CPU time (user + system, all threads) of the write; with 2 idle cores wall ≈ cpu / 2.
        public var cpuSeconds: Double
        public var commit: CommitResult
        public var usage: TableUsage
    }

    /// Creates a table at `path` (which must not hold one) and appends `batch`, timing both.
    public static func writeTable(
        _ batch: ColumnBatch, at path: String, partitionColumns: [String], options: DeltaWriteOptions
    ) throws -> Measurement {
        let cpuStart = cpuSeconds()
        let start = monotonicSeconds()
        let table = try DeltaTable.create(
            at: path, schema: batch.schema, partitionColumns: partitionColumns, options: options)
        let commit = try table.append(batch)
        let seconds = monotonicSeconds() - start
        let cpu = cpuSeconds() - cpuStart
        return Measurement(seconds: seconds, cpuSeconds: cpu, commit: commit, usage: try table.usage())
    }

    /// Removes a directory tree (the CLI clears its benchmark output between runs).
    public static func removeTree(_ path: String) { FileSystem.removeTree(path) }

    /// User + system CPU time of this process so far.
    public static func cpuSeconds() -> Double {
        var u = rusage()
        #if canImport(Glibc)
            getrusage(RUSAGE_SELF.rawValue, &u)
        #else
            getrusage(RUSAGE_SELF, &u)
        #endif
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }

    public static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
