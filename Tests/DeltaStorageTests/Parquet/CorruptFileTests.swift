import DedupFormats
import Glibc
import Testing

@testable import DeltaStorage

@Suite struct CorruptFileTests {
    static func sample(_ codec: Codec) throws -> [UInt8] {
        let batch = ParquetTestData.allTypes(rows: 600, seed: 9)
        return try ParquetWriter.encode(
            batch, options: ParquetWriteOptions(codec: codec, pageSizeBytes: 500, rowGroupSizeBytes: 30_000)
        ).bytes
    }

    @Test(arguments: Codec.allCases)
    func truncatedFilesNameTheFile(codec: Codec) throws {
        let bytes = try Self.sample(codec)
        for cut in stride(from: 0, to: bytes.count, by: Swift.max(1, bytes.count / 97)) {
            let error = #expect(throws: ParquetError.self) {
                _ = try ParquetReader(bytes: Array(bytes[..<cut]), name: "cut-\(cut).parquet").read()
            }
            #expect(error?.file == "cut-\(cut).parquet")
        }
    }

    @Test func truncatedChunkDataIsReportedWhenFooterIsKept() throws {
        // Drop bytes from the middle of the data section but keep the footer: offsets now point past
        // the data or into the wrong place.
        let bytes = try Self.sample(.snappy)
        let mangled = Array(bytes[..<100]) + Array(bytes[300...])
        let error = #expect(throws: ParquetError.self) {
            _ = try ParquetReader(bytes: mangled, name: "hole.parquet").read()
        }
        #expect(error?.description.hasPrefix("hole.parquet: ") == true)
    }

    /// Flipping any byte either fails with a `ParquetError` naming the file or yields a batch; never a crash.
    @Test(arguments: Codec.allCases)
    func corruptBytesNeverCrash(codec: Codec) throws {
        let bytes = try Self.sample(codec)
        var rng = SplitMix64(seed: 99)
        var failures = 0
        for k in 0..<200 {
            var b = bytes
            // Half anywhere, half in the footer.
            let at = k < 100 ? Int(rng.next() % UInt64(b.count)) : b.count - 9 - Int(rng.next() % 400)
            b[at] ^= UInt8(1 << (rng.next() % 8))
            do {
                _ = try ParquetReader(bytes: b, name: "flip.parquet").read()
            } catch let e as ParquetError {
                #expect(e.file == "flip.parquet")
                failures += 1
            }
        }
        #expect(failures > 0)
    }

    @Test func notParquetAtAll() throws {
        let dir = try TempDir()
        let path = dir.path + "/notes.parquet"
        Array("hello, this is not parquet at all".utf8).withUnsafeBytes { raw in
            let fd = open(path, O_WRONLY | O_CREAT, 0o644)
            _ = Glibc.write(fd, raw.baseAddress!, raw.count)
            close(fd)
        }
        let error = #expect(throws: ParquetError.self) { try ParquetReader(path: path) }
        #expect(error?.file == path)
        #expect(error?.message.contains("magic") == true)
        let missing = #expect(throws: ParquetError.self) { try ParquetReader(path: dir.path + "/none.parquet") }
        #expect(missing?.file == dir.path + "/none.parquet")
    }
}
