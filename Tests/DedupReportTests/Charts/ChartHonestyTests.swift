import DedupFormats
import DedupPipeline
import Foundation
import Testing

@testable import DedupReport

/// What the issue asked of every chart: human tick labels, no negative duplicate rate, no error
/// bars on deterministic values, distinct markers, phases never stacked past the wall time, and a
/// caption that says where repeats overlap.
struct ChartHonestyTests {
    @Test(arguments: [
        (AxisUnit.count, 1_000_000.0, "1M"), (.count, 2_500_000, "2.5M"), (.count, 800_000, "800k"), (.count, 0, "0"),
        (.bytes, 150_000_000, "150 MB"), (.bytes, 2_000_000_000, "2 GB"), (.percent, 0.1, "10%"), (.percent, 0.05, "5%"),
        (.usd, 0.02, "$0.02"), (.usd, 0.00025, "$0.00025"), (.seconds, 0.25, "250 ms"), (.seconds, 1.5, "1.5 s"),
    ])
    func tickLabelsUseHumanUnits(unit: AxisUnit, value: Double, expected: String) {
        #expect(unit.label(value) == expected)
    }

    @Test func ticksStartAtZeroAndCoverTheMaximum() {
        #expect(AxisUnit.linearTicks(upTo: 2_530_000) == [0, 1_000_000, 2_000_000, 3_000_000])
        #expect(AxisUnit.linearTicks(upTo: 1_800_000) == [0, 500_000, 1_000_000, 1_500_000, 2_000_000])
        #expect(AxisUnit.linearTicks(upTo: 0.5) == [0, 0.1, 0.2, 0.3, 0.4, 0.5])
        #expect(AxisUnit.logTicks(from: 10_000, to: 10_000_000) == [10_000, 100_000, 1_000_000, 10_000_000])
        #expect(AxisUnit.logTicks(from: 180_000, to: 2_300_000) == [100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000])
        #expect(AxisUnit.logTicks(from: 1_700_000, to: 1_600_000_000) == [1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000])
        // gnuplot reads tic labels as formats: a percent sign must be doubled.
        #expect(AxisUnit.percent.tics("x", [0.1]) == "set xtics ('10%%' 0.1)\n")
    }

    static func sweep() throws -> (ExperimentResults, [String: ChartArtifact]) {
        let file = try ResultFile.load(csvPath: TestSupport.fixtures.appendingPathComponent("report-sweep/results.csv").path)
        let e = ExperimentResults.group([file])[0]
        let builder = ChartBuilder(experiment: e, png: false)
        var out: [String: ChartArtifact] = [:]
        for (name, request) in ChartPlanner.plan(e, requested: []) {
            if case let .success(r) = request, case let .success(a) = builder.build(r, name: name) { out[name] = a }
        }
        return (e, out)
    }

    @Test func lineChartsAreHonest() throws {
        let (_, charts) = try Self.sweep()
        let throughput = try #require(charts["dup-sweep-throughput-vs-dup-prob"])
        #expect(throughput.script.contains("set xrange [0:"), "the duplicate rate axis must start at 0, not below")
        #expect(throughput.script.contains("'10%%' 0.1"))
        #expect(throughput.script.contains("set ylabel 'throughput (records/s)'"))
        #expect(throughput.script.contains("with yerrorlines"))
        // Four series, four different markers and dash types.
        let markers = Set(throughput.script.matches(of: /pt (\d+) dt (\d+) lw 2/).map { "\($0.1)/\($0.2)" })
        #expect(markers.count == 4)
        #expect(throughput.script.contains("hypertext point"))

        let storage = try #require(charts["dup-sweep-storage-vs-dup-prob"])
        #expect(!storage.script.contains("errorlines") && !storage.script.contains("errorbars"), "no error bars on deterministic values")
        #expect(storage.script.contains("' MB' ") || storage.script.contains(" MB'"))
        #expect(storage.caption.contains("Identical values (lines coincide"), "delta_merge/eager_dedup/polars_merge store the same bytes")
    }

    @Test func phasesThatOverlapAreNotStacked() throws {
        let (e, charts) = try Self.sweep()
        let phases = try #require(charts["dup-sweep-phases"])
        // The fixture's phases add up to 100% of wall time, so they are stacked with "other".
        #expect(phases.caption.contains("stacked: they add up to the wall time"))
        // Make hashing overlap writing: the phases now exceed wall time and must be side by side.
        var overlapping = e
        overlapping.cells = e.cells.map { cell in
            let runs = cell.runs.map { r in
                var r = r
                r.numbers["hash_s"] = (r.numbers["wall_s"] ?? 1) * 0.9
                return r
            }
            return CellSummary(experiment: cell.experiment, cellId: cell.cellId, axisValues: cell.axisValues, runs: runs, resamples: 200)
        }
        let side = try ChartBuilder(experiment: overlapping, png: false).build(ChartRequest(kind: .phases), name: "p").get()
        #expect(side.caption.contains("side by side"))
        #expect(!side.script.contains("title 'other'"))
        #expect(side.script.contains("title 'wall time'"))
    }

