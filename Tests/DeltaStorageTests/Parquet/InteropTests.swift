import Foundation
import Testing

@testable import DeltaStorage

/// Files we write, read by pyarrow (validate(full=True)), polars and duckdb; every value and the
/// statistics are compared with what we wrote.
@Suite(.enabled(if: Oracle.shouldRun, "oracle venv missing (make setup); required when CI=true"))
struct InteropTests {
    /// The canonical text form scripts/oracle/check_parquet.py prints (nil = null).
    static func canonical(_ c: Column, _ type: ColumnType) -> [String?] {
        (0..<c.count).map { i -> String? in
            if c.isNull(i) { return nil }
            switch c.values {
            case .bytes(let b): return b[i].map { String(format: "%02x", $0) }.joined()
            case .int32(let v): return String(v[i])
            case .int64(let v): return String(v[i])
            case .double(let v): return String(Int64(bitPattern: v[i].bitPattern))
            case .boolean(let v): return v[i] ? "true" : "false"
            }
        }
    }

    static func canonical(_ s: StatValue?) -> String? {
        switch s {
        case nil: return nil
        case .int(let v): return String(v)
        case .double(let d): return String(Int64(bitPattern: d.bitPattern))
        case .bool(let b): return b ? "true" : "false"
        case .bytes(let b): return b.map { String(format: "%02x", $0) }.joined()
        }
    }

    static let arrowTypes: [ColumnType: String] = [
        .string: "string", .binary: "binary", .long: "int64", .integer: "int32", .double: "double", .boolean: "bool",
        .timestamp: "timestamp[us, tz=UTC]", .date: "date32[day]",
    ]

    @Test func independentReadersAgreeForEveryTypeCodecAndEncoding() throws {
        let dir = try TempDir()
        let batch = ParquetTestData.allTypes(rows: 3_001, seed: 21)
        var written: [String: ParquetFileInfo] = [:]
        for codec in Codec.allCases {
            for (label, policy) in [("dict", DictionaryPolicy.auto), ("plain", .never)] {
                let path = "\(dir.path)/\(codec.rawValue)-\(label).parquet"
                let options = ParquetWriteOptions(
                    codec: codec, pageSizeBytes: 4_000, rowGroupSizeBytes: 100_000, dictionaryColumns: policy)
                written[path] = try ParquetWriter.write(batch, to: path, options: options)
            }
        }
        let results = try Oracle.jsonLines(try Oracle.run("check_parquet.py", written.keys.sorted()))
        #expect(results.count == written.count)
        let expectedColumns = Dictionary(
            uniqueKeysWithValues: batch.schema.fields.enumerated().map {
                ($1.name, Self.canonical(batch.columns[$0], $1.type))
            })
        for r in results {
            let file = r["file"] as? String ?? "?"
            #expect(r["error"] == nil, "\(file): \(r["error"] ?? "")")
            guard r["error"] == nil, let info = written[file] else { continue }
            #expect(r["rows"] as? Int == batch.rowCount && r["metadata_rows"] as? Int == batch.rowCount, "\(file)")
            #expect((r["row_groups"] as? Int ?? 0) > 1, "\(file)")
            #expect(r["created_by"] as? String == "dedupbench version 0.1.0 (build swift)")
            #expect(r["polars_same"] as? Bool == true, "\(file): polars disagrees with pyarrow")
            #expect(r["duckdb_rows"] as? Int == batch.rowCount, "\(file): duckdb row count")
            let schema = (r["schema"] as? [[Any]] ?? []).map { "\($0[0]):\($0[1]):\(($0[2] as? Bool) ?? false)" }
            #expect(
                schema == batch.schema.fields.map { "\($0.name):\(Self.arrowTypes[$0.type]!):\($0.nullable)" },
                "\(file)")
            let columns = r["columns"] as? [String: [Any]] ?? [:]
            let stats = r["stats"] as? [String: [String: Any]] ?? [:]
            for (k, f) in batch.schema.fields.enumerated() {
                let got = (columns[f.name] ?? []).map { $0 as? String }
                #expect(got == expectedColumns[f.name]!, "\(file) column \(f.name)")
                let s = stats[f.name] ?? [:]
                let mine = info.columnStatistics[k]
                #expect(s["present"] as? Bool == true, "\(file) \(f.name): statistics missing")
                #expect(s["null_count"] as? Int == mine.nullCount, "\(file) \(f.name) null_count")
                if f.type != .double {  // pyarrow returns -0.0/+0.0 and NaN-free doubles identically; skip bit compare
                    #expect(s["min"] as? String == Self.canonical(mine.min), "\(file) \(f.name) min")
                    #expect(s["max"] as? String == Self.canonical(mine.max), "\(file) \(f.name) max")
                }
            }
        }
    }

    /// The other direction: files pyarrow writes (dictionary fallback to PLAIN mid-chunk, data page
    /// v2, gzip, booleans, nulls) read by our reader, value for value.
    @Test func ourReaderReadsPyarrowFiles() throws {
        let dir = try TempDir()
        let results = try Oracle.jsonLines(try Oracle.run("check_parquet.py", ["--write-samples", dir.path]))
        #expect(results.count == 4)
        for r in results {
            let file = r["file"] as? String ?? "?"
            #expect(r["error"] == nil, "\(file): \(r["error"] ?? "")")
            let reader = try ParquetReader(path: file)
            let batch = try reader.read()
            #expect(batch.rowCount == r["rows"] as? Int, "\(file)")
            let columns = r["columns"] as? [String: [Any]] ?? [:]
            #expect(batch.schema.names == ["s", "i", "l", "d", "b", "ts", "dt", "bin"], "\(file)")
            for (k, f) in batch.schema.fields.enumerated() {
                let expected = (columns[f.name] ?? []).map { $0 as? String }
                #expect(Self.canonical(batch.columns[k], f.type) == expected, "\(file) column \(f.name)")
            }
        }
    }

    @Test func bronzeBenchmarkBatchIsReadable() throws {
        let dir = try TempDir()
        let batch = ParquetBenchmark.bronzeBatch(rows: 20_000, seed: 1)
        let path = dir.path + "/bronze.parquet"
        _ = try ParquetWriter.write(
            batch, to: path, options: ParquetWriteOptions(codec: .snappy, rowGroupSizeBytes: 1 << 20))
        let r = try #require(try Oracle.jsonLines(try Oracle.run("check_parquet.py", [path])).first)
        #expect(r["error"] == nil, "\(r["error"] ?? "")")
        #expect(r["rows"] as? Int == 20_000 && r["duckdb_rows"] as? Int == 20_000 && r["polars_same"] as? Bool == true)
        // Hash chunks barely compress, so they are stored uncompressed next to snappy chunks.
        #expect(r["codecs"] as? [String] == ["SNAPPY", "UNCOMPRESSED"])
        let columns = r["columns"] as? [String: [Any]] ?? [:]
        for (k, f) in batch.schema.fields.enumerated() {
            #expect(
                (columns[f.name] ?? []).map { $0 as? String } == Self.canonical(batch.columns[k], f.type), "\(f.name)")
        }
    }
}
