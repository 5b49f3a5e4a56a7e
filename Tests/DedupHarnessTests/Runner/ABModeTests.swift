import Foundation
import Testing

@testable import DedupHarness

/// `make ci-ab` (scripts/ci-ab.sh): base and candidate run alternately shard by shard, each side is
/// merged, and compare judges them. Here both sides are the built binary driving the fake pipeline,
/// so the script's plumbing is what is tested (timings are meaningless at this size).
struct ABModeTests {
    @Test func abScriptRunsBothSidesAlternatelyAndCompares() throws {
        let exe = TestSupport.dedupbench
        try #require(FileManager.default.isExecutableFile(atPath: exe), "build dedupbench first: \(exe)")
        let out = TestSupport.temporaryDirectory("ab")
        defer { TestSupport.remove(out) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [TestSupport.packageRoot + "/scripts/ci-ab.sh"]
        var env = ProcessInfo.processInfo.environment
        env["AB_BASE_BIN"] = exe
        env["AB_CAND_BIN"] = exe
        env["AB_OUT"] = out
        env["AB_ROUNDS"] = "2"
        env["AB_SPEC"] = TestSupport.fixture("specs/fixture.yaml")
        env["AB_RUN_ARGS"] = "--executable \(TestSupport.fakePipeline) --set fixture.sleep=0.005"
        env["CI_THRESHOLD"] = "500%"
        p.environment = env
        let stdout = Pipe()
        p.standardOutput = stdout
        p.standardError = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.contains("no regression"))
        for side in ["base-1", "cand-1", "base-2", "cand-2", "base", "cand"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(side)/results.csv"), "missing \(side)")
        }
        // The two shards of each side together hold every planned run once.
        let merged = try ResultSet.load(path: out + "/cand")
        #expect(merged.rows.count == 12 && Set(merged.rows.map(\.runID)).count == 12)
    }
}
