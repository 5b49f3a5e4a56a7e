import DedupFormats

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where commit and file timestamps come from. Inject `.fixed` for byte-for-byte reproducible
/// tables; `.system` (the default) reads the real-time clock. Values are always 13-digit
/// milliseconds, so the width of the log does not depend on the clock.
public struct DeltaClock: Sendable {
    public var millis: @Sendable () -> Int64

    public init(millis: @escaping @Sendable () -> Int64) { self.millis = millis }

    public static let system = DeltaClock {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return min(max(Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000, 1_000_000_000_000), 9_999_999_999_999)
    }

    /// Always returns `ms` (must have 13 digits, i.e. between 2001-09-09 and 2286-11-20).
    public static func fixed(_ ms: Int64) -> DeltaClock {
        precondition((1_000_000_000_000...9_999_999_999_999).contains(ms), "fixed clock needs 13-digit milliseconds")
        return DeltaClock { ms }
    }
}

/// How `DeltaTable` writes data files and commits.
public struct DeltaWriteOptions: Sendable {
    /// Parquet layout and codec of every data file (files are also written concurrently).
    public var parquet: ParquetWriteOptions
    /// Split a partition's rows into files of at most this many rows (nil = no limit).
    public var targetFileRows: Int?
    /// Split a partition's rows into files of about this many bytes, estimated from the in-memory
    /// (uncompressed) size of the rows (nil = no limit).
    public var targetFileBytes: Int?
    /// When set, data file names and the metaData id come from a SplitMix64 generator seeded with
    /// this value (and the version being written), so the same seed gives the same log bytes.
    public var seed: UInt64?
    /// Source of commit and modification timestamps.
    public var clock: DeltaClock
    /// fsync each data file before committing (the commit file is always fsynced).
    public var syncDataFiles: Bool
    /// Commit attempts after the first when another writer took the version (delta-rs uses 15).
    public var maxRetries: Int
    /// Testing hook: called just before each attempt to publish a commit, with the version tried.
    public var beforePublish: (@Sendable (Int) -> Void)?

    public init(
        parquet: ParquetWriteOptions = ParquetWriteOptions(), targetFileRows: Int? = nil, targetFileBytes: Int? = nil,
        seed: UInt64? = nil, clock: DeltaClock = .system, syncDataFiles: Bool = true, maxRetries: Int = 15,
        beforePublish: (@Sendable (Int) -> Void)? = nil
    ) {
        self.parquet = parquet
        self.targetFileRows = targetFileRows
        self.targetFileBytes = targetFileBytes
        self.seed = seed
        self.clock = clock
        self.syncDataFiles = syncDataFiles
        self.maxRetries = maxRetries
        self.beforePublish = beforePublish
    }
}
