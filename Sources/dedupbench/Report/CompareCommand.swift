import ArgumentParser
import DedupPipeline
import DedupReport
import Foundation

/// `dedupbench compare`: baseline vs candidate results, with an exit code CI can act on.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare candidate results against a baseline; exit 1 on a regression.",
        discussion: """
            Cells are matched by cell_id. Deterministic metrics (rows, bytes, requests, cost, \
            checksum) are compared run for run and any difference beyond --tolerance counts as a \
            regression: for a fixed seed they only change when behaviour changes, so re-record the \
            baseline when the change is intended. Noisy metrics (times, throughput, memory) are a \
            regression only when the median moves past --threshold in the worse direction AND the \
            significance test over the repeats rejects noise (Mann-Whitney U, two-sided, alpha 0.05). \
            With fewer than 4 repeats per side that test can never be significant: such changes are \
            reported as "inconclusive" and do not fail.

            The markdown summary is also appended to $GITHUB_STEP_SUMMARY when it is set.

            """ + ExitStatus.help)

    @Option(name: .long, help: "Baseline results.csv or result directory (repeatable).")
    var baseline: [String] = []

    @Option(name: .long, help: "Candidate results.csv or result directory (repeatable).")
    var candidate: [String] = []

    @Option(name: .long, help: "Relative change a noisy metric must pass: 10% or 0.1.")
    var threshold: String = "10%"

    @Option(name: .long, help: ArgumentHelp("Per-metric threshold, e.g. wall_s=15% (repeatable).", valueName: "metric=change"))
    var thresholdMetric: [String] = []

    @Option(name: .long, help: ArgumentHelp("Allowed difference of a deterministic metric: table_bytes=4096 or table_bytes=1% (repeatable).", valueName: "metric=limit"))
    var tolerance: [String] = []

    @Option(name: .long, help: "Significance level of the test.")
    var alpha: Double = 0.05

    @Option(name: .long, help: "Noise test: mann-whitney or bootstrap (ratio-of-medians interval excludes 1).")
    var test: String = CompareOptions.SignificanceTest.mannWhitney.rawValue

    @Flag(name: .long, help: "Count cells missing from the candidate as a regression.")
    var failOnMissing = false

    @Flag(name: .long, help: "Fail on timing regressions even when the baseline ran on another machine (A/B runs in one job).")
    var timingAcrossMachines = false

    @Option(name: .long, help: ArgumentHelp("Also draw the baseline overlay chart (throughput and wall time, candidate beside baseline) into this directory.", valueName: "dir"))
    var chartDir: String?

    @Option(name: .long, help: "Output format: markdown or json.")
    var format: String = "markdown"

    @Option(name: .long, help: "Write the output to this file instead of stdout.")
    var out: String?

    func options() throws -> CompareOptions {
        var o = CompareOptions()
        o.timingAcrossMachines = timingAcrossMachines
        guard let t = CompareOptions.parseFraction(threshold) else {
            throw ValidationError("--threshold '\(threshold)' is not a percentage like 10% or a fraction like 0.1")
        }
        o.threshold = t
        for entry in thresholdMetric {
            guard let (metric, v) = CompareOptions.parseMetricThreshold(entry) else {
                throw ValidationError("--threshold-metric '\(entry)' should look like wall_s=15%")
            }
            guard ResultColumns.noisy.contains(metric) else {
                throw ValidationError("--threshold-metric: '\(metric)' is not a noisy metric; expected one of \(ResultColumns.noisy.joined(separator: ", "))")
            }
            o.metricThresholds[metric] = v
        }
        for entry in tolerance {
            guard let (metric, v) = CompareOptions.parseTolerance(entry) else {
                throw ValidationError("--tolerance '\(entry)' should look like table_bytes=4096 or table_bytes=1%")
            }
            guard ResultColumns.deterministic.contains(metric), metric != "checksum" else {
                throw ValidationError("--tolerance: '\(metric)' is not a numeric deterministic metric; expected one of \(ResultColumns.deterministic.filter { $0 != "checksum" }.joined(separator: ", "))")
            }
            o.tolerances[metric] = v
        }
        guard alpha > 0, alpha < 1 else { throw ValidationError("--alpha must be between 0 and 1") }
        o.alpha = alpha
        guard let kind = CompareOptions.SignificanceTest(rawValue: test) else {
            throw ValidationError("--test '\(test)' is unknown; expected mann-whitney or bootstrap")
        }
        o.test = kind
        o.failOnMissing = failOnMissing
        return o
    }

    func validate() throws {
        if baseline.isEmpty { throw ValidationError("--baseline is required") }
        if candidate.isEmpty { throw ValidationError("--candidate is required") }
        guard ["markdown", "json"].contains(format) else { throw ValidationError("--format must be markdown or json") }
        _ = try options()
    }

    func run() throws {
        let load = { (paths: [String]) throws(ReportInputError) -> [ResultFile] in
            try ResultFile.resolve(paths).map { path throws(ReportInputError) in try ResultFile.load(csvPath: path) }
        }
        let baseFiles = try load(baseline)
        let candFiles = try load(candidate)
        let comparison = try Comparator.compare(baseline: baseFiles, candidate: candFiles, options: try options())
        let markdown = comparison.markdown()
        let text = format == "json" ? comparison.json() : markdown
        if let out {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                throw OutputError(path: out, reason: SystemErrorText.describe(error))
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            if let handle = FileHandle(forWritingAtPath: summary) ?? {
                FileManager.default.createFile(atPath: summary, contents: nil) ? FileHandle(forWritingAtPath: summary) : nil
            }() {
                handle.seekToEndOfFile()
                handle.write(Data((markdown + "\n").utf8))
                try? handle.close()
            }
        }
        if let chartDir { drawCharts(chartDir, baseFiles, candFiles, comparison) }
        for warning in comparison.warnings { Console.warning("compare", warning) }
        let status = comparison.exitStatus
        FileHandle.standardError.write(Data("dedupbench compare: \(comparison.hasRegression ? "regression" : "no regression") (exit \(status.rawValue))\n".utf8))
        if status != .noRegression { throw ExitCode(status.rawValue) }
    }

    /// The baseline overlay charts; a failure to draw is reported and never changes the verdict.
    private func drawCharts(_ dir: String, _ b: [ResultFile], _ c: [ResultFile], _ comparison: Comparison) {
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let gnuplot = GnuplotRunner.locate()
        for (metric, name) in [("throughput_rps", "compare-throughput"), ("wall_s", "compare-wall")] {
            guard let chart = ComparisonChart.build(baseline: b, candidate: c, comparison: comparison, metric: metric, name: name) else { continue }
            do {
                try Data(chart.script.utf8).write(to: URL(fileURLWithPath: dir + "/" + chart.scriptFile))
                try Data(chart.data.utf8).write(to: URL(fileURLWithPath: dir + "/" + chart.dataFile))
                if let gnuplot {
                    try gnuplot.render(script: chart.scriptFile, in: dir, outputs: [chart.svgFile])
                    if let svg = try? String(contentsOfFile: dir + "/" + chart.svgFile, encoding: .utf8) {
                        try? Data(SVGInliner.hoverTitles(svg).utf8).write(to: URL(fileURLWithPath: dir + "/" + chart.svgFile))
                    }
                }
                FileHandle.standardError.write(Data("dedupbench compare: chart \(dir)/\(gnuplot == nil ? chart.scriptFile : chart.svgFile)\n".utf8))
            } catch {
                FileHandle.standardError.write(Data("dedupbench compare: warning: chart \(name) not drawn: \(error)\n".utf8))
            }
        }
    }
}
