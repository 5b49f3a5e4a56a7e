import ArgumentParser
import DedupReport
import Foundation

/// `dedupbench report`: results → markdown with tables, findings and gnuplot charts.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a markdown performance report with gnuplot charts from result files.",
        discussion: """
            RESULTS are results.csv files or result directories (a directory means its results.csv, \
            or every results.csv below it). Charts go to charts/ beside --out as SVG (and PNG with \
            --png), each with the .gp script and .dat data that regenerate it. The same inputs always \
            give the same markdown, scripts and data. Without gnuplot (PATH, or DEDUPBENCH_GNUPLOT), \
            the tables are still written and the report names the skipped charts.

            """ + ExitStatus.help)

    @Argument(help: "results.csv files or result directories.")
    var results: [String]

    @Option(name: .long, help: "Markdown file to write.")
    var out: String = "reports/PERFORMANCE.md"

    @Flag(name: .long, help: "Also render PNG images next to the SVGs.")
    var png = false

    @Option(name: .long, help: "Report title (first heading).")
    var title: String = "Performance report"

    @Option(name: .long, help: "Seconds before a gnuplot process is stopped.")
    var gnuplotTimeout: Double = 60

    func validate() throws {
        if results.isEmpty { throw ValidationError("give at least one results.csv or result directory") }
        if gnuplotTimeout <= 0 { throw ValidationError("--gnuplot-timeout must be positive") }
    }

    func run() throws {
        let files = try ResultFile.resolve(results).map { path throws(ReportInputError) in
            try ResultFile.load(csvPath: path)
        }
        try ResultFile.checkDistinctRuns(files)
        if files.allSatisfy({ $0.table.rows.isEmpty }) {
            throw ReportInputError(path: results.joined(separator: " "), message: "the result files hold no runs")
        }
        let gnuplot = GnuplotRunner.locate(timeout: gnuplotTimeout)
        if gnuplot == nil {
            Console.warning("report", "gnuplot not found; writing tables only — \(GnuplotRunner.installHint)")
        }
        let output = try PerformanceReport.write(
            files: files, to: out, options: .init(title: title, png: png, gnuplot: gnuplot))
        let rendered = output.charts.filter { $0.status == .rendered }.count
        FileHandle.standardError.write(Data("dedupbench report: wrote \(out) (\(rendered) chart(s) rendered)\n".utf8))
        for failure in output.failures {
            if case let .failed(message) = failure.status {
                Console.error("report", "chart \(failure.name) failed: \(message)")
            }
        }
        if !output.failures.isEmpty { throw ExitStatus.failed.exitCode }
    }
}
