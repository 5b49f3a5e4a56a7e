/// Receives a column chunk's values page by page, straight from the decompressed pages (no
/// `ColumnBatch` is built): what a reader needs when it only folds values into something, such as
/// the verifier's row digests. Every pointer is valid only during the call that hands it over.
public protocol PageVisitor {
    /// The chunk's dictionary of a BYTE_ARRAY column (before its first data page): later
    /// `.dictionary` pages index into these entries. Fixed-width dictionaries are resolved by the
    /// reader and arrive as `.fixed32`/`.fixed64` values.
    mutating func dictionary(_ entries: ByteArrays) throws

    /// One data page: `rows` rows, of which `levels` (nil when none is null) marks the present ones
    /// (1) and the nulls (0); `values` holds the present rows' values in row order.
    mutating func page(_ values: PageValues, rows: Int, levels: UnsafePointer<UInt32>?) throws
}

/// The present values of one data page, in the column's physical layout.
public enum PageValues {
    /// INT32 values (integer, date): 4 little-endian bytes each, possibly unaligned.
    case fixed32(UnsafeRawBufferPointer)
    /// INT64 values (long, timestamp) or DOUBLE bit patterns: 8 little-endian bytes each, possibly unaligned.
    case fixed64(UnsafeRawBufferPointer)
    case boolean(UnsafeBufferPointer<Bool>)
    /// BYTE_ARRAY values (string, binary).
    case bytes(ByteArrays)
    /// Indices into the entries of the chunk's `dictionary(_:)` call, each checked to be in range.
    case dictionary(UnsafeBufferPointer<UInt32>)
}

extension PageValues {
    /// Moves the `present` values packed at the start of `dst` to their rows, back to front and in
    /// place, and writes `null` into the rows whose definition level is 0 (`levels`: one level a row,
    /// as `PageVisitor.page` hands them over).
    @inlinable
    public static func scatter<T>(
        _ dst: UnsafeMutablePointer<T>, present: Int, rows: Int, levels: UnsafePointer<UInt32>, null: T
    ) {
        var src = present - 1
        var k = rows - 1
        while k >= 0 {
            if levels[k] != 0 {
                dst[k] = dst[src]
                src -= 1
            } else {
                dst[k] = null
            }
            k -= 1
        }
    }
}

/// PLAIN BYTE_ARRAY values in place (Parquet: 4-byte little-endian length, then the bytes), with
/// each value's position checked against the page: value `i` is the bytes
/// `base + starts[i] + 4 ..< base + starts[i + 1]`.
public struct ByteArrays {
    public let base: UnsafeRawPointer
    /// `count + 1` offsets into `base`: where each value's length prefix starts, then the end.
    public let starts: UnsafePointer<Int32>
    public let count: Int

    /// The bytes of value `i` (0 ≤ i < count).
    @inlinable @inline(__always)
    public func value(_ i: Int) -> (pointer: UnsafePointer<UInt8>, count: Int) {
        let s = Int(starts[i]) &+ 4
        return ((base + s).assumingMemoryBound(to: UInt8.self), Int(starts[i &+ 1]) &- s)
    }
}
