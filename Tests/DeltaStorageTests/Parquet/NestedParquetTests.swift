import Foundation
import Testing
@testable import DeltaStorage

/// Nested columns (structs, lists, maps with nulls and empties): our writer against our reader,
/// pyarrow reading what we write, and our reader on files pyarrow writes in other layouts.
struct NestedParquetTests {
    static let schema: [NestedField] = [
        NestedField("id", .long, nullable: false),
        NestedField(
            "s",
            .structure([
                NestedField("name", .string), NestedField("n", .integer),
                NestedField("tags", .stringMap), NestedField("flag", .boolean),
            ])),
        NestedField("l", .list(element: .string, containsNull: true)),
        NestedField("ll", .list(element: .list(element: .long, containsNull: false), containsNull: true)),
        NestedField("m", .map(key: .string, value: .structure([NestedField("x", .long)]), valueContainsNull: true)),
    ]

    static func row(_ i: Int) -> NestedValue {
        let k = Int64(i)
        return .structure([
            .int(k),
            i % 4 == 3
                ? .null
                : .structure([
                    i % 3 == 0 ? .null : .string("näme-\(i)"), .int(k * 7 - 20),
                    i % 2 == 0 ? .map([.init(.string("a"), .string("\(i)")), .init(.string("b"), .null)]) : .map([]),
                    .bool(i % 2 == 0),
                ]),
            i % 5 == 0 ? .null : .list((0..<(i % 4)).map { $0 == 1 ? .null : .string("e\($0)") }),
            i % 6 == 0 ? .list([]) : .list([.list([.int(k)]), .null, .list([]), .list([.int(1), .int(2), .int(3)])]),
            i % 7 == 0 ? .null : .map([.init(.string("k\(i)"), i % 2 == 0 ? .null : .structure([.int(k)]))]),
        ])
    }

    @Test(arguments: [Codec.uncompressed, .snappy, .zstd, .gzip])
    func roundTripsThroughOurReader(codec: Codec) throws {
        let rows = (0..<300).map(Self.row)
        // Small pages: several pages per column, each starting at a record boundary.
        let bytes = try NestedParquetWriter.encode(
            schema: Self.schema, rows: rows, options: ParquetWriteOptions(codec: codec, pageSizeBytes: 256))
        let reader = try NestedParquetReader(bytes: bytes, name: "mem")
        #expect(reader.rowCount == 300)
        #expect(try reader.read(Self.schema) == rows)
        // Projection: a subset, in another order, with a field the file lacks (reads as null).
        let projected = try reader.read([
            NestedField("m", Self.schema[4].type), NestedField("missing", .long),
            NestedField("s", .structure([NestedField("flag", .boolean)])),
        ])
        #expect(projected[1] == .structure([rows[1][4]!, .null, .structure([.bool(false)])]))
        #expect(projected[3] == .structure([rows[3][4]!, .null, .null]))
    }

    @Test func typeMismatchNamesTheColumn() throws {
        let bytes = try NestedParquetWriter.encode(
            schema: Self.schema, rows: [Self.row(1)], options: ParquetWriteOptions())
        let reader = try NestedParquetReader(bytes: bytes, name: "f.parquet")
        #expect {
            try reader.read([NestedField("s", .structure([NestedField("name", .long)]))])
        } throws: { error in
            "\(error)".contains("f.parquet: column s.name: expected long, found Parquet byteArray")
        }
        #expect(throws: ParquetError.self) { try reader.read([NestedField("l", .stringMap)]) }
        // The flat reader refuses nested files rather than misreading them.
        #expect(throws: ParquetError.self) { try ParquetReader(bytes: bytes, name: "f.parquet") }
    }

    @Test func nonNullableNullIsRejected() {
        #expect(throws: ParquetError.self) {
            try NestedParquetWriter.encode(
                schema: Self.schema, rows: [.structure([.null, .null, .null, .null, .null])],
                options: ParquetWriteOptions())
        }
    }
}

/// The same data through pyarrow: it must read our file, and we must read its files (dictionary
/// pages, data page v2, legacy two-level lists).
@Suite(.enabled(if: DeltaOracle.shouldRun, "needs the oracle venv: run `make setup`"))
struct NestedParquetInteropTests {
    @Test func pyarrowAndOurReaderAgree() throws {
        let dir = DeltaTestSupport.tempDir("nested")
        defer { DeltaTestSupport.cleanup(dir) }
        let rows = (0..<200).map(NestedParquetTests.row)
        let ours = try NestedParquetWriter.encode(
            schema: NestedParquetTests.schema, rows: rows, options: ParquetWriteOptions(pageSizeBytes: 512))
        try Data(ours).write(to: URL(fileURLWithPath: dir + "/ours.parquet"))
        let script = """
            import json, sys, pyarrow as pa, pyarrow.parquet as pq
            d = sys.argv[1]
            t = pq.read_table(d + "/ours.parquet")
            t.validate(full=True)
            def norm(v):
                if isinstance(v, list): return [norm(x) for x in v]
                if isinstance(v, dict): return {k: norm(x) for k, x in v.items()}
                if isinstance(v, tuple): return [norm(x) for x in v]
                return v
            print(json.dumps(norm(t.to_pylist()), sort_keys=True))
            # Rewrite with pyarrow in other layouts for our reader.
            pq.write_table(t, d + "/v2.parquet", data_page_version="2.0", use_dictionary=True, compression="snappy", data_page_size=300)
            pq.write_table(t, d + "/legacy.parquet", use_compliant_nested_type=False, compression="zstd", use_dictionary=False)
            import os; os._exit(0)
            """
        try script.write(toFile: dir + "/check.py", atomically: false, encoding: .utf8)
        let r = try DeltaOracle.run(DeltaOracle.python, [dir + "/check.py", dir])
        try #require(r.status == 0, "\(r.stderr)")
        let got = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        #expect(got?.count == 200)
        // Spot checks of shapes pyarrow reconstructed (maps come back as key/value pairs).
        #expect(got?[1]["id"] as? Int == 1)
        #expect((got?[1]["l"] as? [Any])?.count == 1)
        #expect(got?[3]["s"] is NSNull)
        #expect(((got?[2]["s"] as? [String: Any])?["tags"] as? [[Any]])?.count == 2)
        #expect(got?[5]["l"] is NSNull)
        for name in ["v2", "legacy"] {
            let reader = try NestedParquetReader(path: dir + "/\(name).parquet")
            #expect(try reader.read(NestedParquetTests.schema) == rows, "\(name)")
        }
    }
}
