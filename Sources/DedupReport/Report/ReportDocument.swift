import Foundation

/// Everything one report shows, computed once and rendered as markdown (`ReportMarkdown`) or HTML
/// (`HTMLPage`). Text pieces are inline markdown (user text escaped by `TextEscaping.markdownCell`),
/// which the HTML renderer converts with `HTMLEscaping.inlineMarkdown`.
struct ReportDocument {
    let title: String
    let experiments: [ExperimentResults]
    let charts: [ChartOutcome]
    /// Where the rendered SVGs are (read by the HTML renderer).
    let chartsDirectory: String
    /// Paths in the text are relative to this directory, so the text does not depend on where it ran.
    let outputDirectory: String
    let resamples: Int
    /// nil: no "Cost at your volume" section.
    var projection: ProjectionSettings? = nil

    func costProjection(_ e: ExperimentResults) -> CostProjection? {
        projection.flatMap { CostProjection(experiment: e, assumptions: $0.assumptions(for: e)) }
    }

    /// The result files in order of first use, each once.
    var files: [ResultFile] {
        var seen = Set<String>()
        return experiments.flatMap(\.files).filter { seen.insert($0.table.path).inserted }
    }

    var runCount: Int { experiments.reduce(0) { $0 + $1.cells.reduce(0) { $0 + $1.runs.count } } }

    /// The opening paragraph: what the report was built from and how to read its figures.
    func intro() -> String {
        "Built from \(runCount) run(s) of \(experiments.count) experiment(s) in "
            + files.map { "`" + codeSafe(relative($0.table.path)) + "`" }.joined(separator: ", ") + ". "
            + "Figures are medians over the ok repeats of each cell; brackets give the 95% percentile-bootstrap "
            + "interval of the median (\(NumberFormat.grouped(Double(resamples))) resamples from a SplitMix64 "
            + "generator seeded by cell and metric, so the same results always give the same interval). "
            + "Failed and timed-out runs are counted and listed, never averaged in. MB = 10⁶ bytes; the live table size is the table "
            + "as it stands, the size on disk before vacuum includes files a merge removed but vacuum has not deleted yet; "
            + "S3 storage cost (USD/month) is the storage cost of the live table at the price table's rates. Each chart plots "
            + "one metric, named as in its table column."
    }

    /// When the results come from several machines: the sentence that opens the report.
    func machineWarning() -> String? {
        let machines = ExperimentResults.machines(files)
        guard machines.count > 1 else { return nil }
        return "**These results come from \(machines.count) different machines**, so their figures are never mixed: "
            + "each experiment gets one section per machine (named \"experiment @ machine\"), and timings should be compared "
            + "only within a machine. " + machines.map { m in
                "\(TextEscaping.markdownCell(m.machine)): " + m.files.map { "`" + codeSafe(relative($0.table.path)) + "`" }.joined(separator: ", ")
            }.joined(separator: "; ") + "."
    }

    func findings(_ e: ExperimentResults) -> [String] { Findings(experiment: e).sentences() }

    func whatWasRun(_ e: ExperimentResults) -> String {
        let runs = e.cells.flatMap(\.runs)
        let ok = e.cells.reduce(0) { $0 + $1.okCount }
        let failed = e.cells.reduce(0) { $0 + $1.failedCount }
        let timeout = e.cells.reduce(0) { $0 + $1.timeoutCount }
        let repeats = Set(e.cells.map(\.runs.count)).sorted()
        let repeatText = repeats.count == 1 ? "\(repeats[0])" : "\(repeats.first!)–\(repeats.last!)"
        var md = "**What was run:** \(e.cells.count) cell(s) × \(repeatText) repeat(s) = \(runs.count) run(s): "
            + "\(ok) ok, \(failed) failed, \(timeout) timed out."
        if !e.axes.isEmpty {
            md += " Axes: " + e.axes.map { a in
                "\(TextEscaping.markdownCell(a.name)) (" + a.values.map(TextEscaping.markdownCell).joined(separator: ", ") + ")"
            }.joined(separator: " × ") + "."
        }
        if !e.fixed.isEmpty {
            md += " Fixed: " + e.fixed.map { "\(TextEscaping.markdownCell($0.0))=\(TextEscaping.markdownCell($0.1))" }
                .joined(separator: ", ") + "."
        }
        return md
    }

    /// Failed and timed-out runs as plain text: headers and one row per run.
    func notOKTable(_ e: ExperimentResults) -> (headers: [String], rows: [[String]]) {
        let axes = e.axes.map(\.name)
        let headers = (axes.isEmpty ? ["cell"] : axes) + ["repeat", "status", "attempts", "error"]
        let rows = e.cells.flatMap { cell in
            cell.runs.filter { !$0.isOK }.map { run in
                let keys = axes.isEmpty ? [String(cell.cellId.prefix(12))] : axes.map { cell.axisValues[$0] ?? "" }
                let error = run.error.count > 300 ? String(run.error.prefix(300)) + "…" : run.error
                return keys + ["\(run.repeatIndex)", run.status, run.numbers["attempts"].map(NumberFormat.shortest) ?? "", error]
            }
        }
        return (headers, rows)
    }

    func charts(of e: ExperimentResults) -> [ChartOutcome] { charts.filter { $0.experiment == e.name } }

    /// The results table of `e`, with a column for every metric its charts plot.
    func summaryTable(_ e: ExperimentResults) -> SummaryTable {
        var extra: [String] = []
        for chart in charts(of: e) {
            guard let m = chart.artifact?.metric, !m.isEmpty, !SummaryTable.shownMetrics.contains(m), !extra.contains(m),
                chart.artifact.map({ !$0.name.hasSuffix("-phases") }) ?? false
            else { continue }
            extra.append(m)
        }
        return SummaryTable(experiment: e, extraMetrics: extra)
    }

    var environment: EnvironmentSection { EnvironmentSection(files: files, relative: relative) }

    /// `path` relative to the report's directory.
    func relative(_ path: String) -> String {
        let base = URL(fileURLWithPath: outputDirectory.isEmpty ? "." : outputDirectory).standardizedFileURL.pathComponents
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        var common = 0
        while common < min(base.count, target.count) && base[common] == target[common] { common += 1 }
        return (Array(repeating: "..", count: base.count - common) + target[common...]).joined(separator: "/")
    }

    /// Text for inside a code span: one line, backticks replaced.
    func codeSafe(_ text: String) -> String { TextEscaping.singleLine(text).replacing("`", with: "'") }
}
