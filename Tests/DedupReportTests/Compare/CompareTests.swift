import DedupFormats
import Foundation
import Testing

@testable import DedupReport

@Suite struct CompareTests {
    typealias Run = TestSupport.Run
    static let walls: [Double] = [1.00, 1.02, 0.98, 1.01, 0.99]

    /// Two cells × `repeats` runs; `transform` may change each run (cell, repeat) → run.
    func runs(repeats: Int = 5, _ transform: (Run) -> Run? = { $0 }) -> [Run] {
        var out: [Run] = []
        for (cell, scale, params) in [("cellA", 1.0, #"{"strategy":"eager_dedup"}"#), ("cellB", 2.0, #"{"strategy":"delta_merge"}"#)] {
            for r in 0..<repeats {
                let wall = Self.walls[r] * scale
                let run = Run(cell: cell, repeatIndex: r, wall: wall, throughput: 100_000 / wall, params: params)
                if let t = transform(run) { out.append(t) }
            }
        }
        return out
    }

    func compare(_ base: [Run], _ cand: [Run], options: CompareOptions = .init(),
                 baseManifest: String? = TestSupport.manifest(), candManifest: String? = TestSupport.manifest(),
                 _ name: String = #function) throws -> Comparison {
        let dir = try TestSupport.temporaryDirectory(name)
        let b = try TestSupport.resultFile(TestSupport.csv(base), in: dir.appendingPathComponent("base"), manifest: baseManifest)
        let c = try TestSupport.resultFile(TestSupport.csv(cand), in: dir.appendingPathComponent("cand"), manifest: candManifest)
        return try Comparator.compare(baseline: [b], candidate: [c], options: options)
    }

    func slower(_ factor: Double) -> (Run) -> Run {
        { r in var r = r; r.wall *= factor; r.throughput /= factor; return r }
    }

    @Test func noChangeExitsZero() throws {
        let c = try compare(runs(), runs())
        #expect(c.exitStatus == .noRegression)
        #expect(c.commonCells == 2)
        #expect(c.comparedRuns == 10)
        #expect(c.findings.allSatisfy { $0.verdict == .unchanged })
        #expect(c.count(.unchanged) == 16)  // 2 cells × 8 noisy metrics
        #expect(c.warnings.isEmpty)
        #expect(c.markdown().contains("no regression"))
    }

    @Test func thirtyPercentSlowdownInEveryRepeatIsARegression() throws {
        let c = try compare(runs(), runs(slower(1.3)))
        #expect(c.exitStatus == .regression)
        let regressed = Set(c.findings.filter { $0.verdict == .regression }.map { "\($0.cellId)/\($0.metric)" })
        for cell in ["cellA", "cellB"] {
            #expect(regressed.contains("\(cell)/wall_s"))
            #expect(regressed.contains("\(cell)/throughput_rps"))
        }
        let wall = try #require(c.findings.first { $0.cellId == "cellA" && $0.metric == "wall_s" })
        #expect(abs((wall.relativeChange ?? 0) - 0.3) < 1e-9)
        #expect((wall.pValue ?? 1) < 0.05)
        #expect(wall.ratioInterval.map { $0.lower > 1 } == true)
        #expect(c.markdown().contains("| **regression** |"))
    }

    @Test func threePercentChangeIsNotARegression() throws {
        let c = try compare(runs(), runs(slower(1.03)))
        #expect(c.exitStatus == .noRegression)
        #expect(c.findings.allSatisfy { $0.verdict == .unchanged })
    }

    @Test func oneNoisyOutlierIsNotARegression() throws {
        let c = try compare(runs(), runs { r in r.repeatIndex == 3 ? slower(5)(r) : r })
        #expect(c.exitStatus == .noRegression)
        #expect(c.count(.regression) == 0)
        let wall = try #require(c.findings.first { $0.cellId == "cellA" && $0.metric == "wall_s" })
        #expect(wall.verdict == .unchanged)
    }

    @Test func thirtyPercentFasterIsAnImprovement() throws {
        let c = try compare(runs(), runs(slower(1 / 1.3)))
        #expect(c.exitStatus == .noRegression)
        #expect(c.findings.contains { $0.metric == "throughput_rps" && $0.verdict == .improvement })
    }

    @Test func fewRepeatsAreInconclusiveWithMannWhitneyButDecidedByBootstrap() throws {
        let c = try compare(runs(repeats: 3), runs(repeats: 3, slower(1.3)))
        #expect(c.exitStatus == .noRegression)
        let wall = try #require(c.findings.first { $0.cellId == "cellA" && $0.metric == "wall_s" })
        #expect(wall.verdict == .inconclusive)
        #expect(wall.evidence.contains("cannot reach"))
        var options = CompareOptions()
        options.test = .bootstrap
        let b = try compare(runs(repeats: 3), runs(repeats: 3, slower(1.3)), options: options, "bootstrap")
        #expect(b.exitStatus == .regression)
    }

    @Test func byteCountChangedByOneIsReported() throws {
        let c = try compare(runs(), runs { r in
            var r = r
            if r.cell == "cellB" && r.repeatIndex == 2 { r.overrides["bytes_written"] = String(r.bytes + 1) }
            return r
        })
        #expect(c.exitStatus == .regression)
        let f = try #require(c.findings.first { $0.metric == "bytes_written" })
        #expect(f.verdict == .changed)
        #expect(f.cellId == "cellB")
        #expect(f.baseline == "1,000,000" && f.candidate == "1,000,001" && f.change == "+1")
        #expect(f.evidence.contains("1 of 5 repeat(s) differ (repeat 2)"))
        #expect(c.markdown().contains("bytes\\_written") || c.markdown().contains("bytes_written"))
    }

    @Test func toleranceAcceptsSmallDeterministicDifferences() throws {
        var options = CompareOptions()
        options.tolerances["bytes_written"] = .absolute(10)
        let c = try compare(runs(), runs { r in var r = r; r.overrides["bytes_written"] = String(r.bytes + 1); return r },
                            options: options)
        #expect(c.exitStatus == .noRegression)
        #expect(c.findings.contains { $0.metric == "bytes_written" && $0.verdict == .withinTolerance })
    }

    @Test func changedChecksumAndSeedAreChanges() throws {
        let checksum = try compare(runs(), runs { r in var r = r; r.overrides["checksum"] = "other"; return r })
        #expect(checksum.findings.contains { $0.metric == "checksum" && $0.verdict == .changed })
        let seed = try compare(runs(), runs { r in var r = r; r.seed = "99"; r.overrides["checksum"] = "x"; return r }, "seed")
        #expect(seed.exitStatus == .regression)
        #expect(seed.findings.contains { $0.metric == "seed" && $0.verdict == .changed })
        #expect(!seed.findings.contains { $0.metric == "checksum" })  // not compared under another seed
    }

    @Test func missingCellIsListed() throws {
        let c = try compare(runs(), runs { $0.cell == "cellB" ? nil : $0 })
        #expect(c.onlyInBaseline.map(\.cellId) == ["cellB"])
        #expect(c.onlyInBaseline.first?.label == "strategy=delta_merge")
        #expect(c.onlyInCandidate.isEmpty)
        #expect(c.exitStatus == .noRegression)
        #expect(c.markdown().contains("**Only in the baseline** (1)"))
        var strict = CompareOptions()
        strict.failOnMissing = true
        #expect(try compare(runs(), runs { $0.cell == "cellB" ? nil : $0 }, options: strict, "strict").exitStatus == .regression)
    }

    @Test func runThatNowFailsIsARegression() throws {
        let c = try compare(runs(), runs { r in var r = r; if r.cell == "cellA" && r.repeatIndex == 0 { r.status = "failed" }; return r })
        #expect(c.exitStatus == .regression)
        let f = try #require(c.findings.first { $0.kind == .status })
        #expect(f.change == "ok → failed")
        #expect(f.metric == "status (repeat 0)")
    }

    @Test func differentMachinesWarn() throws {
        let c = try compare(runs(), runs(), candManifest: TestSupport.manifest(cpu: "Other CPU", cores: 8))
        #expect(c.warnings.count == 1)
        #expect(c.warnings[0].contains("Different machines"))
        #expect(c.warnings[0].contains("Other CPU (8 cores)"))
        #expect(c.exitStatus == .noRegression)
    }

    @Test func timingRegressionOnAnotherMachineIsOnlyAWarning() throws {
        let other = TestSupport.manifest(cpu: "Intel Xeon", cores: 4)
        let c = try compare(runs(), runs(slower(1.3)), candManifest: other)
        #expect(c.exitStatus == .noRegression)
        #expect(c.count(.regression) == 0 && c.count(.timingWarning) >= 4)
        #expect(c.warnings[0].contains("warnings, not failures"))
        // Deterministic metrics stay exact everywhere.
        let changed = try compare(runs(), runs { r in var r = r; r.bytes += 1; return r }, candManifest: other, "det")
        #expect(changed.exitStatus == .regression)
        // A/B in one job: the flag makes timing count again.
        var ab = CompareOptions()
        ab.timingAcrossMachines = true
        #expect(try compare(runs(), runs(slower(1.3)), options: ab, candManifest: other, "ab").exitStatus == .regression)
        // An unknown machine (no manifest) is not "the same machine" either.
        #expect(try compare(runs(), runs(slower(1.3)), candManifest: nil, "unknown").exitStatus == .noRegression)
    }

    @Test func baselineOverlayChartShowsBothSidesAndTheVerdict() throws {
        let dir = try TestSupport.temporaryDirectory()
        let b = try TestSupport.resultFile(TestSupport.csv(runs()), in: dir.appendingPathComponent("b"), manifest: TestSupport.manifest())
        let c = try TestSupport.resultFile(TestSupport.csv(runs(slower(1.3))), in: dir.appendingPathComponent("c"), manifest: TestSupport.manifest())
        let comparison = try Comparator.compare(baseline: [b], candidate: [c])
        let chart = try #require(ComparisonChart.build(baseline: [b], candidate: [c], comparison: comparison))
        #expect(chart.script.contains("title 'baseline'") && chart.script.contains("title 'candidate'"))
        #expect(chart.script.contains("'regression -23.1%'"))
        #expect(chart.script.contains("('delta_merge' 0, 'eager_dedup' 1)"))
        // Two series × two cells: median and its 95% interval per bar.
        #expect(chart.data.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.count == 4)
        if let gnuplot = TestSupport.gnuplot() {
            try chart.script.write(to: dir.appendingPathComponent(chart.scriptFile), atomically: true, encoding: .utf8)
            try chart.data.write(to: dir.appendingPathComponent(chart.dataFile), atomically: true, encoding: .utf8)
            try gnuplot.render(script: chart.scriptFile, in: dir.path, outputs: [chart.svgFile])
        }
    }

    @Test func mismatchedInputIsAnInputError() throws {
        let dir = try TestSupport.temporaryDirectory()
        let base = try TestSupport.resultFile(TestSupport.csv(runs()), in: dir.appendingPathComponent("b"))
        let other = try TestSupport.resultFile(TestSupport.csv(runs { r in var r = r; r.cell = "z" + r.cell; return r }),
                                               in: dir.appendingPathComponent("o"))
        let e1 = #expect(throws: ReportInputError.self) { try Comparator.compare(baseline: [base], candidate: [other]) }
        #expect(e1?.message.contains("shares no cell_id") == true)
        let fewer = try TestSupport.resultFile(
            TestSupport.csv(runs(), columns: Array(DedupPipelineColumns.all.dropLast())), in: dir.appendingPathComponent("s"))
        let e2 = #expect(throws: ReportInputError.self) { try Comparator.compare(baseline: [base], candidate: [fewer]) }
        #expect(e2?.message.contains("missing here: [attempts]") == true)
        let v2 = try TestSupport.resultFile(TestSupport.csv(runs()), in: dir.appendingPathComponent("v"),
                                            manifest: #"{"schema_version": 2}"#)
        let v1 = try TestSupport.resultFile(TestSupport.csv(runs()), in: dir.appendingPathComponent("v1"),
                                            manifest: #"{"schema_version": 1}"#)
        let e3 = #expect(throws: ReportInputError.self) { try Comparator.compare(baseline: [v1], candidate: [v2]) }
        #expect(e3?.key == "schema_version")
        let e4 = #expect(throws: ReportInputError.self) { try Comparator.compare(baseline: [base, base], candidate: [base]) }
        #expect(e4?.message.contains("also appears") == true)
    }

    @Test func jsonIsValidAndComplete() throws {
        let c = try compare(runs(), runs(slower(1.3)))
        let json = try JSONParser.parse(c.json())
        #expect(json["verdict"] == .string("regression"))
        #expect(json["exit_code"] == .int(1))
        #expect(json.lookup("summary.regression") == .int(14))  // 2 cells × 7 time metrics (all scale with wall)
        guard case let .array(findings)? = json["findings"] else { Issue.record("no findings array"); return }
        #expect(findings.count == 16)
        #expect(c.json() == c.json())
    }

    @Test func optionParsing() {
        #expect(CompareOptions.parseFraction("10%") == 0.1)
        #expect(CompareOptions.parseFraction("0.15") == 0.15)
        #expect(CompareOptions.parseFraction("10") == nil)  // ambiguous: say 10% or 0.1
        #expect(CompareOptions.parseMetricThreshold("wall_s=15%")! == ("wall_s", 0.15))
        #expect(CompareOptions.parseTolerance("table_bytes=4096")! == ("table_bytes", .absolute(4096)))
        #expect(CompareOptions.parseTolerance("table_bytes=1%")! == ("table_bytes", .relative(0.01)))
        #expect(CompareOptions.parseTolerance("table_bytes") == nil)
    }

    @Test func perMetricThresholdOverridesTheDefault() throws {
        var options = CompareOptions()
        options.metricThresholds["wall_s"] = 0.5
        let c = try compare(runs(), runs(slower(1.3)), options: options)
        #expect(c.findings.first { $0.cellId == "cellA" && $0.metric == "wall_s" }?.verdict == .unchanged)
        #expect(c.findings.first { $0.cellId == "cellA" && $0.metric == "throughput_rps" }?.verdict == .regression)
    }
}

import DedupPipeline
typealias DedupPipelineColumns = ResultColumns
