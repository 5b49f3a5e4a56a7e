import Foundation
import Testing
@testable import DeltaStorage

/// Deletion vectors: the protocol's own examples, the RoaringBitmap format, a table Databricks
/// wrote, and tables with every storage type whose rows duckdb (delta-kernel) agrees with.
@Suite struct DeletionVectorTests {
    static let fixture = DeltaOracle.packageRoot + "/Tests/DeltaStorageTests/Fixtures/delta/table-with-dv-small"

    /// PROTOCOL.md "JSON Example 1" and "JSON Example 3".
    @Test func protocolExamplesDecode() throws {
        let u = DeletionVectorDescriptor(
            storageType: .uuidRelative, pathOrInlineDv: "ab^-aqEH.-t@S}K{vb[*k^", offset: 4, sizeInBytes: 40,
            cardinality: 6)
        #expect(try u.filePath(tablePath: "/t") == "/t/ab/deletion_vector_d2c639aa-8816-431a-aaf6-d3fe2512ff61.bin")
        #expect(u.uniqueId == "uab^-aqEH.-t@S}K{vb[*k^@4")
        let inline = AddFile(
            path: "f.parquet", partitionValues: [:], size: 1, modificationTime: 0, numRecords: 30,
            deletionVector: DeletionVectorDescriptor(
                storageType: .inline, pathOrInlineDv: "wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L", offset: nil,
                sizeInBytes: 40, cardinality: 6))
        #expect(try DeletionVectorLoader.deletedRows(of: inline, tablePath: "/t") == [3, 4, 7, 11, 18, 29])
        #expect(inline.liveRecords == 24)
    }

    @Test func z85RoundTripsAndRejectsBadText() {
        let bytes: [UInt8] = [0x86, 0x4F, 0xD2, 0x6F, 0xB5, 0x59, 0xF7, 0x5B]
        #expect(Z85.encode(bytes) == "HelloWorld")  // the RFC 32 test vector
        #expect(Z85.decode(Array("HelloWorld".utf8)) == bytes)
        #expect(Z85.decode(Array("Hello".utf8)) != nil)
        #expect(Z85.decode(Array("Hell".utf8)) == nil)  // length not a multiple of 5
        #expect(Z85.decode(Array("Hel~o".utf8)) == nil)  // '~' is not in the alphabet
        #expect(Z85.decode(Array("#####".utf8)) == nil)  // 85^5 - 1 > 2^32 - 1
    }

    /// Array and bitset containers, several containers and 64-bit buckets, round-trip exactly.
    static let bitmapCases: [[UInt64]] = [
        [], [0], [3, 4, 7, 11, 18, 29], (0..<5_000).map { UInt64($0) * 3 },
        [1, 65_536, 65_537, 1 << 32, (1 << 32) + 70_000, (5 << 32) + 9],
    ]

    @Test(arguments: bitmapCases)
    func bitmapRoundTrip(rows: [UInt64]) throws {
        let bytes = RoaringBitmapArray(rows: rows).deltaBytes()
        #expect(try RoaringBitmapArray(deltaBytes: bytes).rows == rows)
    }

    /// A run container (cookie 12347), written by hand: rows 10…14 and 100.
    @Test func runContainersDecode() throws {
        var b: [UInt8] = []
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { b += $0 } }
        func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { b += $0 } }
        u32(RoaringBitmapArray.magic)
        withUnsafeBytes(of: UInt64(1).littleEndian) { b += $0 }
        u32(0)  // bucket key
        u32(12347)  // cookie: runs, (1 − 1) << 16 containers
        b.append(1)  // container 0 is a run container
        u16(0)
        u16(5)  // key 0, cardinality − 1
        u16(2)  // two runs
        u16(10)
        u16(4)
        u16(100)
        u16(0)
        #expect(try RoaringBitmapArray(deltaBytes: b).rows == [10, 11, 12, 13, 14, 100])
        b[0] ^= 1
        #expect(throws: RoaringBitmapArray.Failure.self) { try RoaringBitmapArray(deltaBytes: b) }
    }

    /// Databricks wrote 0…9 and deleted 0 and 9 with a DV file: 8 rows, in inspect and in reads.
    @Test func databricksTableSkipsDeletedRows() throws {
        let d = try TableDescription.describe(path: Self.fixture)
        #expect(d.liveRows == 8 && d.deletedRows == 2 && d.filesWithDeletionVectors == 1)
        #expect(d.checkFiles().isEmpty)
        let rows = try DeltaTable.open(at: Self.fixture).read()
        guard case .int32(let v) = try #require(rows.column("value")).values else {
            Issue.record("value is not int32")
            return
        }
        #expect(v == [1, 2, 3, 4, 5, 6, 7, 8])
    }

    /// A DV file whose checksum does not match is an error naming the DV, in reads and in inspect.
    @Test func corruptChecksumIsAnError() throws {
        let dir = DeltaTestSupport.tempDir("dv-crc")
        defer { DeltaTestSupport.cleanup(dir) }
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: dir + "/t")
        let bin = dir + "/t/deletion_vector_61d16c75-6994-46b7-a15b-8b538852e50e.bin"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: bin)))
        bytes[bytes.count - 1] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: bin))
        #expect {
            try DeltaTable.open(at: dir + "/t").read()
        } throws: { ($0 as? DeltaError)?.kind == .corruptLog && "\($0)".contains("CRC-32") }
        let problems = try TableDescription.describe(path: dir + "/t").checkFiles()
        #expect(problems.count == 1 && problems[0].problem.contains("CRC-32"))
    }

    /// Reader features we do not implement are refused by name, in reads and in inspect.
    @Test func unknownReaderFeaturesAreRefused() throws {
        let dir = DeltaTestSupport.tempDir("dv-feature")
        defer { DeltaTestSupport.cleanup(dir) }
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: dir + "/t")
        let v0 = dir + "/t/_delta_log/" + DeltaLog.commitName(0)
        let text = try DeltaTestSupport.read(v0)
        try DeltaTestSupport.write(
            text.replacingOccurrences(
                of: #""readerFeatures":["deletionVectors"]"#,
                with: #""readerFeatures":["deletionVectors","typeWidening"]"#),
            to: v0)
        for attempt in [
            { _ = try DeltaTable.open(at: dir + "/t").read() }, { _ = try TableDescription.describe(path: dir + "/t") },
        ] {
            #expect {
                try attempt()
            } throws: { ($0 as? DeltaError)?.kind == .unsupported && "\($0)".contains("'typeWidening'") }
        }
    }
}
