import DedupPipeline
import Foundation
import Testing

@testable import DedupHarness

/// Issue 9 §2 on the real binary: the seed's config/pipeline.yaml runs unchanged with
/// `dedupbench pipeline`, says which config it loaded and why, reports its no-effect keys once,
/// and a bad or empty config fails as `validate` says. Serialized: each test blocks a test thread on
/// child processes, and the parallel suites share two cores.
@Suite(.serialized) struct SeedConfigCLITests {
    static let seedProject = TestSupport.packageRoot + "/Tests/DedupPipelineTests/Fixtures/config/seed-project"

    /// A copy of the seed project (config/pipeline.yaml + config/sources/pubsub.yaml) in `dir`.
    static func copySeedProject(to dir: String) throws -> String {
        try FileManager.default.copyItem(atPath: seedProject + "/config", toPath: dir + "/config")
        return dir + "/config/pipeline.yaml"
    }

    func run(_ arguments: [String], env: [String: String] = [:]) async throws -> ChildProcess.Result {
        let exe = TestSupport.dedupbench
        try #require(FileManager.default.isExecutableFile(atPath: exe))
        var environment = ProcessInfo.processInfo.environment
        environment["PIPELINE_CONFIG"] = nil
        environment["LOG_LEVEL"] = nil
        environment.merge(env) { _, new in new }
        let e = environment
        return try await OffPool.run {
            try ChildProcess.run(executable: exe, arguments: arguments, environment: e, timeout: 120)
        }
    }

