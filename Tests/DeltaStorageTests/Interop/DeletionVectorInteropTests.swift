import Foundation
import Testing
@testable import DeltaStorage

/// A table with deletion vectors of every storage type (inline, UUID-relative with and without a
/// prefix, two DVs in one file, absolute path), read by dedupbench and by duckdb's delta extension
/// (delta-kernel-rs): both must return exactly the rows the DVs leave.
@Suite(.enabled(if: DeltaOracle.shouldRun, "needs the oracle venv: run `make setup`"))
struct DeletionVectorInteropTests {
    @Test func everyStorageTypeAgreesWithDuckDB() throws {
        let dir = DeltaTestSupport.tempDir("dv-interop")
        defer { DeltaTestSupport.cleanup(dir) }
        let table = try DeltaTable.create(
            at: dir + "/t", schema: InteropData.schema, partitionColumns: ["part"],
            options: DeltaWriteOptions(targetFileRows: 20, seed: 3))
        let rows = InteropData.rows(0..<240, seed: 11)
        try table.append(InteropData.batch(rows))
        let snap = try table.snapshot()
        let files = Array(snap.files.prefix(5))
        #expect(files.count == 5)

        // Row positions to delete per file (position = index in the data file).
        var deletedIds: Set<Int64> = []
        var bitmaps: [[UInt64]] = []
        for (k, f) in files.enumerated() {
            let ids = try #require(table.read(files: [f], columns: ["id"]).column("id"))
            guard case .int64(let v) = ids.values else { return }
            let positions = (0..<v.count).filter { ($0 + k) % 3 == 0 }.map { UInt64($0) }
            for p in positions { deletedIds.insert(v[Int(p)]) }
            bitmaps.append(positions)
        }
        let bytes = bitmaps.map { RoaringBitmapArray(rows: $0).deltaBytes() }
        // Files 1 and 2 share one DV file in directory "ab"; file 3 gets its own file at the root;
        // file 4's is referenced by absolute path.
        let uuidShared: [UInt8] = (0..<16).map { UInt8($0 * 7) }
        let uuidRoot: [UInt8] = (0..<16).map { UInt8(200 - $0) }
        let shared = DeletionVectorLoader.fileBytes([bytes[1], bytes[2]])
        let root = DeletionVectorLoader.fileBytes([bytes[3]])
        let absolute = DeletionVectorLoader.fileBytes([bytes[4]])
        try FileManager.default.createDirectory(atPath: dir + "/t/ab", withIntermediateDirectories: true)
        let sharedPath = dir + "/t/ab/deletion_vector_" + DeletionVectorDescriptor.canonicalUUID(uuidShared) + ".bin"
        let rootPath = dir + "/t/deletion_vector_" + DeletionVectorDescriptor.canonicalUUID(uuidRoot) + ".bin"
        let absolutePath = dir + "/t/dv-absolute.bin"
        try Data(shared.bytes).write(to: URL(fileURLWithPath: sharedPath))
        try Data(root.bytes).write(to: URL(fileURLWithPath: rootPath))
        try Data(absolute.bytes).write(to: URL(fileURLWithPath: absolutePath))
        func dv(_ type: DeletionVectorDescriptor.StorageType, _ text: String, _ offset: Int64?, _ k: Int)
            -> DeletionVectorDescriptor
        {
            DeletionVectorDescriptor(
                storageType: type, pathOrInlineDv: text, offset: offset, sizeInBytes: Int64(bytes[k].count),
                cardinality: Int64(bitmaps[k].count))
        }
        let descriptors = [
            dv(.inline, Z85.encode(bytes[0]), nil, 0),
            dv(.uuidRelative, "ab" + Z85.encode(uuidShared), shared.offsets[0], 1),
            dv(.uuidRelative, "ab" + Z85.encode(uuidShared), shared.offsets[1], 2),
            dv(.uuidRelative, Z85.encode(uuidRoot), root.offsets[0], 3),
            dv(.absolutePath, "file://" + absolutePath, absolute.offsets[0], 4),
        ]
        var actions: [DeltaAction] = [
            .protocolVersions(
                DeltaProtocol(
                    minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ["deletionVectors"],
                    writerFeatures: ["deletionVectors"]))
        ]
        for (f, d) in zip(files, descriptors) {
            actions.append(
                .remove(
                    RemoveFile(path: f.path, deletionTimestamp: 1, partitionValues: f.partitionValues, size: f.size)))
            var withDV = f
            withDV.deletionVector = d
            actions.append(.add(withDV))
        }
        try DeltaTestSupport.write(
            actions.map(\.jsonLine).joined(separator: "\n") + "\n",
            to: dir + "/t/_delta_log/" + DeltaLog.commitName(snap.version + 1))

        let expected = rows.filter { !deletedIds.contains($0.id) }
        let ours = try table.read(columns: ["id"])
        guard case .int64(let got) = try #require(ours.column("id")).values else { return }
        #expect(Set(got) == Set(expected.map(\.id)) && got.count == expected.count)
        let d = try TableDescription.describe(path: table.path)
        #expect(d.liveRows == expected.count && d.deletedRows == Int64(deletedIds.count))
        #expect(d.checkFiles().isEmpty)

        let jsonl = dir + "/expected.jsonl"
        try DeltaTestSupport.write(
            InteropData.jsonl(InteropData.batch(expected), partitionColumns: ["part"]), to: jsonl)
        let check: [String: Any] = [
            "name": "dv", "table": table.path, "readers": ["duckdb"], "expected_rows": expected.count,
            "expected_jsonl": jsonl,
        ]
        DeltaOracle.expectPassed(try DeltaOracle.check([check], in: dir), ["dv"])
    }
}
