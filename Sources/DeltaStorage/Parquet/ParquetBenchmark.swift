import DedupFormats

/// Synthetic data for measuring the writer and reader.
public enum ParquetBenchmark {
    /// The bronze schema: the seed's record plus two hex sha256 columns.
    public static let bronzeSchema = Schema([
        Field("message_id", .string), Field("sequence_id", .long), Field("partition_id", .integer),
        Field("created_at", .timestamp), Field("value", .integer), Field("zipcode", .string),
        Field("composite_hash", .string), Field("payload_hash", .string),
    ])

    /// A deterministic batch with the bronze schema: random 8-char `[a-z0-9]` ids, increasing
    /// sequence ids, 8 partitions, event time from 2025-01-13T00:00:00Z advancing ~250 ms per row
    /// (so 1.1M rows span 4 dates), values in [100, 10000), 5-digit zipcodes, random 64-char hex hashes.
    public static func bronzeBatch(rows: Int, seed: UInt64) -> ColumnBatch {
        var rng = SplitMix64(seed: seed)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        let hex = Array("0123456789abcdef".utf8)
        var ids = ByteColumn()
        var zips = ByteColumn()
        var composite = ByteColumn()
        var payload = ByteColumn()
        ids.reserve(values: rows, bytes: rows * 8)
        zips.reserve(values: rows, bytes: rows * 5)
        composite.reserve(values: rows, bytes: rows * 64)
        payload.reserve(values: rows, bytes: rows * 64)
        var seq = [Int64](repeating: 0, count: rows)
        var part = [Int32](repeating: 0, count: rows)
        var created = [Int64](repeating: 0, count: rows)
        var value = [Int32](repeating: 0, count: rows)
        var time: Int64 = 1_736_726_400_000_000
        var scratch = [UInt8](repeating: 0, count: 64)
        for i in 0..<rows {
            var r = rng.next()
            for k in 0..<8 {
                scratch[k] = alphabet[Int(r % 36)]
                r /= 36
            }
            ids.append(bytes: scratch[0..<8])
            seq[i] = Int64(i)
            part[i] = Int32(rng.next() % 8)
            time += 200_000 + Int64(rng.next() % 100_000)
            created[i] = time
            value[i] = Int32(100 + rng.next() % 9900)
            r = rng.next()
            for k in 0..<5 {
                scratch[k] = UInt8(ascii: "0") + UInt8(r % 10)
                r /= 10
            }
            zips.append(bytes: scratch[0..<5])
            for column in 0..<2 {
                for w in 0..<4 {
                    var x = rng.next()
                    for k in 0..<16 {
                        scratch[w * 16 + k] = hex[Int(x & 15)]
                        x >>= 4
                    }
                }
                if column == 0 { composite.append(bytes: scratch) } else { payload.append(bytes: scratch) }
            }
        }
        return ColumnBatch(
            schema: bronzeSchema,
            columns: [
                Column(.bytes(ids)), Column(.int64(seq)), Column(.int32(part)), Column(.int64(created)),
                Column(.int32(value)), Column(.bytes(zips)), Column(.bytes(composite)), Column(.bytes(payload)),
            ])
    }
}
