import DedupPipeline
import DedupFormats
import Foundation
import Testing

@testable import DedupHarness

/// Issue 9 §3–§5 in the harness: limits refused up front, merge and resume that never mix
/// experiments, tables in the results folder, children that die with their parent.
@Suite(.serialized) struct TrustTests {
    static let executor = ChildProcessExecutor(executable: TestSupport.fakePipeline)

    static func bigMatrix(axes: Int, values: Int) -> String {
        var text = "version: 1\nname: big\npipeline: {}\nmatrix:\n  strategy: [bronze_append]\n"
        for a in 0..<axes {
            text += "  fixture.k\(a): [" + (0..<values).map(String.init).joined(separator: ", ") + "]\n"
        }
        return text
    }

    @Test func matricesPastTheCellCapAreRefusedNamingTheirAxes() throws {
        // 8 × 256 used to wrap the count to 0 ("0 runs, ok"); 6 × 1000 used to hang.
        for (axes, values) in [(8, 256), (6, 1000), (3, 101)] {
            let spec = try TestSupport.spec(Self.bigMatrix(axes: axes, values: values))
            let start = Monotonic.now()
            let error = #expect(throws: SpecError.self) { try ExperimentPlan(spec: spec) }
            #expect(error?.key == "matrix")
            #expect(
                error?.expected.hasPrefix("at most 1000000 cells; the axes are strategy (1) × fixture.k0 (\(values))")
                    == true)
            #expect(error?.line == 5)
            #expect(Monotonic.now() - start < 5, "refused up front, not after expanding")
        }
        // 100 × 100 × 100 = 10^6 is allowed (the cap is inclusive).
        #expect(MatrixExpander.maxCells == 1_000_000)
    }

    static let laughs = """
        version: 1
        name: laughs
        pipeline: {}
        a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
        h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
        i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]
        matrix:
          strategy: [bronze_append]
        """

    @Test func billionLaughsFailsFastWithALine() throws {
        let start = Monotonic.now()
        let specError = #expect(throws: SpecError.self) { try TestSupport.spec(Self.laughs) }
        #expect(specError?.expected.contains("YAML aliases") == true)
        #expect((4...12).contains(specError?.line ?? 0))
        let configError = #expect(throws: ConfigError.self) {
            try PipelineConfig.parse(yaml: Self.laughs, file: "laughs.yaml")
        }
        #expect(configError?.description.hasPrefix("laughs.yaml:") == true)
        #expect(configError?.expected.contains("YAML aliases") == true)
        #expect(Monotonic.now() - start < 10)
        // Every alias is refused (the one YAML layer does not expand them).
        let plain = #expect(throws: ConfigError.self) {
            try PipelineConfig.parse(yaml: "generation: {scale: &n 500}\nbatches: *n\n", file: "plain.yaml")
        }
        #expect(plain?.expected.contains("YAML aliases") == true)
    }

    @Test func mergeRefusesDifferentExperimentsAndReportsTornRows() throws {
        let dir = TestSupport.temporaryDirectory("merge-mixed")
        defer { TestSupport.remove(dir) }
        func results(_ name: String, _ rows: [String], torn: String? = nil) throws -> String {
            let d = dir + "/" + name
            try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
            let header = ResultColumns.all.joined(separator: ",")
            let lines = rows.map { id in
                ResultColumns.all.map { c -> String in
                    switch c {
                    case "experiment": name
                    case "cell_id": "c\(id)"
                    case "run_id": "c\(id)-0"
                    case "repeat": "0"
                    case "status": "ok"
                    default: ""
                    }
                }.joined(separator: ",")
            }
            try ([header] + lines).joined(separator: "\n").appending("\n").appending(torn ?? "").write(
                toFile: d + "/results.csv", atomically: true, encoding: .utf8)
            return d
        }
        let a = try results("alpha", ["1", "2"])
        let b = try results("beta", ["3"])
        let error = #expect(throws: ResultsError.self) { try ResultMerger.merge(paths: [a, b]) }
        #expect(error?.description.contains("the inputs belong to different experiments: 'alpha'") == true)
        let torn = try results("alpha2", ["1"], torn: "alpha2,c9,c9-0,0")
        let merged = try ResultMerger.merge(paths: [torn])
        #expect(merged.set.rows.count == 1)
        #expect(merged.warnings.contains { $0.contains("results.csv:3: left out a torn last row") })
    }

    @Test func resumeRefusesOtherOverridesOrAnotherExperiment() throws {
        let dir = TestSupport.temporaryDirectory("resume-mismatch")
        defer { TestSupport.remove(dir) }
        let spec = try ExperimentSpec.load(path: TestSupport.fixture("specs/fixture.yaml"))
        let first = try ExperimentPlan(spec: spec, overrides: [try .parse("generation.scale=20000")])
        var o = TestSupport.options(results: dir, stopAfter: 2)
        _ = try ExperimentRunner(plan: first, executor: Self.executor, options: o).run()
        o = TestSupport.options(results: dir)
        o.resume = true
        let forgot = try ExperimentPlan(spec: spec)
        let e = #expect(throws: ResultsError.self) {
            try ExperimentRunner(plan: forgot, executor: Self.executor, options: o).run()
        }
        #expect(e?.description.contains("--set generation.scale=20000, this command has none") == true)
        var other = spec
        other.name = "other"
        #expect(throws: ResultsError.self) {
            try ExperimentRunner(plan: try ExperimentPlan(spec: other), executor: Self.executor, options: o).run()
        }
        // The same command resumes.
        let same = try ExperimentRunner(plan: first, executor: Self.executor, options: o).run()
        #expect(same.skipped >= 1)
    }

    @Test func runTablesLiveUnderTheResultsFolderAndAreCleanedNextTime() throws {
        let dir = TestSupport.temporaryDirectory("workdir")
        defer { TestSupport.remove(dir) }
        // What a SIGKILLed harness (a pid that no longer runs) left behind.
        let leftover = dir + "/" + ExperimentRunner.workFolder + "/999999999/old-run-a1"
        try FileManager.default.createDirectory(atPath: leftover, withIntermediateDirectories: true)
        let spec = try ExperimentSpec.load(path: TestSupport.fixture("specs/fixture.yaml"))
        let plan = try ExperimentPlan(spec: spec, overrides: [try .parse("strategy=bronze_append")])
        var o = TestSupport.options(results: dir)
        o.resume = true
        let seen = DirectoryWatch(dir + "/" + ExperimentRunner.workFolder)
        o.shouldAbort = { seen.poll() }
        _ = try ExperimentRunner(plan: plan, executor: Self.executor, options: o).run()
        #expect(!FileManager.default.fileExists(atPath: leftover), "a killed run's tables are removed")
        #expect(!FileManager.default.fileExists(atPath: dir + "/" + ExperimentRunner.workFolder))
        #expect(seen.sawRunFolder, "runs wrote under the results folder")
    }

    /// A SIGKILLed `run` must not leave its pipeline child running (the lifeline pipe).
    @Test func childrenDieWithAKilledHarness() throws {
        let exe = TestSupport.dedupbench
        try #require(FileManager.default.isExecutableFile(atPath: exe), "build dedupbench first: \(exe)")
        let dir = TestSupport.temporaryDirectory("lifeline")
        defer { TestSupport.remove(dir) }
        // A real pipeline child that runs for a long time on little CPU: realtime pubsub delivery.
        let base = dir + "/slow.yaml"
        try """
        source: {type: pubsub}
        generation: {scale: 400, chaos: {base_delay: 0.05, jitter: 0}}
        pubsub: {realtime: true, time_scale: 1}
        """.write(toFile: base, atomically: true, encoding: .utf8)
        let spec = dir + "/spec.yaml"
        try "version: 1\nname: slow\nbase: slow.yaml\ntimeout: 600\nmatrix:\n  strategy: [bronze_append]\n".write(
            toFile: spec, atomically: true, encoding: .utf8)
        let harness = Process()
        harness.executableURL = URL(fileURLWithPath: exe)
        harness.arguments = ["run", spec, "--results", dir + "/r", "--progress", "none"]
        harness.standardOutput = FileHandle.nullDevice
        harness.standardError = FileHandle.nullDevice
        try harness.run()
        var child: pid_t?
        let deadline = Monotonic.now() + 60
        while child == nil, Monotonic.now() < deadline {
            child = ProcessTable.children(of: harness.processIdentifier).first
            if child == nil { usleep(50_000) }
        }
        let pid = try #require(child, "the harness started no child")
        kill(harness.processIdentifier, SIGKILL)
        harness.waitUntilExit()
        let gone = Monotonic.now() + 10
        while ProcessTable.isRunning(pid), Monotonic.now() < gone { usleep(50_000) }
        let running = ProcessTable.isRunning(pid)
        if running { kill(pid, SIGKILL) }
        #expect(!running, "the pipeline child \(pid) outlived its killed harness")
    }
}

/// Polls a folder for run subfolders (never aborts a run).
final class DirectoryWatch: @unchecked Sendable {
    let path: String
    private(set) var sawRunFolder = false
    init(_ path: String) { self.path = path }
    func poll() -> Bool {
        let fm = FileManager.default
        let own = (path as NSString).appendingPathComponent(String(getpid()))
        if let names = try? fm.contentsOfDirectory(atPath: own), names.contains(where: { $0.hasSuffix("-a1") }) {
            sawRunFolder = true
        }
        return false
    }
}

/// /proc lookups for process tests (Linux).
enum ProcessTable {
    static func children(of parent: pid_t) -> [pid_t] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { pid_t($0) }.filter { stat($0)?.ppid == parent }
    }

    /// Running = exists and is not a zombie.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let s = stat(pid) else { return false }
        return s.state != "Z" && s.state != "X"
    }

    static func stat(_ pid: pid_t) -> (state: Character, ppid: pid_t)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 2, let state = fields[0].first, let ppid = pid_t(fields[1]) else { return nil }
        return (state, ppid)
    }
}
