import DeltaStorage

/// The table checksum: an order-independent digest of a table's content, identical however the
/// rows are split into files or ordered (docs/STRATEGIES.md, "Checksum", has a Python version).
///
/// Each row gets a 64-bit digest: start from `StableHash.k0`; for every column in the order of
/// their names (UTF-8 bytes), `h = mum(h ^ v, k1)` where `v` is the value's hash:
/// strings/binary `StableHash.bytes`; integer, long, date (days) and timestamp (µs)
/// `StableHash.int(Int64 value, tag: 1)`; double `int(bit pattern, tag: 2)`; boolean `int(0|1, tag: 3)`;
/// null `0x6E756C6C`. The checksum is the sum of the row digests mod 2⁶⁴ (a sum, not a xor, so two
/// equal rows do not cancel), printed as 16 lowercase hex digits.
public enum RowDigest {
    static let nullHash: UInt64 = 0x6E75_6C6C

    /// One digest per row of `batch`, computed on all cores (`parallel: false`: on the calling thread).
    public static func digests(_ batch: ColumnBatch, parallel: Bool = true) -> [UInt64] {
        let n = batch.rowCount
        var acc = [UInt64](repeating: StableHash.k0, count: n)
        guard n > 0 else { return acc }
        let order = batch.schema.fields.indices.sorted {
            batch.schema.fields[$0].name.utf8.lexicographicallyPrecedes(batch.schema.fields[$1].name.utf8)
        }
        acc.withUnsafeMutableBufferPointer { out in
            let dst = SendablePointer(out.baseAddress!)
            for c in order { fold(batch.columns[c], into: dst, count: n, parallel: parallel) }
        }
        return acc
    }

    /// Row digests plus the one-column digests of `identity` (equal to
    /// `digests(batch.selecting([identity]))`), in one pass over the data: the identity column's
    /// value hashes are computed once and used for both.
    static func digests(_ batch: ColumnBatch, identity: String) -> (rows: [UInt64], identity: [UInt64]) {
        let d = digests(batch, identity: identity, key: nil)
        return (d.rows, d.identity)
    }

    /// As `digests(_:identity:)`, plus the one-column digests of `key` (equal to
    /// `digests(batch.selecting([key]))`) from the same pass when `key` is a string or binary
    /// column (nil otherwise, and when `key` is nil). `parallel: false` keeps the pass on the
    /// calling thread (the verifier's fold-in, which runs beside the strategy's write and is
    /// timed by its thread's CPU clock).
    static func digests(_ batch: ColumnBatch, identity: String, key: String?, parallel: Bool = true) -> (
        rows: [UInt64], identity: [UInt64], key: [UInt64]?
    ) {
        let n = batch.rowCount
        guard n > 0, let ic = batch.schema.index(of: identity), case .bytes = batch.columns[ic].values else {
            return (digests(batch), digests(batch.selecting([identity])), key.map { digests(batch.selecting([$0])) })
        }
        var kc = key.flatMap { batch.schema.index(of: $0) }
        if let c = kc, case .bytes = batch.columns[c].values, c != ic {} else { kc = nil }
        var acc = [UInt64](repeating: StableHash.k0, count: n)
        var ids = [UInt64](repeating: 0, count: n)
        var keys = [UInt64](repeating: 0, count: kc == nil ? 0 : n)
        let order = batch.schema.fields.indices.sorted {
            batch.schema.fields[$0].name.utf8.lexicographicallyPrecedes(batch.schema.fields[$1].name.utf8)
        }
        acc.withUnsafeMutableBufferPointer { out in
            ids.withUnsafeMutableBufferPointer { idOut in
                keys.withUnsafeMutableBufferPointer { keyOut in
                    let dst = SendablePointer(out.baseAddress!)
                    let idDst = SendablePointer(idOut.baseAddress!)
                    let keyDst = keyOut.baseAddress.map { SendablePointer($0) }
                    for c in order {
                        fold(
                            batch.columns[c], into: dst, count: n,
                            identity: c == ic ? idDst : c == kc ? keyDst : nil, parallel: parallel)
                    }
                }
            }
        }
        return (acc, ids, kc == nil ? nil : keys)
    }

    /// Sum of digests mod 2⁶⁴.
    public static func sum(_ digests: [UInt64]) -> UInt64 { digests.reduce(0, &+) }

    /// The checksum text of a digest sum.
    public static func format(_ sum: UInt64) -> String {
        let s = String(sum, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// Folds one column's value hashes into the row accumulators. One switch per column; the
    /// per-row loops are specialised by type.
    private static func fold(
        _ column: Column, into dst: SendablePointer<UInt64>, count n: Int, identity: SendablePointer<UInt64>? = nil,
        parallel: Bool = true
    ) {
        let validity = column.validity
        switch column.values {
        case .int32(let v): foldValues(v, validity, dst, n) { StableHash.int(UInt64(bitPattern: Int64($0)), tag: 1) }
        case .int64(let v): foldValues(v, validity, dst, n) { StableHash.int(UInt64(bitPattern: $0), tag: 1) }
        case .double(let v): foldValues(v, validity, dst, n) { StableHash.int($0.bitPattern, tag: 2) }
        case .boolean(let v): foldValues(v, validity, dst, n) { StableHash.int($0 ? 1 : 0, tag: 3) }
        case .bytes(let b):
            b.withKeyBuffer { kb in
                let bytes = SendablePointer(UnsafeMutablePointer(mutating: kb.bytes))
                let offs = SendablePointer(UnsafeMutablePointer(mutating: kb.offsets))
                parallelChunks(count: n, minimumChunk: parallel ? 32_768 : n) { range in
                    for i in range {
                        let lo = Int(offs.base[i])
                        var v = StableHash.bytes(bytes.base + lo, count: Int(offs.base[i + 1]) - lo)
                        if let validity, !validity[i] { v = nullHash }
                        dst.base[i] = StableHash.mum(dst.base[i] ^ v, StableHash.k1)
                        if let identity { identity.base[i] = StableHash.mum(StableHash.k0 ^ v, StableHash.k1) }
                    }
                }
            }
        }
    }

    private static func foldValues<T>(
        _ values: [T], _ validity: [Bool]?, _ dst: SendablePointer<UInt64>, _ n: Int, _ hash: (T) -> UInt64
    ) {
        values.withUnsafeBufferPointer { vb in
            for i in 0..<n {
                let v = (validity.map { !$0[i] } ?? false) ? nullHash : hash(vb[i])
                dst.base[i] = StableHash.mum(dst.base[i] ^ v, StableHash.k1)
            }
        }
    }
}
