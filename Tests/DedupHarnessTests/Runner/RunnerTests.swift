import DedupPipeline
import DedupFormats
import Foundation
import Testing

@testable import DedupHarness

/// The runner against real child processes: Fixtures/fake-pipeline.sh speaks the arguments of
/// `dedupbench pipeline --json`, derives its deterministic columns from --seed and can be told
/// to sleep, crash, fail a few times or report lost records.
@Suite(.serialized) struct RunnerTests {
    static let executor = ChildProcessExecutor(executable: TestSupport.fakePipeline)

    func fixturePlan(_ overrides: [String] = []) throws -> ExperimentPlan {
        let spec = try ExperimentSpec.load(path: TestSupport.fixture("specs/fixture.yaml"))
        return try ExperimentPlan(spec: spec, overrides: overrides.map { try ExperimentPlan.Override.parse($0) })
    }

    func singleRun(_ settings: String, overrides: [String]) throws -> ExperimentPlan {
        let spec = try TestSupport.spec(
            "version: 1\nname: single\npipeline: {}\nretry_backoff: 0.01\n\(settings)\nmatrix:\n  strategy: [bronze_append]\n"
        )
        return try ExperimentPlan(spec: spec, overrides: overrides.map { try ExperimentPlan.Override.parse($0) })
    }

    func run(_ plan: ExperimentPlan, _ dir: String, options: RunOptions? = nil, jobs: Int = 1) throws -> (
        RunSummary, ResultSet
    ) {
        var o = options ?? TestSupport.options(results: dir)
        o.jobs = jobs
        let summary = try ExperimentRunner(plan: plan, executor: Self.executor, options: o).run()
        return (summary, try ResultSet.load(path: dir))
    }

    @Test func recordsOneRowPerRunWithManifest() throws {
        let dir = TestSupport.temporaryDirectory("runner")
        defer { TestSupport.remove(dir) }
        let plan = try fixturePlan()
        let (summary, set) = try run(plan, dir)
        #expect(summary.recorded == 12 && summary.ok == 12 && !summary.interrupted)
        #expect(set.columns == ResultColumns.all)
        #expect(set.rows.map(\.runID) == plan.runs().map(\.runID))
        for (row, planned) in zip(set.rows, plan.runs()) {
            #expect(row.status == "ok" && row["attempts"] == "1")
            #expect(row.seed == planned.seed && row["checksum"] == String(format: "%016llx", planned.seed))
            #expect(row["params"] == planned.cell.paramsJSON && row.experiment == "fixture")
            #expect(Double(row["s3_total_usd"])! > 0 && !row["wall_s"].isEmpty)
        }
        let m = try #require(set.manifest)
        #expect(m.schemaVersion == ResultColumns.schemaVersion && m.columns == ResultColumns.all)
        #expect(m.experiment.name == "fixture" && m.experiment.cells == 6 && m.experiment.runs == 12)
        #expect(m.experiment.charts.first?.type == .throughputVs)
        #expect(m.prices.name == "aws-s3-standard-us-east-1" && m.prices.version == 1)
        #expect(m.sessions.count == 1 && m.finished != nil && m.sessions[0].runsRecorded == 12)
        #expect(m.provenance.cores > 0 && m.provenance.memoryBytes > 0 && !m.provenance.os.isEmpty)
        #expect(m.provenance.gitCommit.count == 40 || m.provenance.gitCommit == "unknown")
        // Provenance sits flat at the top level of manifest.json, where simple readers look.
        let json = try JSONParser.parse(try String(contentsOfFile: dir + "/manifest.json", encoding: .utf8))
        guard let top = json.objectMembers, let experiment = top["experiment"]?.objectMembers else {
            Issue.record("manifest.json is not an object with an experiment")
            return
        }
        for key in [
            "schema_version", "git_commit", "git_dirty", "host", "cpu_model", "cores", "memory_bytes", "os",
            "swift_version", "build_configuration", "dedupbench_version", "started", "finished", "sessions", "prices",
        ] {
            #expect(top[key] != nil, "manifest lacks \(key)")
        }
        #expect(experiment["sha256"]?.text == m.experiment.sha256 && experiment["charts"] != nil)
        // The retry backoff and the spec's volume section (with its lines) are recorded too.
        #expect(m.experiment.retryBackoff == 0.01 && experiment["retry_backoff"]?.numberValue == 0.01)
        #expect(m.experiment.volume == VolumeSpec(eventsPerDay: 5e7, duplicateRate: 0.2, lines: ["events_per_day": 17, "duplicate_rate": 18]))
        #expect(experiment["volume"]?.lookup("events_per_day")?.numberValue == 5e7)
        // The inline base config is kept beside the results and was what the children got.
        #expect(FileManager.default.fileExists(atPath: dir + "/pipeline.yaml"))
        // A second run into the same folder without --resume is refused.
        #expect(throws: ResultsError.self) { _ = try run(plan, dir) }
    }

