/// Chooses and applies DELTA_BINARY_PACKED for integer columns.
enum DeltaProbe {
    static let sampleRows = 1024

    /// Whether delta encoding of the first rows is under half their PLAIN size.
    static func pays(_ column: Column, _ rows: Range<Int>) -> Bool {
        let sample = rows.lowerBound..<Swift.min(rows.upperBound, rows.lowerBound + sampleRows)
        let nonNull = column.validity.map { v in sample.reduce(0) { $0 + (v[$1] ? 1 : 0) } } ?? sample.count
        guard nonNull >= 16 else { return false }
        let out = OutputBuffer(capacity: 8192)
        switch column.values {
        case .int32:
            encode(column, sample, nonNull: nonNull, into: out)
            return out.count * 2 < nonNull * 4
        case .int64:
            encode(column, sample, nonNull: nonNull, into: out)
            return out.count * 2 < nonNull * 8
        default:
            return false
        }
    }

    /// Encodes the non-null values of `range`.
    static func encode(_ column: Column, _ range: Range<Int>, nonNull: Int, into out: OutputBuffer) {
        switch column.values {
        case .int32(let v): encode(v, range, column.validity, nonNull, out)
        case .int64(let v): encode(v, range, column.validity, nonNull, out)
        default: preconditionFailure("delta encoding applies to integer columns only")
        }
    }

    private static func encode<T: FixedWidthInteger & SignedInteger>(
        _ v: [T], _ range: Range<Int>, _ validity: [Bool]?, _ nonNull: Int, _ out: OutputBuffer
    ) {
        if let validity, nonNull < range.count {
            var packed: [T] = []
            packed.reserveCapacity(nonNull)
            for i in range where validity[i] { packed.append(v[i]) }
            packed.withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: out) }
        } else {
            v.withUnsafeBufferPointer { DeltaBinaryPacked.encode(UnsafeBufferPointer(rebasing: $0[range]), into: out) }
        }
    }
}
