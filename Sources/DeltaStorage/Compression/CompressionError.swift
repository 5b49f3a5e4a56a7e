/// A codec library reported a failure (the Parquet layer wraps it in a `ParquetError` naming the file).
struct CompressionError: Error, CustomStringConvertible {
    var codec: Codec
    var message: String
    var description: String { "\(codec.rawValue): \(message)" }
}