    @Test func sameSeedTwiceGivesIdenticalDeterministicColumns() throws {
        let a = TestSupport.temporaryDirectory("seed-a")
        let b = TestSupport.temporaryDirectory("seed-b")
        defer {
            TestSupport.remove(a)
            TestSupport.remove(b)
        }
        let (_, first) = try run(try fixturePlan(), a)
        let (_, second) = try run(try fixturePlan(), b, jobs: 2)
        #expect(TestSupport.deterministic(first) == TestSupport.deterministic(second))
        #expect(first.rows.count == 12)
        var spec = try fixturePlan().spec
        spec.seed = 8
        let c = TestSupport.temporaryDirectory("seed-c")
        defer { TestSupport.remove(c) }
        let (_, third) = try run(try ExperimentPlan(spec: spec), c)
        #expect(Set(third.rows.map(\.seed)).isDisjoint(with: first.rows.map(\.seed)))
    }

    @Test func timeoutKillsTheChildGroupAndIsRecorded() throws {
        let dir = TestSupport.temporaryDirectory("timeout")
        defer { TestSupport.remove(dir) }
        let plan = try singleRun("timeout: 0.5\nretries: 1", overrides: ["fixture.sleep=30"])
        let start = Monotonic.now()
        let (summary, set) = try run(plan, dir)
        let elapsed = Monotonic.now() - start
        #expect(summary.timedOut == 1)
        let row = try #require(set.rows.first)
        #expect(row.status == "timeout" && row["attempts"] == "2")
        #expect(row["error"].hasPrefix("killed after the 0.5 s timeout"))
        #expect(row.strategy == "bronze_append" && row["checksum"].isEmpty)
        // Two 0.5 s attempts: the sleeping grandchild died with its group (else each attempt
        // would wait for the pipe until the 2 s drain limit).
        #expect(elapsed < 4.5, "took \(elapsed) s")
    }

