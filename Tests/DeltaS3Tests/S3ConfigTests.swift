import DedupPipeline
import DeltaStorage
import Testing

@testable import DeltaS3

/// The storage keys this module adds: multipart part size, simulated latency, base path.
struct S3ConfigTests {
    @Test func decodesStorageKeys() throws {
        let c = try PipelineConfig.defaults(overrides: [
            ("storage.multipart_part_bytes", "16MiB"), ("storage.simulate.latency_ms", "20"),
            ("storage.simulate.mbps", "500"), ("storage.delta_base_path", "s3://bkt/runs"),
        ])
        #expect(c.storage.multipartPartBytes == 16 << 20)
        #expect(c.storage.simulate == StoreSimulation(latencyMs: 20, mbps: 500))
        #expect(PipelineRunner.tableBase(config: c, outDir: "results/x/tables/abc-0") == "s3://bkt/runs/abc-0")
        #expect(PipelineRunner.tableBase(config: PipelineConfig(), outDir: "out/a") == "out/a")
    }

    @Test func rejectsPartsBelowS3Minimum() {
        #expect(throws: (any Error).self) {
            try PipelineConfig.defaults(overrides: [("storage.multipart_part_bytes", "1MiB")])
        }
        #expect(throws: (any Error).self) {
            try PipelineConfig.defaults(overrides: [("storage.simulate.latency", "20")])
        }
    }

    @Test func localLocationsOpenTheLocalStore() throws {
        let store = try StoreLocation.open("out/t", environment: [:])
        #expect(store.backend == "local")
        #expect(throws: S3Error.self) { try StoreLocation.open("s3://bkt/t", environment: [:]) }
    }
}
