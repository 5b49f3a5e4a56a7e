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
            case .int32(let parts) = col(RecordSchema.partitionId),
            case .int64(let created) = col(RecordSchema.createdAt),
            case .int32(let values) = col(RecordSchema.value), case .bytes(let zips) = col(RecordSchema.zipcode)
        else { preconditionFailure("record columns have unexpected types") }
        (self.ids, self.seqs, self.parts, self.created, self.values, self.zips) = (
            ids, seqs, parts, created, values, zips
        )
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
                                        Decimal.pairs.withUnsafeBufferPointer { d in
                                            body(
                                                Rows(
                                                    ib: ib, io: io, zb: zb, zo: zo, seqs: s, parts: p, created: c,
                                                    values: v, pairs: d.baseAddress!))
                                        }
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
        let pairs: UnsafePointer<UInt8>

        @inline(__always)
        func copy(
            _ b: UnsafeBufferPointer<UInt8>, _ o: UnsafeBufferPointer<Int32>, _ row: Int,
            to out: UnsafeMutablePointer<UInt8>, limit: Int
        ) -> Int {
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
            n += Decimal.write(seqs[row], to: out + n, pairs: pairs)
            n += Decimal.write(Int64(parts[row]), to: out + n, pairs: pairs)
            return n
        }

        /// message_id|sequence_id|partition_id|created_at|value|zipcode; at most 128 bytes.
        @inline(__always)
        func payload(_ row: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
            let bar = UInt8(ascii: "|")
            var n = copy(ib, io, row, to: out, limit: 40)
            out[n] = bar
            n += 1
            n += Decimal.write(seqs[row], to: out + n, pairs: pairs)
            out[n] = bar
            n += 1
            n += Decimal.write(Int64(parts[row]), to: out + n, pairs: pairs)
            out[n] = bar
            n += 1
            n += Decimal.write(created[row], to: out + n, pairs: pairs)
            out[n] = bar
            n += 1
            n += Decimal.write(Int64(values[row]), to: out + n, pairs: pairs)
            out[n] = bar
            n += 1
            n += copy(zb, zo, row, to: out + n, limit: 16)
            return n
        }
    }
}

/// Decimal text of integers, written in place (at most 20 bytes), two digits per step from a
/// 200-byte pair table (the hash loops spend most of their non-digest time here).
enum Decimal {
    static let pairs: [UInt8] = {
        var t: [UInt8] = []
        for v in 0..<100 {
            t.append(UInt8(48 + v / 10))
            t.append(UInt8(48 + v % 10))
        }
        return t
    }()

    /// Writes `v` (< 10^8) without leading zeros; returns the digit count.
    @inline(__always)
    static func writeSmall(_ v: UInt32, to out: UnsafeMutablePointer<UInt8>, pairs: UnsafePointer<UInt8>) -> Int {
        let digits =
            v < 10
            ? 1
            : v < 100 ? 2 : v < 1000 ? 3 : v < 10_000 ? 4 : v < 100_000 ? 5 : v < 1_000_000 ? 6 : v < 10_000_000 ? 7 : 8
        var u = v
        var i = digits
        while u >= 100 {
            let r = Int(u % 100) &* 2
            u /= 100
            i -= 2
            out[i] = pairs[r]
            out[i + 1] = pairs[r + 1]
        }
        if u >= 10 {
            out[0] = pairs[Int(u) &* 2]
            out[1] = pairs[Int(u) &* 2 + 1]
        } else {
            out[0] = 48 &+ UInt8(truncatingIfNeeded: u)
        }
        return digits
    }

    /// Writes exactly 8 digits of `v` (< 10^8), as four independent pairs.
    @inline(__always)
    static func write8(_ v: UInt32, to out: UnsafeMutablePointer<UInt8>, pairs: UnsafePointer<UInt8>) {
        let a = v / 10_000
        let b = v % 10_000
        let p0 = Int(a / 100) &* 2
        let p1 = Int(a % 100) &* 2
        let p2 = Int(b / 100) &* 2
        let p3 = Int(b % 100) &* 2
        out[0] = pairs[p0]
        out[1] = pairs[p0 + 1]
        out[2] = pairs[p1]
        out[3] = pairs[p1 + 1]
        out[4] = pairs[p2]
        out[5] = pairs[p2 + 1]
        out[6] = pairs[p3]
        out[7] = pairs[p3 + 1]
    }

    /// Decimal text of `v`; splits into 8-digit groups so long values (µs timestamps) are not
    /// one long chain of dependent divisions.
    @inline(__always)
    static func write(_ v: Int64, to out: UnsafeMutablePointer<UInt8>, pairs: UnsafePointer<UInt8>) -> Int {
        var n = 0
        let u: UInt64
        if v < 0 {
            out[0] = UInt8(ascii: "-")
            n = 1
            u = UInt64(bitPattern: 0 &- v)
        } else {
            u = UInt64(v)
        }
        if u < 100_000_000 { return n + writeSmall(UInt32(truncatingIfNeeded: u), to: out + n, pairs: pairs) }
        let lo = UInt32(truncatingIfNeeded: u % 100_000_000)
        let rest = u / 100_000_000
        if rest < 100_000_000 {
            n += writeSmall(UInt32(truncatingIfNeeded: rest), to: out + n, pairs: pairs)
        } else {
            n += writeSmall(UInt32(truncatingIfNeeded: rest / 100_000_000), to: out + n, pairs: pairs)
            write8(UInt32(truncatingIfNeeded: rest % 100_000_000), to: out + n, pairs: pairs)
            n += 8
        }
        write8(lo, to: out + n, pairs: pairs)
        return n + 8
    }

    /// Convenience for callers without a table pointer at hand.
    static func write(_ v: Int64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        pairs.withUnsafeBufferPointer { write(v, to: out, pairs: $0.baseAddress!) }
    }
}
