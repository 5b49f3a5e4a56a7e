import DeltaStorage
import Testing

@testable import DedupPipeline

@Suite("Maintenance inside a run") struct MaintenanceRunTests {
    @Test("the maintenance section decodes and rejects bad values")
    func decode() throws {
        let c = try PipelineConfig.parse(
            yaml: "maintenance: {optimize_every: 2, vacuum_after: true, retain_hours: 0, target_file_size: 64MiB}")
        #expect(
            c.maintenance
                == MaintenanceSettings(optimizeEvery: 2, vacuumAfter: true, retainHours: 0, targetFileSize: 64 << 20))
        #expect(PipelineConfig.default.maintenance.isEnabled == false)
        #expect(throws: (any Error).self) { try PipelineConfig.parse(yaml: "maintenance: {retain_hours: -1}") }
        #expect(throws: (any Error).self) { try PipelineConfig.parse(yaml: "maintenance: {optimize: 2}") }
    }

    @Test("optimize and vacuum run as their own phase and the table still verifies")
    func run() throws {
        let dir = RunTestSupport.tempDir("maintenance")
        defer { RunTestSupport.remove(dir) }
        let config = try RunTestSupport.config(
            scale: 3000, batches: 4,
            extra: [
                ("maintenance.optimize_every", "2"), ("maintenance.vacuum_after", "true"),
                ("maintenance.retain_hours", "0"),
            ])
        let plain = try RunTestSupport.config(scale: 3000, batches: 4)
        let m = try PipelineRunner.run(config: config, strategy: .deltaMerge, seed: 3, outDir: dir + "/m")
        let p = try PipelineRunner.run(config: plain, strategy: .deltaMerge, seed: 3, outDir: dir + "/p")
        #expect(m.succeeded && p.succeeded, "\(m.error) \(p.error)")
        #expect(m.checksum == p.checksum && m.rowsWritten == p.rowsWritten)
        #expect(m.maintenanceS > 0 && p.maintenanceS == 0)
        #expect(m.commits == p.commits + 2)  // two OPTIMIZE commits
        #expect(m.tableBytes < m.bytesBeforeVacuum && p.tableBytes == p.bytesBeforeVacuum)
        // Both are CSV columns (and `pipeline --json` keys).
        #expect(m.csvValues["bytes_before_vacuum"] == String(m.bytesBeforeVacuum) && Double(m.csvValues["maintenance_s"] ?? "") == m.maintenanceS)
        #expect(m.getRequests > p.getRequests && m.putRequests > p.putRequests)
        let usage = try DeltaTable.open(at: m.tablePath).usage()
        #expect(Int64(m.tableBytes) == usage.liveBytes + usage.logBytes)  // nothing left to vacuum
    }
}
