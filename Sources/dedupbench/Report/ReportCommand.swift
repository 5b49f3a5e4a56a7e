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

            Exit codes: 0 report written; 1 a chart failed to render (the report is still written \
            and names it); 2 unreadable or invalid input (nothing written); 64 bad usage.
            """)

    @Argument(help: "results.csv files or result directories.")
    var results: [String]

    @Option(name: .long, help: "Markdown file to write.")
    var out: String = "reports/PERFORMANCE.md"

    @Flag(name: .long, help: "Also render PNG images next to the SVGs.")
    var png = false

    @Flag(name: .long, help: "Also write a self-contained HTML report (inline SVG charts, tables; no external requests).")
    var html = false

    @Option(name: .long, help: "HTML file to write with --html (default: --out with .html).")
    var htmlOut: String?

    @Option(name: .long, help: "Report title (first heading).")
    var title: String = "Performance report"

    @Option(name: .long, help: "Seconds before a gnuplot process is stopped.")
    var gnuplotTimeout: Double = 60

    func validate() throws {
        if results.isEmpty { throw ValidationError("give at least one results.csv or result directory") }
        if gnuplotTimeout <= 0 { throw ValidationError("--gnuplot-timeout must be positive") }
    }

    func run() throws {
        let files: [ResultFile]
        do {
            files = try ResultFile.resolve(results).map { path throws(ReportInputError) in try ResultFile.load(csvPath: path) }
        } catch {
            FileHandle.standardError.write(Data("dedupbench report: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if files.allSatisfy({ $0.table.rows.isEmpty }) {
            FileHandle.standardError.write(Data("dedupbench report: the result files hold no runs\n".utf8))
            throw ExitCode(2)
        }
        let gnuplot = GnuplotRunner.locate(timeout: gnuplotTimeout)
        if gnuplot == nil {
            FileHandle.standardError.write(Data("dedupbench report: gnuplot not found; writing tables only — \(GnuplotRunner.installHint)\n".utf8))
        }
        let htmlPath = html || htmlOut != nil ? (htmlOut ?? Self.htmlPath(forMarkdown: out)) : nil
        let output: PerformanceReport.Output
        do {
            output = try PerformanceReport.write(
                files: files, to: out, options: .init(title: title, png: png, gnuplot: gnuplot, htmlPath: htmlPath))
        } catch {
            FileHandle.standardError.write(Data("dedupbench report: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let rendered = output.charts.filter { $0.status == .rendered }.count
        FileHandle.standardError.write(Data("dedupbench report: wrote \(out)\(htmlPath.map { " and \($0)" } ?? "") (\(rendered) chart(s) rendered)\n".utf8))
        for failure in output.failures {
            if case let .failed(message) = failure.status {
                FileHandle.standardError.write(Data("dedupbench report: chart \(failure.name) failed: \(message)\n".utf8))
            }
        }
        if !output.failures.isEmpty { throw ExitCode(1) }
    }

    /// `reports/PERFORMANCE.md` → `reports/PERFORMANCE.html`.
    static func htmlPath(forMarkdown path: String) -> String {
        (path.hasSuffix(".md") ? String(path.dropLast(3)) : path) + ".html"
    }
}
