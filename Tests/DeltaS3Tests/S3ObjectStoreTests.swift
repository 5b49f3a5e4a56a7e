import DeltaStorage
import Foundation
import Testing

@testable import DeltaS3

/// `S3ObjectStore` against a real S3 API (moto's server on loopback): every operation, conditional
/// PUT, multipart above the part size, retries through a server that answers 503.
@Suite(.enabled(if: S3TestServer.shouldRun, "needs moto's server: run `make setup`"), .serialized)
struct S3ObjectStoreTests {
    @Test func putGetHeadListDeleteAndCounts() throws {
        let server = try S3TestServer.start()
        defer { server.stop() }
        let store = try server.store(bucket: "ops")
        let before = store.requests!
        try store.put("_delta_log/00000000000000000000.json", Array("{}\n".utf8))
        try store.put("partition_date=2025-01-13/part-0.parquet", Array("0123456789".utf8))
        #expect(try store.get("partition_date=2025-01-13/part-0.parquet") == Array("0123456789".utf8))
        #expect(try store.get("partition_date=2025-01-13/part-0.parquet", range: 2..<5) == Array("234".utf8))
        #expect(try store.head("partition_date=2025-01-13/part-0.parquet") == 10)
        #expect(try store.head("missing") == nil)
        #expect(try store.list(prefix: "_delta_log/").map(\.key) == ["_delta_log/00000000000000000000.json"])
        #expect(try store.list(prefix: "").map(\.size) == [3, 10])
        try store.delete("partition_date=2025-01-13/part-0.parquet")
        #expect(try store.list(prefix: "").count == 1)
        #expect(throws: DeltaError.self) { try store.get("partition_date=2025-01-13/part-0.parquet") }
        let d = store.requests!.since(before)
        // 2 PUT + 3 LIST = 5 put-class; 3 GET (one of a missing object) + 2 HEAD = 5 get-class.
        #expect(d.putClass == 5)
        #expect(d.getClass == 5)
        #expect(d.deletes == 1)
        #expect(d.bytesUp == 13)
    }

    @Test func conditionalPutNeverOverwrites() throws {
        let server = try S3TestServer.start()
        defer { server.stop() }
        let store = try server.store(bucket: "cond")
        #expect(try store.put("_delta_log/00000000000000000001.json", Array("first".utf8), ifAbsent: true))
        #expect(try !store.put("_delta_log/00000000000000000001.json", Array("second".utf8), ifAbsent: true))
        #expect(try store.get("_delta_log/00000000000000000001.json") == Array("first".utf8))
    }

    @Test func multipartAboveThePartSize() throws {
        let server = try S3TestServer.start()
        defer { server.stop() }
        let part = 5 << 20  // S3's minimum part size
        let store = try server.store(bucket: "multi", partBytes: part)
        var bytes = [UInt8](repeating: 0, count: 2 * part + 123)
        for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 31 &+ i >> 13) }
        let before = store.requests!
        try store.put("big.parquet", ifAbsent: true, durable: true) { emit in
            bytes.withUnsafeBytes { raw in
                var at = 0
                while at < raw.count {  // in 1 MiB pieces, as the Parquet writer emits pages
                    let n = min(1 << 20, raw.count - at)
                    emit(UnsafeRawBufferPointer(rebasing: raw[at..<at + n]))
                    at += n
                }
            }
        }
        let d = store.requests!.since(before)
        #expect(d.putClass == 5)  // CreateMultipartUpload + 3 UploadPart + CompleteMultipartUpload
        #expect(d.bytesUp >= Int64(bytes.count))
        #expect(try store.get("big.parquet") == bytes)
        // Exactly one part's worth is a single PUT; and a multipart completion is conditional too.
        let one = store.requests!
        try store.put("small.parquet", [UInt8](repeating: 7, count: part))
        #expect(store.requests!.since(one).putClass == 1)
        #expect(try !store.put("big.parquet", bytes, ifAbsent: true))
    }

    @Test func retriesWhenTheServerAnswers503() throws {
        let server = try S3TestServer.start()
        defer { server.stop() }
        _ = try server.store(bucket: "flaky")  // create the bucket directly
        let proxy = try FaultProxy(upstreamPort: server.port, fails: 3)
        let client = S3Client(settings: try server.settings(port: proxy.port), bucket: "flaky")
        let store = S3ObjectStore(client: client, prefix: "t")
        try store.put("x.json", Array("ok".utf8))
        #expect(store.requests!.retries == 3)
        #expect(store.requests!.putClass == 4)  // S3 bills every attempt
        #expect(try store.get("x.json") == Array("ok".utf8))

        // A server that keeps failing: the error names the request and the S3 code.
        let always = try FaultProxy(upstreamPort: server.port, fails: 1000)
        var s = try server.settings(port: always.port)
        s.maxRetries = 2
        let failing = S3ObjectStore(client: S3Client(settings: s, bucket: "flaky"), prefix: "t")
        #expect {
            try failing.put("y.json", Array("no".utf8))
        } throws: { error in
            "\(error)".contains("503") && "\(error)".contains("SlowDown")
        }
        #expect(failing.requests!.putClass == 3)
    }
}
