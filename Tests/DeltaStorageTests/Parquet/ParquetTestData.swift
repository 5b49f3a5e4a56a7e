import DedupFormats
@testable import DeltaStorage

/// Batches covering every type with the awkward values: empty and non-ASCII strings, negatives,
/// pre-1970 timestamps and dates, nulls, an all-null column, low- and high-cardinality columns.
enum ParquetTestData {
    static let words = ["", "a", "zürich", "日本語", "e\u{301}", "é", "🙂 emoji", "z", "with space", "A"]

    static func allTypes(rows: Int, seed: UInt64, nullEvery: Int = 7) -> ColumnBatch {
        var rng = SplitMix64(seed: seed)
        let schema = Schema([
            Field("s_low", .string), Field("s_high", .string, nullable: false), Field("bin", .binary),
            Field("l", .long), Field("i", .integer, nullable: false), Field("d", .double), Field("b", .boolean),
            Field("ts", .timestamp), Field("dt", .date), Field("all_null", .string), Field("i_low", .integer),
            Field("seq", .long), Field("i_seq", .integer, nullable: false), Field("seq_gap", .long),
        ])
        var sLow = ByteColumn()
        var sHigh = ByteColumn()
        var bin = ByteColumn()
        var l: [Int64] = []
        var i: [Int32] = []
        var d: [Double] = []
        var b: [Bool] = []
        var ts: [Int64] = []
        var dt: [Int32] = []
        var iLow: [Int32] = []
        var seq: [Int64] = []
        var iSeq: [Int32] = []
        var seqGap: [Int64] = []
        var gapValid: [Bool] = []
        var valid: [Bool] = []
        for r in 0..<rows {
            let x = rng.next()
            let isValid = nullEvery == 0 || r % nullEvery != 3
            valid.append(isValid)
            sLow.append(isValid ? words[Int(x % UInt64(words.count))] : "")
            sHigh.append("\(words[r % words.count])-\(x % 1_000_003)")
            var blob: [UInt8] = []
            for k in 0..<Int(x % 9) { blob.append(UInt8(truncatingIfNeeded: x >> UInt64(k * 7))) }
            if isValid { bin.append(bytes: blob) } else { bin.appendEmpty() }
            l.append(isValid ? Int64(bitPattern: rng.next()) : 0)
            i.append(Int32(truncatingIfNeeded: Int64(bitPattern: x) >> 20))
            d.append(isValid ? Double(Int64(bitPattern: rng.next() >> 11)) / 1e6 - 4e12 : 0)
            b.append(isValid && x & 1 == 1)
            // From 1901 to 2100 in µs, so about half are before 1970.
            ts.append(isValid ? -2_177_452_800_000_000 + Int64(rng.next() % 6_311_347_200_000_000) : 0)
            dt.append(isValid ? Int32(Int64(rng.next() % 73_000)) - 25_000 : 0)
            iLow.append(isValid ? Int32(x % 5) - 2 : 0)
            // Increasing with jitter (delta-encoded), crossing zero and wrapping near Int64.max.
            seq.append(
                isValid ? (r < rows - 3 ? -5_000_000 + Int64(r) * 3_000 + Int64(x % 500) : Int64.max - Int64(r % 3)) : 0
            )
            iSeq.append(Int32.min + Int32(r) * 7 + Int32(x % 3))
            // Delta-encoded, with a long run of nulls in the middle: whole pages without values.
            let inGap = r >= rows / 3 && r < rows / 3 + 1_500
            gapValid.append(!inGap)
            seqGap.append(inGap ? 0 : Int64(r) * 10)
        }
        let allNull = ByteColumn(Array(repeating: "", count: rows))
        let v: [Bool]? = nullEvery == 0 ? nil : valid
        return ColumnBatch(
            schema: schema,
            columns: [
                Column(.bytes(sLow), validity: v), Column(.bytes(sHigh)), Column(.bytes(bin), validity: v),
                Column(.int64(l), validity: v), Column(.int32(i)), Column(.double(d), validity: v),
                Column(.boolean(b), validity: v), Column(.int64(ts), validity: v), Column(.int32(dt), validity: v),
                Column(.bytes(allNull), validity: [Bool](repeating: false, count: rows)),
                Column(.int32(iLow), validity: v), Column(.int64(seq), validity: v), Column(.int32(iSeq)),
                Column(.int64(seqGap), validity: gapValid),
            ])
    }

    /// What the reader returns for `batch`: placeholders at null slots, no all-true validity.
    static func normalized(_ batch: ColumnBatch) -> ColumnBatch {
        ColumnBatch(
            schema: batch.schema,
            columns: batch.columns.map { c in
                guard let validity = c.validity else { return c }
                if !validity.contains(false) { return Column(c.values, validity: nil) }
                var values = c.values
                switch values {
                case .int32(var v):
                    for k in v.indices where !validity[k] { v[k] = 0 }
                    values = .int32(v)
                case .int64(var v):
                    for k in v.indices where !validity[k] { v[k] = 0 }
                    values = .int64(v)
                case .double(var v):
                    for k in v.indices where !validity[k] { v[k] = 0 }
                    values = .double(v)
                case .boolean(var v):
                    for k in v.indices where !validity[k] { v[k] = false }
                    values = .boolean(v)
                case .bytes(let v):
                    var out = ByteColumn()
                    for k in 0..<v.count {
                        if validity[k] { out.append(bytes: v[k]) } else { out.appendEmpty() }
                    }
                    values = .bytes(out)
                }
                return Column(values, validity: validity)
            })
    }
}
