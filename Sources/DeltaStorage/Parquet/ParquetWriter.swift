/// Writes a `ColumnBatch` as a Parquet file (flat schema, data page v1).
public enum ParquetWriter {
    /// Encodes a whole file in memory.
    public static func encode(_ batch: ColumnBatch, options: ParquetWriteOptions) throws -> (
        bytes: [UInt8], info: ParquetFileInfo
    ) {
        throw ParquetError(file: "<memory>", message: "not implemented yet")
    }

    /// Encodes and writes to `path` atomically (temp file in the same directory, fsync, rename).
    public static func write(_ batch: ColumnBatch, to path: String, options: ParquetWriteOptions) throws
        -> ParquetFileInfo
    {
        throw ParquetError(file: path, message: "not implemented yet")
    }
}
