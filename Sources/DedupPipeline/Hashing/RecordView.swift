import DeltaStorage

/// Typed access to a batch's base record columns for the hash loops. Holds the column arrays;
/// `withPointers` gives raw pointers for the duration of a chunk.
struct RecordView: @unchecked Sendable {
    let ids: ByteColumn
    let seqs: [Int64]
    let parts: [Int32]
    let created: [Int64]
    let values: [Int32]
    let zips: ByteColumn

    init(_ batch: ColumnBatch) {
        func col(_ name: String) -> ColumnValues {
            guard let c = batch.column(name) else { preconditionFailure("hash columns need column \(name)") }
            return c.values
        }
        guard case .bytes(let ids) = col(RecordSchema.messageId), case .int64(let seqs) = col(RecordSchema.sequenceId),
            case .int32(let parts) = col(RecordSchema.partitionId), case .int64(let created) = col(RecordSchema.createdAt),
            case .int32(let values) = col(RecordSchema.value), case .bytes(let zips) = col(RecordSchema.zipcode)
        else { preconditionFailure("record columns have unexpected types") }
        (self.ids, self.seqs, self.parts, self.created, self.values, self.zips) = (ids, seqs, parts, created, values, zips)
    }

    func withPointers<R>(_ body: (Rows) -> R) -> R {
        ids.bytes.withUnsafeBufferPointer { ib in
            ids.offsets.withUnsafeBufferPointer { io in
                zips.bytes.withUnsafeBufferPointer { zb in
                    zips.offsets.withUnsafeBufferPointer { zo in
                        seqs.withUnsafeBufferPointer { s in
                            parts.withUnsafeBufferPointer { p in
                                created.withUnsafeBufferPointer { c in
                                    values.withUnsafeBufferPointer { v in
                                        body(Rows(ib: ib, io: io, zb: zb, zo: zo, seqs: s, parts: p, created: c, values: v))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Raw pointers to one batch's columns; writes the canonical byte forms of a row.
    struct Rows {
        let ib: UnsafeBufferPointer<UInt8>, io: UnsafeBufferPointer<Int32>
        let zb: UnsafeBufferPointer<UInt8>, zo: UnsafeBufferPointer<Int32>
        let seqs: UnsafeBufferPointer<Int64>, parts: UnsafeBufferPointer<Int32>
        let created: UnsafeBufferPointer<Int64>, values: UnsafeBufferPointer<Int32>

        @inline(__always)
        func copy(_ b: UnsafeBufferPointer<UInt8>, _ o: UnsafeBufferPointer<Int32>, _ row: Int,
                  to out: UnsafeMutablePointer<UInt8>, limit: Int) -> Int {
            let lo = Int(o[row])
            let len = min(Int(o[row + 1]) - lo, limit)
            if len > 0 { (out).update(from: b.baseAddress! + lo, count: len) }
            return len
        }

        /// message_id ‖ decimal(sequence_id) ‖ decimal(partition_id); at most 100 bytes (ids are
        /// capped at 40 bytes here; the file source rejects longer ones).
        @inline(__always)
        func compositeKey(_ row: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
            var n = copy(ib, io, row, to: out, limit: 40)
            n += Decimal.write(seqs[row], to: out + n)
            n += Decimal.write(Int64(parts[row]), to: out + n)
            return n
        }

        /// message_id|sequence_id|partition_id|created_at|value|zipcode; at most 128 bytes.
        @inline(__always)
        func payload(_ row: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
            let bar = UInt8(ascii: "|")
            var n = copy(ib, io, row, to: out, limit: 40)
            out[n] = bar
            n += 1
            n += Decimal.write(seqs[row], to: out + n)
            out[n] = bar
            n += 1
            n += Decimal.write(Int64(parts[row]), to: out + n)
            out[n] = bar
            n += 1
            n += Decimal.write(created[row], to: out + n)
            out[n] = bar
            n += 1
            n += Decimal.write(Int64(values[row]), to: out + n)
            out[n] = bar
            n += 1
            n += copy(zb, zo, row, to: out + n, limit: 16)
            return n
        }
    }
}

/// Decimal text of integers, written in place (at most 20 bytes).
enum Decimal {
    @inline(__always)
    static func write(_ v: Int64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        var u: UInt64
        if v < 0 {
            out[0] = UInt8(ascii: "-")
            n = 1
            u = UInt64(bitPattern: 0 &- v)
        } else {
            u = UInt64(v)
        }
        var digits = 1
        var t = u
        while t >= 10 {
            t /= 10
            digits += 1
        }
        var i = n + digits - 1
        repeat {
            out[i] = 48 &+ UInt8(truncatingIfNeeded: u % 10)
            u /= 10
            i -= 1
        } while u > 0
        return n + digits
    }
}
