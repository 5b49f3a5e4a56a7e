/// Compression codec of a Parquet file's pages (one codec for the whole file).
public enum Codec: String, Sendable, CaseIterable, Codable {
    case uncompressed, snappy, gzip, zstd

    /// Parses a codec name case-insensitively; `"none"` is a synonym of `uncompressed`.
    public init?(name: String) {
        let n = name.lowercased()
        if n == "none" {
            self = .uncompressed
        } else if let c = Codec(rawValue: n) {
            self = c
        } else {
            return nil
        }
    }

    /// The Thrift `CompressionCodec` enum value.
    var thriftValue: Int32 {
        switch self {
        case .uncompressed: 0
        case .snappy: 1
        case .gzip: 2
        case .zstd: 6
        }
    }
}

/// A statistics value: ints (integer, long, date, timestamp), doubles, raw bytes (string, binary), bools.
public enum StatValue: Sendable, Equatable {
    case int(Int64)
    case double(Double)
    case bytes([UInt8])
    case bool(Bool)
}

/// Per-column statistics. `min`/`max` are nil when every value is null; strings and binary are
/// ordered as unsigned bytes; NaN doubles are ignored.
public struct ColumnStatistics: Sendable, Equatable {
    public var nullCount: Int
    public var min: StatValue?
    public var max: StatValue?

    public init(nullCount: Int, min: StatValue?, max: StatValue?) {
        self.nullCount = nullCount
        self.min = min
        self.max = max
    }
}

/// Which columns try a dictionary encoding.
public enum DictionaryPolicy: Sendable, Equatable {
    /// Try string/binary and integer columns; fall back to PLAIN when the dictionary grows too large
    /// or does not make the chunk smaller.
    case auto
    /// Always PLAIN.
    case never
    /// Try only the named columns (same fallback rules as `auto`).
    case only(Set<String>)
}

/// How `ParquetWriter` lays out and compresses a file.
public struct ParquetWriteOptions: Sendable {
    public var codec: Codec
    /// Codec level; the codec's default when nil (ignored by snappy).
    public var compressionLevel: Int32?
    /// Target uncompressed value bytes per data page.
    public var pageSizeBytes: Int
    /// Target uncompressed bytes per row group.
    public var rowGroupSizeBytes: Int
    /// A dictionary larger than this (PLAIN bytes) makes the chunk fall back to PLAIN.
    public var dictionaryPageSizeLimit: Int
    public var dictionaryColumns: DictionaryPolicy
    /// Encode column chunks concurrently on all cores.
    public var parallel: Bool
    /// INT32/INT64/timestamp/date chunks without a dictionary use DELTA_BINARY_PACKED when a sample
    /// shows it halves PLAIN (sequences, event times). Readers: pyarrow, polars, duckdb, delta-rs,
    /// Spark ≥ 3.3. Turn off for older readers.
    public var deltaEncoding: Bool
    /// A column chunk whose first data page shrinks by less than this fraction is stored
    /// uncompressed (Parquet records the codec per column chunk). Random hashes compress by ~3 %
    /// with snappy at a large CPU cost; 0 always compresses.
    public var minimumCompressionSavings: Double
    /// `write` fsyncs the file before renaming it into place (crash durability). Turning it off keeps
    /// the atomic rename (no half file is ever visible) but leaves flushing to the kernel.
    public var syncToDisk: Bool

    public init(
        codec: Codec = .snappy,
        compressionLevel: Int32? = nil,
        pageSizeBytes: Int = 1 << 20,
        rowGroupSizeBytes: Int = 128 << 20,
        dictionaryPageSizeLimit: Int = 1 << 20,
        dictionaryColumns: DictionaryPolicy = .auto,
        parallel: Bool = true,
        deltaEncoding: Bool = true,
        minimumCompressionSavings: Double = 0.05,
        syncToDisk: Bool = true
    ) {
        self.codec = codec
        self.compressionLevel = compressionLevel
        self.pageSizeBytes = pageSizeBytes
        self.rowGroupSizeBytes = rowGroupSizeBytes
        self.dictionaryPageSizeLimit = dictionaryPageSizeLimit
        self.dictionaryColumns = dictionaryColumns
        self.parallel = parallel
        self.deltaEncoding = deltaEncoding
        self.minimumCompressionSavings = minimumCompressionSavings
        self.syncToDisk = syncToDisk
    }
}

/// What a written file contains: rows, size, and file-level statistics (one per schema field).
public struct ParquetFileInfo: Sendable {
    public var rowCount: Int
    public var byteCount: Int
    public var columnStatistics: [ColumnStatistics]

    public init(rowCount: Int, byteCount: Int, columnStatistics: [ColumnStatistics]) {
        self.rowCount = rowCount
        self.byteCount = byteCount
        self.columnStatistics = columnStatistics
    }
}

/// A Parquet read or write failure, naming the file.
public struct ParquetError: Error, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
