import Foundation
import Testing
@testable import DeltaStorage

/// `dedupbench lake inspect|vacuum|optimize` as a real process: exit codes and what they report.
@Suite struct LakeCommandExitTests {
    @Test func inspectChecksFilesAndRefusesUnknownFeatures() throws {
        guard let bin = DeltaOracle.dedupbench else {
            Issue.record("dedupbench binary not found next to the test bundle; build with `swift build --build-tests`")
            return
        }
        let dir = DeltaTestSupport.tempDir("lake-cli")
        defer { DeltaTestSupport.cleanup(dir) }
        let t = dir + "/t"
        for _ in 0..<3 {
            let w = try DeltaOracle.run(
                bin, ["lake", "write-demo", "--rows", "300", "--seed", "4", "--out", t, "--mode", "append"])
            #expect(w.status == 0, "\(w.stderr)")
        }
        #expect(try DeltaOracle.run(bin, ["lake", "inspect", t]).status == 0)

        // Compaction then vacuum (dry run first): rows unchanged, old files gone.
        let opt = try DeltaOracle.run(bin, ["lake", "optimize", t, "--json"])
        #expect(opt.status == 0, "\(opt.stderr)")
        let dry = try DeltaOracle.run(bin, ["lake", "vacuum", t, "--retain-hours", "0", "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("would delete"), "\(dry.stderr)")
        let vac = try DeltaOracle.run(bin, ["lake", "vacuum", t, "--retain-hours", "0", "--json"])
        let summary = try JSONSerialization.jsonObject(with: Data(vac.stdout.utf8)) as? [String: Any]
        #expect(vac.status == 0 && (summary?["filesDeleted"] as? Int ?? 0) > 0, "\(vac.stderr)")
        let inspect = try DeltaOracle.run(bin, ["lake", "inspect", t, "--json"])
        let live = (try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [String: Any])?["live"]
        #expect((live as? [String: Any])?["rows"] as? Int == 900)

        // A deleted data file: exit 2 (bad input) naming it; --no-check describes the table anyway.
        let victim = try #require(try TableDescription.describe(path: t).files.first)
        try FileManager.default.removeItem(atPath: t + "/" + victim.relativePath)
        let broken = try DeltaOracle.run(bin, ["lake", "inspect", t])
        #expect(broken.status == 2 && broken.stderr.contains(victim.path) && broken.stderr.contains("missing"))
        #expect(try DeltaOracle.run(bin, ["lake", "inspect", t, "--no-check"]).status == 0)

        // A bad action: exit 2 naming file, line and field.
        try DeltaTestSupport.write(
            DeltaLogTests.add("../x.parquet", 1, rows: 1) + "\n", to: t + "/_delta_log/" + DeltaLog.commitName(5))
        let bad = try DeltaOracle.run(bin, ["lake", "inspect", t])
        #expect(bad.status == 2 && bad.stderr.contains(DeltaLog.commitName(5) + ":1: add.path"), "\(bad.stderr)")
        try FileManager.default.removeItem(atPath: t + "/_delta_log/" + DeltaLog.commitName(5))

        // A reader feature we do not implement: exit 2 naming it.
        try DeltaTestSupport.write(
            #"{"protocol":{"minReaderVersion":3,"minWriterVersion":7,"readerFeatures":["v2Checkpoint"],"writerFeatures":["v2Checkpoint"]}}"#
                + "\n",
            to: t + "/_delta_log/" + DeltaLog.commitName(5))
        let refused = try DeltaOracle.run(bin, ["lake", "inspect", t])
        #expect(refused.status == 2 && refused.stderr.contains("'v2Checkpoint'"), "\(refused.stderr)")
    }
}
