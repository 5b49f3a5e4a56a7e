import DedupPipeline
import Foundation
import Testing

@testable import DedupHarness

/// The one exit-code scheme and error prefix of every subcommand (README, "Exit codes"), checked on
/// the real binary.
@Suite struct ExitCodeTests {
    func run(_ arguments: [String]) throws -> ChildProcess.Result {
        let exe = TestSupport.dedupbench
        try #require(FileManager.default.isExecutableFile(atPath: exe))
        return try ChildProcess.run(executable: exe, arguments: arguments)
    }

    @Test func versionNamesTheCommit() throws {
        let r = try run(["--version"])
        #expect(r.exitCode == 0)
        let text = String(decoding: r.stdout, as: UTF8.self)
        #expect(text.hasPrefix("dedupbench \(Provenance.dedupbenchVersion) (commit "))
        // A checkout gives a 40-digit commit (the tests run from one).
        #expect(text.range(of: "commit [0-9a-f]{40}\\)", options: .regularExpression) != nil, "\(text)")
    }

    @Test func badInputIsTwoWithTheCommandPrefix() throws {
        let dir = TestSupport.temporaryDirectory("exit")
        defer { TestSupport.remove(dir) }
        let bad = TestSupport.fixture("bad-specs/zip-length-mismatch.yaml")
        for (args, prefix) in [
            (["validate", bad], "dedupbench validate: error: \(bad):10:22:"),
            (["run", bad, "--dry-run"], "dedupbench run: error: \(bad):10:22:"),
            (["report", dir + "/missing"], "dedupbench report: error: \(dir)/missing: no such file"),
            (["lake", "inspect", dir], "dedupbench lake inspect: error: "),
        ] {
            let r = try run(args)
            #expect(r.exitCode == 2, "\(args)")
            #expect(r.stderrText.hasPrefix(prefix), "\(args): \(r.stderrText)")
        }
    }

    @Test func usageIsSixtyFourAndIOIsThree() throws {
        let usage = try run(["run", "x.yaml", "--jobs", "0"])
        #expect(usage.exitCode == 64)
        #expect(usage.stderrText.hasPrefix("dedupbench run: error: --jobs must be at least 1"))
        // a strategy named twice would meet its own table: refused up front
        let twice = try run(["pipeline", "--strategy", "eager_dedup", "--strategy", "eager_dedup", "--out", "/nonexistent-dir/t"])
        #expect(twice.exitCode == 64)
        #expect(twice.stderrText.hasPrefix("dedupbench pipeline: error: --strategy 'eager_dedup' is given twice"), "\(twice.stderrText)")
        let baseline = TestSupport.packageRoot + "/results/baseline/ci"
        let io = try run(["compare", "--baseline", baseline, "--candidate", baseline, "--out", "/nonexistent-dir/x.md"])
        #expect(io.exitCode == 3)
        #expect(io.stderrText.hasPrefix("dedupbench compare: error: cannot write /nonexistent-dir/x.md"))
    }

    @Test func runsThatFailExitOne() throws {
        let dir = TestSupport.temporaryDirectory("exit-failed")
        defer { TestSupport.remove(dir) }
        // `exit 1` without a JSON line: every run fails (retries: 0), all recorded.
        let spec = dir + "/fail.yaml"
        try """
        version: 1
        name: fails
        pipeline: {}
        retries: 0
        matrix:
          strategy: [bronze_append]
        """.write(toFile: spec, atomically: true, encoding: .utf8)
        let script = dir + "/fail.sh"
        try TestSupport.writeExecutable("#!/bin/sh\nexit 1\n", to: script)
        let r = try run(["run", spec, "--results", dir + "/r", "--executable", script, "--progress", "none"])
        #expect(r.exitCode == 1, "\(r.stderrText)")
    }
}