    @Test func retriesRecoverAFlakyRunAndRecordAttempts() throws {
        let dir = TestSupport.temporaryDirectory("retry")
        defer { TestSupport.remove(dir) }
        let counter = dir + "/count"
        let (_, ok) = try run(try singleRun("retries: 2", overrides: ["fixture.flaky=\(counter):2"]), dir + "/ok")
        #expect(ok.rows.map(\.status) == ["ok"] && ok.rows[0]["attempts"] == "3" && ok.rows[0]["error"] == "")
        let counter2 = dir + "/count2"
        let (summary, bad) = try run(
            try singleRun("retries: 1", overrides: ["fixture.flaky=\(counter2):5"]), dir + "/bad")
        #expect(summary.failed == 1)
        #expect(bad.rows[0].status == "failed" && bad.rows[0]["attempts"] == "2")
        #expect(bad.rows[0]["error"] == "exited with code 1: fake-pipeline: flaky failure 2 of 5")
        #expect(
            try String(contentsOfFile: counter2, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) == "2"
        )
    }

    @Test func crashesAreFailedRowsWithStderr() throws {
        let dir = TestSupport.temporaryDirectory("crash")
        defer { TestSupport.remove(dir) }
        let (_, set) = try run(try singleRun("retries: 0", overrides: ["fixture.exit=3"]), dir)
        #expect(set.rows[0].status == "failed")
        #expect(set.rows[0]["error"] == "exited with code 3: fake-pipeline: crashing with 3")
    }

    @Test func pipelineReportedFailureIsRecordedNotRetried() throws {
        let dir = TestSupport.temporaryDirectory("lose")
        defer { TestSupport.remove(dir) }
        let (summary, set) = try run(try singleRun("retries: 2", overrides: ["fixture.lose=1"]), dir)
        #expect(summary.failed == 1)
        let row = set.rows[0]
        #expect(row.status == "failed" && row["attempts"] == "1" && row["lost_records"] == "3")
        #expect(row["error"] == "lost 3 records, e.g. \"a,b\"")
    }

    @Test func shardsMergeIntoTheUnshardedResult() throws {
        let root = TestSupport.temporaryDirectory("shards")
        defer { TestSupport.remove(root) }
        let plan = try fixturePlan()
        let (_, whole) = try run(plan, root + "/whole")
        for k in 1...3 {
            var o = TestSupport.options(results: root + "/shard\(k)")
            o.shard = Shard(index: k, count: 3)
            let s = try ExperimentRunner(plan: plan, executor: Self.executor, options: o).run()
            #expect(s.planned == 4)
        }
        let merged = try ResultMerger.merge(paths: (1...3).map { root + "/shard\($0)" })
        #expect(merged.warnings.isEmpty)
        try merged.set.write(directory: root + "/merged")
        let back = try ResultSet.load(path: root + "/merged")
        #expect(TestSupport.deterministic(back) == TestSupport.deterministic(whole))
        #expect(back.rows.map(\.runID) == whole.sortedByRunKey().rows.map(\.runID))
        let m = try #require(back.manifest)
        #expect(m.sessions.map(\.shard) == ["1/3", "2/3", "3/3"] && m.mergedFrom?.count == 3)
        // Merging a set with itself keeps each run once.
        let again = try ResultMerger.merge(paths: [root + "/merged", root + "/shard1"])
        #expect(again.set.rows.count == 12)
    }

    @Test func resumeAfterStopSkipsRecordedRunsAndRepairsATornLine() throws {
        let dir = TestSupport.temporaryDirectory("resume")
        defer { TestSupport.remove(dir) }
        let log = dir + "/log"
        let plan = try fixturePlan(["fixture.log=\(log)"])
        let (first, partial) = try run(
            plan, dir + "/r", options: TestSupport.options(results: dir + "/r", stopAfter: 5))
        #expect(first.interrupted && first.recorded == 5 && partial.rows.count == 5)
        // A crash in the middle of a write would leave a torn line: resume must drop it.
        let handle = try #require(FileHandle(forWritingAtPath: dir + "/r/results.csv"))
        handle.seekToEndOfFile()
        handle.write(Data("fixture,abc,\"torn".utf8))
        handle.closeFile()
        var o = TestSupport.options(results: dir + "/r")
        o.resume = true
        let second = try ExperimentRunner(plan: plan, executor: Self.executor, options: o).run()
        #expect(second.skipped == 5 && second.recorded == 7 && second.repairedTornLine && !second.interrupted)
        let set = try ResultSet.load(path: dir + "/r")
        #expect(set.rows.map(\.runID) == plan.runs().map(\.runID))
        let ran = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(ran.count == 12 && Set(ran).count == 12)
        #expect(set.manifest?.sessions.count == 2)
        // Resuming another experiment's results is refused before anything is written.
        let other = try singleRun("retries: 0", overrides: [])
        let before = try String(contentsOfFile: dir + "/r/results.csv", encoding: .utf8)
        #expect(throws: ResultsError.self) {
            _ = try ExperimentRunner(plan: other, executor: Self.executor, options: o).run()
        }
        #expect(try String(contentsOfFile: dir + "/r/results.csv", encoding: .utf8) == before)
    }

    @Test func warmupsRunButAreNotRecorded() throws {
        let dir = TestSupport.temporaryDirectory("warmup")
        defer { TestSupport.remove(dir) }
        let log = dir + "/log"
        let plan = try singleRun("warmup: 2\nrepeats: 3", overrides: ["fixture.log=\(log)"])
        let (_, set) = try run(plan, dir + "/r")
        #expect(set.rows.count == 3)
        #expect(try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count == 5)
    }
}
