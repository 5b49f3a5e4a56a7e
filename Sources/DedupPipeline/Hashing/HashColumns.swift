import CCrypto
import CXXHash
import DeltaStorage

/// The two hash columns every strategy adds (DESIGN §1, docs/HASHING.md):
/// - `composite_hash = H(message_id ‖ decimal(sequence_id) ‖ decimal(partition_id))` — the seed's
///   key, concatenated without separators (Polars `concat_str` default), so `printf '%s%d%d'` piped
///   into `sha256sum` reproduces it;
/// - `payload_hash = H(message_id|sequence_id|partition_id|created_at|value|zipcode)` — the base
///   record's fields in schema order, integers in decimal (created_at as µs since the epoch),
///   separated by `|`. Delivery columns (arrival_ts, arrival_index) are not part of the payload, so
///   a redelivery has the same payload hash as its original.
public enum HashColumns {
    public static let compositeName = "composite_hash"
    public static let payloadName = "payload_hash"

    /// The two fields, non-nullable: `.string` for hex, `.binary` for binary.
    public static func fields(encoding: HashEncoding) -> [Field] {
        let t: ColumnType = encoding == .hex ? .string : .binary
        return [Field(compositeName, t, nullable: false), Field(payloadName, t, nullable: false)]
    }

    /// `records` with the two hash columns appended.
    public static func appending(to records: ColumnBatch, algorithm: HashAlgorithm, encoding: HashEncoding)
        -> ColumnBatch
    {
        let (c, p) = compute(records, algorithm: algorithm, encoding: encoding)
        return ColumnBatch(
            schema: Schema(records.schema.fields + fields(encoding: encoding)), columns: records.columns + [c, p])
    }

    /// Both hash columns for `records` (which must hold the `RecordSchema.base` columns), computed on
    /// all cores. hex → `.bytes` of lowercase hex text, binary → `.bytes` of raw digests.
    public static func compute(_ records: ColumnBatch, algorithm: HashAlgorithm, encoding: HashEncoding) -> (
        composite: Column, payload: Column
    ) {
        let view = RecordView(records)
        let n = records.rowCount
        let width = encoding.width(algorithm)
        var composite = RecordGenerator.uninitialized(UInt8.self, n * width)
        var payload = RecordGenerator.uninitialized(UInt8.self, n * width)
        composite.withUnsafeMutableBufferPointer { cb in
            payload.withUnsafeMutableBufferPointer { pb in
                guard n > 0 else { return }
                let cp = SendablePointer(cb.baseAddress!)
                let pp = SendablePointer(pb.baseAddress!)
                parallelChunks(count: n, minimumChunk: 8192) { range in
                    view.withPointers { rows in
                        Digest.hexTable.withUnsafeBufferPointer { table in
                            let hex = table.baseAddress!
                            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { scratch in
                                let s = scratch.baseAddress!
                                for row in range {
                                    let kl = rows.compositeKey(row, into: s)
                                    Digest.write(
                                        algorithm, encoding, s, kl, to: cp.base + row * width, scratch: s + 128,
                                        hex: hex)
                                    let pl = rows.payload(row, into: s)
                                    Digest.write(
                                        algorithm, encoding, s, pl, to: pp.base + row * width, scratch: s + 128,
                                        hex: hex)
                                }
                            }
                        }
                    }
                }
            }
        }
        let offsets = RecordGenerator.fixedOffsets(count: n, width: width)
        return (
            Column(.bytes(ByteColumn(bytes: composite, offsets: offsets))),
            Column(.bytes(ByteColumn(bytes: payload, offsets: offsets)))
        )
    }

    /// The composite key bytes of one row (what `composite_hash` digests).
    public static func compositeKey(_ records: ColumnBatch, row: Int) -> [UInt8] {
        RecordView(records).withPointers { rows in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { s in
                Array(UnsafeBufferPointer(start: s.baseAddress!, count: rows.compositeKey(row, into: s.baseAddress!)))
            }
        }
    }

    /// The canonical payload bytes of one row (what `payload_hash` digests).
    public static func canonicalPayload(_ records: ColumnBatch, row: Int) -> [UInt8] {
        RecordView(records).withPointers { rows in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { s in
                Array(UnsafeBufferPointer(start: s.baseAddress!, count: rows.payload(row, into: s.baseAddress!)))
            }
        }
    }
}