    @Test func seedConfigRunsUnchanged() async throws {
        let dir = TestSupport.temporaryDirectory("seed-cli")
        defer { TestSupport.remove(dir) }
        let config = try Self.copySeedProject(to: dir)
        let r = try await run(
            ["pipeline", "--config", config, "--out", dir + "/out/r1"], env: ["DELTA_TABLE_PATH": dir + "/lake"])
        let out = String(decoding: r.stdout, as: UTF8.self)
        #expect(r.exitCode == 0, "\(r.stderrText)")
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines[0] == "config: \(config) (from --config)")
        #expect(lines[1] == "pipeline: pubsub_dedup_pipeline 1.0.0")
        // generation.seed: null → a fresh seed, printed with the flag that repeats the run.
        let seedLine = try #require(lines.first { $0.hasPrefix("seed: ") })
        let seed = try #require(seedLine.split(separator: " ").dropFirst().first.map(String.init))
        #expect(seedLine == "seed: \(seed) (fresh: generation.seed is null; repeat this run with --seed \(seed))")
        // Each no-effect key once, as a warning naming it.
        for key in [
            "prefect.flow_name", "prefect.execution.task_runner", "prefect.server.parameters.cron",
            "storage.raw_data_path", "storage.retention_days",
        ] {
            #expect(r.stderrText.components(separatedBy: ": \(key): ").count == 2, "\(key): \(r.stderrText)")
        }
        #expect(!r.stderrText.contains("prefect.server.enabled"))
        // logging.structured: every log record is a JSON line on stderr.
        let logs = r.stderrText.split(separator: "\n").filter { !$0.hasPrefix("dedupbench pipeline: warning:") }
        #expect(!logs.isEmpty && logs.allSatisfy { $0.hasPrefix("{\"ts\":\"") && $0.hasSuffix("}") }, "\(logs)")
        // Tables under ${DELTA_TABLE_PATH}/<OUT's name>, and the closing lines say so.
        for s in ["bronze_append", "polars_merge", "eager_dedup"] {
            #expect(FileManager.default.fileExists(atPath: "\(dir)/lake/r1/\(s)/_delta_log/00000000000000000000.json"))
        }
        #expect(out.contains("tables: \(dir)/lake/r1 (3 table(s)"))
        // The same seed again gives the same rows (the run is repeatable from what was printed).
        let again = try await run(
            ["pipeline", "--config", config, "--seed", seed, "--out", dir + "/out/r2", "--json"],
            env: ["DELTA_TABLE_PATH": dir + "/lake"])
        #expect(again.exitCode == 0)
        let json = String(decoding: again.stdout, as: UTF8.self)
        #expect(json.contains("\"seed\":\"\(seed)\""))
        #expect(!again.stderrText.contains("fresh"))
    }

    @Test func pipelineConfigVariableNamesTheFile() async throws {
        let dir = TestSupport.temporaryDirectory("seed-env")
        defer { TestSupport.remove(dir) }
        let config = try Self.copySeedProject(to: dir)
        let r = try await run(
            ["pipeline", "--strategy", "bronze_append", "--seed", "3", "--out", dir + "/out/e1", "--json"],
            env: ["PIPELINE_CONFIG": config, "DELTA_TABLE_PATH": dir + "/lake"])
        #expect(r.exitCode == 0, "\(r.stderrText)")
        #expect(r.stderrText.hasPrefix("dedupbench pipeline: config: \(config) (from PIPELINE_CONFIG)\n"))
        #expect(FileManager.default.fileExists(atPath: dir + "/lake/e1/bronze_append/_delta_log"))
        // A PIPELINE_CONFIG that names no file is an error, never a fall-back to the defaults.
        let missing = try await run(["pipeline", "--out", dir + "/out/e2"], env: ["PIPELINE_CONFIG": dir + "/nope.yaml"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderrText.hasPrefix("dedupbench pipeline: error: \(dir)/nope.yaml: an existing config file"))
    }

    @Test func everyErrorIsReportedByPipelineAndValidate() async throws {
        let dir = TestSupport.temporaryDirectory("seed-errors")
        defer { TestSupport.remove(dir) }
        let bad = dir + "/bad.yaml"
        try "pipeline: {name: x, versoin: 1}\ngeneration:\n  scale: huge\nsource: {type: dlt}\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        for command in ["pipeline", "validate"] {
            let r = try await run(command == "pipeline" ? [command, "--config", bad] : [command, bad])
            #expect(r.exitCode == 2)
            let lines = r.stderrText.split(separator: "\n").map(String.init)
            #expect(lines.count == 3, "\(lines)")
            #expect(lines[0].hasPrefix("dedupbench \(command): error: \(bad):1:21: pipeline.versoin: unknown key"))
            #expect(lines[1].hasPrefix("dedupbench \(command): error: \(bad):3:10: generation.scale: got 'huge'"))
            #expect(
                lines[2].hasPrefix(
                    "dedupbench \(command): error: \(bad):4:16: source.type: got 'dlt'; expected a source type dedupbench has: dlt (data load tool) is not available"
                ))
        }
    }

    @Test func emptyConfigFailsInPipelineAsInValidate() async throws {
        let dir = TestSupport.temporaryDirectory("seed-empty")
        defer { TestSupport.remove(dir) }
        let empty = dir + "/empty.yaml"
        try "# only a comment\n".write(toFile: empty, atomically: true, encoding: .utf8)
        let p = try await run(["pipeline", "--config", empty, "--out", dir + "/out"])
        let v = try await run(["validate", empty])
        #expect(p.exitCode == 2 && v.exitCode == 2)
        #expect(p.stderrText == "dedupbench pipeline: error: \(empty):1:1: the document is empty\n")
        #expect(v.stderrText == "dedupbench validate: error: \(empty):1:1: the document is empty\n")
    }

    @Test func failedRunIsRetriedAsConfigured() async throws {
        let dir = TestSupport.temporaryDirectory("seed-retry")
        defer { TestSupport.remove(dir) }
        // Tables under a regular file: every attempt fails with an I/O error.
        try "".write(toFile: dir + "/blocker", atomically: true, encoding: .utf8)
        let config = dir + "/retry.yaml"
        try """
        generation: {scale: 50}
        storage: {delta_base_path: \(dir)/blocker}
        prefect: {execution: {max_retries: 2, retry_delay_seconds: 0.2}}
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let start = Date()
        let r = try await run(["pipeline", "--config", config, "--strategy", "bronze_append", "--out", dir + "/out/x"])
        #expect(r.exitCode == 3)
        #expect(Date().timeIntervalSince(start) >= 0.4)  // two delays of 0.2 s
        #expect(r.stderrText.contains("dedupbench pipeline: warning: bronze_append failed ("))
        #expect(r.stderrText.contains("retry 1 of 2 in 0.2 s") && r.stderrText.contains("retry 2 of 2 in 0.2 s"))
        #expect(!r.stderrText.contains("retry 3"))
        let out = String(decoding: r.stdout, as: UTF8.self)
        #expect(
            out.contains("retries: bronze_append 2 (still failed after 2 retries) — limit 2, 0.2 s apart"), "\(out)")
        // Without the prefect keys nothing is retried.
        try "generation: {scale: 50}\nstorage: {delta_base_path: \(dir)/blocker}\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let once = try await run(["pipeline", "--config", config, "--strategy", "bronze_append", "--out", dir + "/out/y"])
        #expect(once.exitCode == 3 && !once.stderrText.contains("retry 1 of"))
    }

    /// Under `run`, the experiment's `retries:` govern: each child is told not to retry inside.
    @Test func harnessChildrenDoNotRetryInside() async throws {
        let dir = TestSupport.temporaryDirectory("seed-child-args")
        defer { TestSupport.remove(dir) }
        let script = dir + "/args.sh"
        try TestSupport.writeExecutable("#!/bin/sh\necho \"$@\" >> \(dir)/args.txt\nexit 1\n", to: script)
        try "version: 1\nname: args\npipeline: {}\nretries: 0\nmatrix:\n  strategy: [bronze_append]\n"
            .write(toFile: dir + "/spec.yaml", atomically: true, encoding: .utf8)
        let r = try await run(["run", dir + "/spec.yaml", "--executable", script, "--results", dir + "/r", "--progress", "none"])
        #expect(r.exitCode == 1)
        let args = try String(contentsOfFile: dir + "/args.txt", encoding: .utf8)
        #expect(args.contains("--set prefect.execution.max_retries=0 --strategy bronze_append"), "\(args)")
    }

    /// A transient failure (the table location is blocked, then freed during the retry delay)
    /// ends ok after one retry, and the table says so.
    @Test func transientFailureSucceedsOnRetry() async throws {
        let exe = TestSupport.dedupbench
        try #require(FileManager.default.isExecutableFile(atPath: exe))
        let dir = TestSupport.temporaryDirectory("seed-retry-ok")
        defer { TestSupport.remove(dir) }
        try "".write(toFile: dir + "/lake", atomically: true, encoding: .utf8)  // a file where the tables go
        let config = dir + "/retry.yaml"
        try """
        generation: {scale: 50}
        storage: {delta_base_path: \(dir)/lake}
        prefect: {execution: {max_retries: 3, retry_delay_seconds: 2}}
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let status: Int32 = try await OffPool.run {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: exe)
            p.arguments = ["pipeline", "--config", config, "--strategy", "bronze_append", "--out", dir + "/out/t"]
            FileManager.default.createFile(atPath: dir + "/stdout", contents: nil)
            FileManager.default.createFile(atPath: dir + "/stderr", contents: nil)
            p.standardOutput = FileHandle(forWritingAtPath: dir + "/stdout")
            p.standardError = FileHandle(forWritingAtPath: dir + "/stderr")
            try p.run()
            let deadline = Monotonic.now() + 60
            while Monotonic.now() < deadline,
                !((try? String(contentsOfFile: dir + "/stderr", encoding: .utf8)) ?? "").contains("retry 1 of 3")
            {
                usleep(20_000)
            }
            try FileManager.default.removeItem(atPath: dir + "/lake")  // the fault clears during the delay
            p.waitUntilExit()
            return p.terminationStatus
        }
        let out = try String(contentsOfFile: dir + "/stdout", encoding: .utf8)
        let err = try String(contentsOfFile: dir + "/stderr", encoding: .utf8)
        #expect(status == 0, "\(err)")
        #expect(err.contains("retry 1 of 3 in 2 s") && !err.contains("retry 2 of 3"))
        #expect(out.contains("retries: bronze_append 1 (ok after 1 retry) — limit 3, 2 s apart"), "\(out)")
        #expect(FileManager.default.fileExists(atPath: dir + "/lake/t/bronze_append/_delta_log"))
    }
}
