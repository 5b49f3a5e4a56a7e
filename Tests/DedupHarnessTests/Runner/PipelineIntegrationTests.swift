import DedupPipeline
import Foundation
import Testing

@testable import DedupHarness

/// The harness driving the real pipeline: `experiments/ci.yaml` shrunk with `--set`, once as child
/// processes of the dedupbench binary and once in-process. Both must verify every run and agree on
/// every deterministic column (same seeds → same rows, bytes, requests, cost and checksums).
@Suite(.serialized) struct PipelineIntegrationTests {
    static let spec = TestSupport.packageRoot + "/experiments/ci.yaml"
    static let overrides = ["generation.scale=2000", "generation.chaos.dup_prob=0.2"]

    func plan() throws -> ExperimentPlan {
        try ExperimentPlan(
            spec: try ExperimentSpec.load(path: Self.spec),
            overrides: Self.overrides.map { try ExperimentPlan.Override.parse($0) })
    }

    @Test func childProcessAndInProcessRunsAgree() throws {
        let exe = TestSupport.dedupbench
        try #require(FileManager.default.isExecutableFile(atPath: exe), "build dedupbench first: \(exe)")
        let dir = TestSupport.temporaryDirectory("pipeline")
        defer { TestSupport.remove(dir) }
        let plan = try plan()
        try PlanValidator.check(plan)
        #expect(plan.cells.count == 4)

        var options = TestSupport.options(results: dir + "/child")
        options.repeats = 1
        let child = try ExperimentRunner(plan: plan, executor: ChildProcessExecutor(executable: exe), options: options)
            .run()
        options.resultsDirectory = dir + "/inproc"
        let inproc = try ExperimentRunner(plan: plan, executor: InProcessExecutor(), options: options).run()
        #expect(child.ok == 4 && inproc.ok == 4)

        let a = try ResultSet.load(path: dir + "/child")
        let b = try ResultSet.load(path: dir + "/inproc")
        #expect(TestSupport.deterministic(a) == TestSupport.deterministic(b))
        for row in a.rows {
            #expect(row.isOK, "\(row.runID): \(row["error"])")
            #expect(row["scale"] == "2000" && row["dup_prob"] == "0.2" && row["hash_algorithm"] == "sha256")
            #expect(Int(row["records_in"])! > 2000 && row["lost_records"] == "0")
            #expect(row["checksum"].count == 16 && Double(row["s3_total_usd"])! > 0)
            #expect(Double(row["wall_s"])! > 0 && Int(row["peak_rss_bytes"])! > 0)
            // No maintenance configured: nothing vacuumed, no maintenance seconds (schema 3 columns).
            #expect(row["bytes_before_vacuum"] == row["table_bytes"] && row["maintenance_s"] == "0.0")
        }
        // bronze_append keeps duplicates; the others leave none.
        for row in a.rows {
            #expect((row.strategy == "bronze_append") == (row["duplicates_left"] != "0"))
        }
        #expect(a.manifest?.sessions.first?.executor == "child-process")
        #expect(b.manifest?.sessions.first?.executor == "in-process")
    }

    @Test func validatorRejectsValuesThePipelineRejects() throws {
        let spec = try ExperimentSpec.load(path: Self.spec)
        let bad = try ExperimentPlan(spec: spec, overrides: [try .parse("hash.algorithm=sha512")])
        do {
            try PlanValidator.check(bad)
            Issue.record("sha512 was accepted")
        } catch {
            #expect(error.description == "--set: hash.algorithm: got 'sha512'; expected one of sha256, md5, xxh64")
        }
        let typo = try ExperimentPlan(spec: spec, overrides: [try .parse("strategy=bronze_apend")])
        #expect(throws: SpecError.self) { try PlanValidator.check(typo) }
    }
}
