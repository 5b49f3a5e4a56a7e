import DedupPipeline
import Foundation
import Testing

@testable import DedupHarness

/// The product promise: a sweep killed with SIGKILL and resumed has every run exactly once.
/// The harness itself (the dedupbench binary) runs as a real child and is killed mid-sweep.
@Suite struct KillResumeTests {
    @Test func sigkilledSweepResumesWithEveryRunOnce() throws {
        let exe = TestSupport.dedupbench
        try #require(
            FileManager.default.isExecutableFile(atPath: exe),
            "build dedupbench first (swift build --build-tests builds it): \(exe)")
        let dir = TestSupport.temporaryDirectory("kill")
        defer { TestSupport.remove(dir) }
        let spec = TestSupport.fixture("specs/fixture.yaml")
        let args = [
            "run", spec, "--executable", TestSupport.fakePipeline, "--results", dir + "/r", "--progress", "lines",
            "--set", "fixture.sleep=0.2",
        ]

        let harness = Process()
        harness.executableURL = URL(fileURLWithPath: exe)
        harness.arguments = args
        harness.standardOutput = FileHandle.nullDevice
        harness.standardError = FileHandle.nullDevice
        try harness.run()
        // Kill it once a few rows are durable (with a run certainly in flight).
        let deadline = Monotonic.now() + 30
        var rows = 0
        while Monotonic.now() < deadline {
            rows =
                ((try? String(contentsOfFile: dir + "/r/results.csv", encoding: .utf8)) ?? "").split(separator: "\n")
                .count - 1
            if rows >= 4 { break }
            usleep(20_000)
        }
        kill(harness.processIdentifier, SIGKILL)
        harness.waitUntilExit()
        #expect(harness.terminationReason == .uncaughtSignal)
        let killed = try ResultSet.load(path: dir + "/r")
        #expect(killed.rows.count >= 4 && killed.rows.count < 12)
        #expect(killed.manifest?.finished == nil)

        let resumed = try ChildProcess.run(executable: exe, arguments: args + ["--resume"], timeout: 60)
        #expect(resumed.exitCode == 0, "\(resumed.stderrText)")
        let set = try ResultSet.load(path: dir + "/r")
        let planned = try ExperimentPlan(
            spec: try ExperimentSpec.load(path: spec),
            overrides: [try .parse("fixture.sleep=0.2")]
        ).runs().map(\.runID)
        #expect(set.rows.count == planned.count)
        #expect(Set(set.rows.map(\.runID)) == Set(planned))
        #expect(set.rows.allSatisfy { $0.isOK })
        #expect(set.manifest?.sessions.count == 2 && set.manifest?.sessions[0].finished == nil)
        #expect(set.manifest?.finished != nil)
    }

    @Test func sigintStopsAfterTheRunInFlight() throws {
        let exe = TestSupport.dedupbench
        try #require(FileManager.default.isExecutableFile(atPath: exe))
        let dir = TestSupport.temporaryDirectory("sigint")
        defer { TestSupport.remove(dir) }
        let log = dir + "/log"
        let args = [
            "run", TestSupport.fixture("specs/fixture.yaml"), "--executable", TestSupport.fakePipeline,
            "--results", dir + "/r", "--progress", "lines", "--set", "fixture.sleep=0.8", "--set", "fixture.log=\(log)",
        ]
        let harness = Process()
        harness.executableURL = URL(fileURLWithPath: exe)
        harness.arguments = args
        harness.standardOutput = FileHandle.nullDevice
        harness.standardError = FileHandle.nullDevice
        try harness.run()
        // Interrupt while the third run is in flight (its child has logged its start).
        let deadline = Monotonic.now() + 30
        while Monotonic.now() < deadline {
            let started = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").count
            if started >= 3 { break }
            usleep(10_000)
        }
        kill(harness.processIdentifier, SIGINT)
        harness.waitUntilExit()
        #expect(harness.terminationStatus == 130)
        let set = try ResultSet.load(path: dir + "/r")
        // The run in flight finished and was recorded; no new run started after the signal.
        #expect(set.rows.count == 3)
        #expect(set.rows.allSatisfy { $0.isOK })
        #expect(try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count == 3)
        #expect(set.manifest?.sessions.first?.interrupted == true && set.manifest?.finished != nil)
    }

    @Test func validateExitCodes() throws {
        let exe = TestSupport.dedupbench
        try #require(FileManager.default.isExecutableFile(atPath: exe))
        let bad = TestSupport.fixture("bad-specs/zip-length-mismatch.yaml")
        let prices = TestSupport.packageRoot + "/config/prices/aws-s3-standard-us-east-1.yaml"
        let ok = try ChildProcess.run(executable: exe, arguments: ["validate", prices])
        #expect(ok.exitCode == 0)
        #expect(String(decoding: ok.stdout, as: UTF8.self).contains("price table aws-s3-standard-us-east-1 v1"))
        let r = try ChildProcess.run(executable: exe, arguments: ["validate", prices, bad])
        #expect(r.exitCode == 2)
        #expect(r.stderrText.contains("\(bad):10:22: zip[0][1]: got 'hash.encoding with 2 values'"))
        let dry = try ChildProcess.run(
            executable: exe, arguments: ["run", TestSupport.fixture("specs/fixture.yaml"), "--dry-run"])
        #expect(dry.exitCode == 0)
        #expect(String(decoding: dry.stdout, as: UTF8.self).split(separator: "\n").count == 13)
    }
}
