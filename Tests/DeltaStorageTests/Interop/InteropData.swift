import DedupFormats
import Foundation
@testable import DeltaStorage

/// Deterministic rows with every column type and awkward values, plus their canonical JSON
/// (the form check_delta.py hashes: dates as days, timestamps as µs, binary as hex).
enum InteropData {
    static let schema = Schema([
        Field("id", .long, nullable: false), Field("part", .string), Field("n", .integer), Field("x", .double),
        Field("day", .date), Field("ts", .timestamp), Field("flag", .boolean), Field("hash", .binary),
        Field("s", .string),
    ])

    static let deltaTypes: [[String]] = schema.fields.map { [$0.name, $0.type.rawValue] }

    /// Partition values: space, `/`, `%`, `=`, non-ASCII, null and empty (also null in Delta).
    static let parts: [String?] = ["a b", "x/y", "100%", "k=v", "ünï €", nil, "", "plain"]
    static let strings: [String?] = ["", "zz", "é", nil, String(repeating: "long", count: 10), "a\"b\\c"]

    struct Row {
        var id: Int64, part: String?, n: Int32?, x: Double, day: Int32, ts: Int64?, flag: Bool, hash: [UInt8],
            s: String?
    }

    static func rows(_ ids: Range<Int64>, seed: UInt64) -> [Row] {
        var g = NameGenerator(seed: seed, stream: 7)
        return ids.map { id in
            let r = g.next()
            return Row(
                id: id, part: parts[Int(r % UInt64(parts.count))],
                n: r % 11 == 0 ? nil : Int32(truncatingIfNeeded: r >> 20) % 100_000,
                x: Double(Int64(r % 10_000) - 5_000) / 8, day: Int32(-2 + Int((r >> 8) % 5)),
                ts: r % 13 == 0 ? nil : -86_400_000_000 + Int64(id) * 7_777_777 + Int64(r % 1000),
                flag: r & 1 == 1, hash: (0..<32).map { UInt8(truncatingIfNeeded: r >> ($0 % 8 * 8) &+ UInt64($0)) },
                s: strings[Int((r >> 4) % UInt64(strings.count))])
        }
    }

    static func batch(_ rows: [Row]) -> ColumnBatch {
        func strings(_ v: [String?]) -> Column {
            Column(
                .bytes(ByteColumn(v.map { $0 ?? "" })),
                validity: v.contains(where: { $0 == nil }) ? v.map { $0 != nil } : nil)
        }
        var hashes = ByteColumn()
        for r in rows { hashes.append(bytes: r.hash) }
        return ColumnBatch(
            schema: schema,
            columns: [
                Column(.int64(rows.map(\.id))), strings(rows.map(\.part)),
                Column(.int32(rows.map { $0.n ?? 0 }), validity: rows.map { $0.n != nil }),
                Column(.double(rows.map(\.x))),
                Column(.int32(rows.map(\.day))),
                Column(.int64(rows.map { $0.ts ?? 0 }), validity: rows.map { $0.ts != nil }),
                Column(.boolean(rows.map(\.flag))), Column(.bytes(hashes)), strings(rows.map(\.s)),
            ])
    }

    /// One JSON object per row in check_delta.py's canonical form. Empty strings in
    /// `partitionColumns` are null (that is how Delta stores them).
    static func jsonl(_ batch: ColumnBatch, partitionColumns: Set<String> = []) -> String {
        var out = ""
        for r in 0..<batch.rowCount {
            var obj: [(String, JSONValue)] = []
            for (c, f) in batch.schema.fields.enumerated() {
                let col = batch.columns[c]
                var v: JSONValue = .null
                if !col.isNull(r) {
                    switch (col.values, f.type) {
                    case (.int32(let a), _): v = .int(Int64(a[r]))
                    case (.int64(let a), _): v = .int(a[r])
                    case (.double(let a), _): v = .double(a[r])
                    case (.boolean(let a), _): v = .bool(a[r])
                    case (.bytes(let b), .binary): v = .string(b[r].map { String(format: "%02x", $0) }.joined())
                    case (.bytes(let b), _):
                        let s = b.string(at: r)
                        v = s.isEmpty && partitionColumns.contains(f.name) ? .null : .string(s)
                    }
                }
                obj.append((f.name, v))
            }
            JSONValue.object(obj).write(to: &out)
            out += "\n"
        }
        return out
    }
}