    @Test func overlappingRepeatsAreCalledNotSignificant() throws {
        var runs: [TestSupport.Run] = []
        for (cell, strategy, base) in [("a", "eager_dedup", 100_000.0), ("b", "delta_merge", 101_000.0), ("c", "bronze_append", 300_000.0)] {
            for r in 0..<4 {
                runs.append(TestSupport.Run(cell: cell, repeatIndex: r, throughput: base + Double(r % 2) * 5_000,
                                            params: #"{"strategy":"\#(strategy)"}"#, overrides: ["strategy": strategy]))
            }
        }
        let file = try TestSupport.resultFile(TestSupport.csv(runs), in: try TestSupport.temporaryDirectory())
        let e = ExperimentResults.group([file], resamples: 500)[0]
        let chart = try ChartBuilder(experiment: e, png: false).build(ChartRequest(kind: .throughput), name: "t").get()
        #expect(chart.caption.contains("Not significant (95% intervals overlap): delta_merge vs eager_dedup"))
        #expect(!chart.caption.contains("bronze_append vs"))
    }

    /// No axis shows a raw key: a swept config key such as `storage.simulate.latency_ms` reads
    /// "injected request latency (ms)", with ms on its ticks and in its hover texts.
    @Test func axesUseHumanLabelsWithUnits() throws {
        var runs: [TestSupport.Run] = []
        for strategy in ["bronze_append", "delta_merge"] {
            for latency in [0, 5, 20, 50] {
                for r in 0..<2 {
                    runs.append(TestSupport.Run(
                        cell: "\(strategy)-\(latency)", repeatIndex: r, throughput: Double(100_000 - latency * 1000 + r),
                        params: #"{"storage.simulate.latency_ms":\#(latency),"strategy":"\#(strategy)"}"#,
                        overrides: ["strategy": strategy]))
                }
            }
        }
        let file = try TestSupport.resultFile(TestSupport.csv(runs), in: try TestSupport.temporaryDirectory())
        let e = ExperimentResults.group([file])[0]
        let requested: [JSONValue] = [.object([("type", .string("throughput_vs")), ("x", .string("storage.simulate.latency_ms")), ("series", .string("strategy"))])]
        let builder = ChartBuilder(experiment: e, png: false)
        var scripts: [String: String] = [:]
        for (name, request) in ChartPlanner.plan(e, requested: requested) {
            if case let .success(r) = request, case let .success(a) = builder.build(r, name: name) { scripts[name] = a.script }
        }
        let latency = try #require(scripts.first { $0.key.contains("latency") }?.value)
        #expect(latency.contains("set xlabel 'injected request latency (ms)'"))
        #expect(latency.contains("set xtics ('0 ms' 0, '5 ms' 5, '20 ms' 20, '50 ms' 50)"))
        #expect(latency.contains("'bronze_append · injected request latency 5 ms: "))
        #expect(!latency.contains("storage.simulate") && !latency.contains("latency_ms"))
        // Every axis label of these charts and of the sweep's: words, not column or config keys.
        let sweep = try Self.sweep().1.values.map(\.script)
        for script in Array(scripts.values) + sweep {
            for label in script.matches(of: /set [xy]label '([^']*)'/).map({ String($0.1) }) {
                #expect(!label.contains("_") && !label.contains("."), "raw key in axis label '\(label)'")
            }
            for label in script.matches(of: /set ylabel '([^']*)'/).map({ String($0.1) }) {
                #expect(label.contains("(") && label.hasSuffix(")"), "y axis '\(label)' names no unit")
            }
        }
        #expect(MetricInfo.axisLabel("generation.chaos.dup_prob") == "duplicate rate (%)")
        #expect(MetricInfo.axisLabel("storage.simulate.mbps") == "simulated bandwidth (Mbit/s)")
        #expect(MetricInfo.axisLabel("strategies.polars_merge.flush_interval_ms") == "flush interval (ms)")
        #expect(MetricInfo.axisTitle("live_bytes") == "live table size (bytes)")
        #expect(MetricInfo.axisTitle("peak_rss_bytes") == "peak memory (RSS, bytes)")
        for metric in ResultColumns.correctness + ResultColumns.storage + ResultColumns.cost + ResultColumns.timing {
            #expect(!MetricInfo.label(metric).contains("_"), "\(metric) has no human label")
        }
    }
}
