import Foundation
import Testing

@testable import DeltaStorage

/// The local file system as an object store: put-if-absent never overwrites, S3-style prefixes,
/// ranged reads, and the simulated-latency variant that hides the file system from the engine.
struct LocalObjectStoreTests {
    @Test func putIfAbsentNeverOverwritesAndCreatesParents() throws {
        let dir = DeltaTestSupport.tempDir("store")
        defer { DeltaTestSupport.cleanup(dir) }
        let store = LocalObjectStore(root: dir + "/t/")
        #expect(store.root == dir + "/t")
        for durable in [true, false] {
            let key = "_delta_log/\(durable ? "a" : "b")/00000000000000000000.json"
            #expect(try store.put(key, Array("one".utf8), ifAbsent: true, durable: durable))
            #expect(try !store.put(key, Array("two".utf8), ifAbsent: true, durable: durable))
            #expect(try store.get(key) == Array("one".utf8))
        }
        try store.put("x/plain", Array("v1".utf8))
        try store.put("x/plain", Array("v2".utf8))  // a plain put replaces
        #expect(try store.get("x/plain") == Array("v2".utf8))
        // No temp files are left behind.
        #expect(
            try store.list(prefix: "").map(\.key) == [
                "_delta_log/a/00000000000000000000.json", "_delta_log/b/00000000000000000000.json", "x/plain",
            ])
    }

    @Test func listsByPrefixAndReadsRanges() throws {
        let dir = DeltaTestSupport.tempDir("store")
        defer { DeltaTestSupport.cleanup(dir) }
        let store = LocalObjectStore(root: dir)
        try store.put("p=1/f1.parquet", Array("0123456789".utf8))
        try store.put("p=10/f2.parquet", Array("abc".utf8))
        try store.put("q/f3", [])
        #expect(try store.list(prefix: "p=1").map(\.key) == ["p=1/f1.parquet", "p=10/f2.parquet"])
        #expect(try store.list(prefix: "p=1/").map(\.key) == ["p=1/f1.parquet"])
        #expect(try store.list(prefix: "missing/").isEmpty)
        #expect(try store.list(prefix: "").map(\.size) == [10, 3, 0])
        #expect(try store.get("p=1/f1.parquet", range: 3..<6) == Array("345".utf8))
        #expect(try store.get("p=1/f1.parquet", range: 8..<20) == Array("89".utf8))
        #expect(try store.head("p=10/f2.parquet") == 3)
        #expect(try store.head("nope") == nil)
        try store.delete("p=10/f2.parquet")
        try store.delete("p=10/f2.parquet")  // deleting a missing object is not an error (as on S3)
        #expect(try store.head("p=10/f2.parquet") == nil)
        #expect(store.requests == nil && store.backend == "local")
    }

    @Test func simulatedStoreIsReachedOnlyThroughRequests() throws {
        let sim = StoreSimulation(latencyMs: 20, mbps: 500)
        #expect(abs(sim.seconds(bytes: 0) - 0.020) < 1e-12)
        #expect(abs(sim.seconds(bytes: 62_500_000) - 1.020) < 1e-9)  // 500 Mbit = 62.5 MB per second
        let store = LocalObjectStore(root: "/tmp/x", simulate: sim)
        #expect(store.localPath("a") == nil)
        #expect(store.backend == "simulated")
        #expect(LocalObjectStore(root: "/tmp/x").localPath("a") == "/tmp/x/a")
    }

    @Test func tableThroughSimulatedStoreHasTheSameBytes() throws {
        let dir = DeltaTestSupport.tempDir("store")
        defer { DeltaTestSupport.cleanup(dir) }
        let batch = DeltaBenchmark.bronzeBatch(rows: 500, seed: 3)
        let options = DeltaWriteOptions(seed: 9, clock: .fixed(1_700_000_000_000))
        for (name, sim) in [("plain", nil), ("sim", StoreSimulation(latencyMs: 0, mbps: 100_000))] {
            let t = try DeltaTable.create(
                in: LocalObjectStore(root: dir + "/" + name, simulate: sim), schema: batch.schema,
                partitionColumns: ["partition_date"], options: options)
            try t.append(batch)
            #expect(try t.read().rowCount == 500)
        }
        let a = try LocalObjectStore(root: dir + "/plain").list(prefix: "")
        let b = try LocalObjectStore(root: dir + "/sim").list(prefix: "")
        #expect(a == b)
        for e in a {
            #expect(
                try LocalObjectStore(root: dir + "/plain").get(e.key) == LocalObjectStore(root: dir + "/sim").get(e.key)
            )
        }
    }
}
