#if canImport(Glibc)
    import Glibc
#endif
import CXXHash
import DeltaStorage

/// Counts distinct composite keys (message_id, sequence_id, partition_id) exactly, with an
/// open-addressing table of row indices keyed by xxh64 (deterministic; never Swift's Hasher).
enum KeyCounter {
    static func distinctKeys(_ batch: ColumnBatch) -> Int {
        let n = batch.rowCount
        guard n > 0, case .bytes(let ids) = batch.column(RecordSchema.messageId)?.values,
            case .int64(let seqs) = batch.column(RecordSchema.sequenceId)?.values,
            case .int32(let parts) = batch.column(RecordSchema.partitionId)?.values
        else { return 0 }
        var cap = 16
        while cap < n * 2 { cap <<= 1 }
        let mask = cap - 1
        var table = [Int32](repeating: -1, count: cap)
        var distinct = 0
        ids.bytes.withUnsafeBufferPointer { ib in
            ids.offsets.withUnsafeBufferPointer { io in
                table.withUnsafeMutableBufferPointer { t in
                    let base = ib.baseAddress ?? UnsafePointer(bitPattern: 1)!
                    for row in 0..<n {
                        let lo = Int(io[row])
                        let len = Int(io[row + 1]) - lo
                        let h = XXH64(
                            base + lo, len,
                            UInt64(bitPattern: seqs[row]) &* 0x9E37_79B9_7F4A_7C15
                                ^ UInt64(UInt32(bitPattern: parts[row])))
                        var slot = Int(truncatingIfNeeded: h) & mask
                        while true {
                            let other = Int(t[slot])
                            if other < 0 {
                                t[slot] = Int32(row)
                                distinct += 1
                                break
                            }
                            let olo = Int(io[other])
                            let olen = Int(io[other + 1]) - olo
                            if seqs[other] == seqs[row] && parts[other] == parts[row] && olen == len
                                && memcmp(base + lo, base + olo, len) == 0
                            {
                                break
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
        return distinct
    }
}
