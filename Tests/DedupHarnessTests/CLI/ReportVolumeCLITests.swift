import Foundation
import Testing

@testable import DedupHarness

/// `dedupbench run` records the spec's `volume:`; `dedupbench report` projects to it, a flag
/// overrides one value, and the report names the source of each (real binary, fake pipeline).
@Suite struct ReportVolumeCLITests {
    func dedupbench(_ arguments: [String]) throws -> ChildProcess.Result {
        let exe = TestSupport.dedupbench
        try #require(FileManager.default.isExecutableFile(atPath: exe), "build dedupbench first: \(exe)")
        return try ChildProcess.run(executable: exe, arguments: arguments, timeout: 120)
    }

    @Test func volumeFromTheSpecAndFlagsWithTheirSources() throws {
        let dir = TestSupport.temporaryDirectory("report-volume")
        defer { TestSupport.remove(dir) }
        let spec = TestSupport.fixture("specs/fixture.yaml")
        // The fake pipeline plus the two figures the projection needs that it does not print.
        let pipeline = dir + "/pipeline.sh"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try TestSupport.writeExecutable("#!/bin/bash\n'\(TestSupport.fakePipeline)' \"$@\" | sed 's/^{/{\"unique_in\":1000,\"cpu_s\":0.01,/'\n", to: pipeline)
        let run = try dedupbench([
            "run", spec, "--results", dir + "/r", "--progress", "none", "--executable", pipeline, "--set",
            "fixture.sleep=0",
        ])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let report = try dedupbench(["report", dir + "/r", "--out", dir + "/R.md", "--retention-days", "14"])
        #expect(report.exitCode == 0, "\(report.stderrText)")
        let md = try String(contentsOfFile: dir + "/R.md", encoding: .utf8)
        // fixture.yaml sets events_per_day (line 17) and duplicate_rate (line 18); the flag sets retention.
        #expect(md.contains("At 50M events/day with 20% duplicates and 14 days retention"), "\(md)")
        #expect(md.contains("events/day 50M — experiment file `\(spec):17`, `volume.events_per_day`"))
        #expect(md.contains("duplicate rate 20% — experiment file `\(spec):18`, `volume.duplicate_rate`"))
        #expect(md.contains("retention 14 days — command line (`--retention-days 14`)"))
        #expect(md.contains("micro-batch interval 300 s — built-in default"))
        // An out-of-range flag is a usage error; a bad volume section in the spec is bad input with its line.
        let usage = try dedupbench(["report", dir + "/r", "--out", dir + "/R2.md", "--dup-rate", "11"])
        #expect(
            usage.exitCode == 64 && usage.stderrText.contains("--dup-rate 11 is out of range"), "\(usage.stderrText)")
        let bad = dir + "/bad.yaml"
        try "version: 1\nname: x\npipeline: {}\nmatrix:\n  strategy: [bronze_append]\nvolume:\n  retention_days: 0\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let invalid = try dedupbench(["validate", bad])
        #expect(
            invalid.exitCode == 2 && invalid.stderrText.contains("\(bad):7:19: volume.retention_days: got '0'"),
            "\(invalid.stderrText)")
    }
}
