import ArgumentParser
import DedupHarness
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

    @Flag(name: .long, help: "Also write a self-contained HTML report (inline SVG charts, tables; no external requests).")
    var html = false

    @Option(name: .long, help: "HTML file to write with --html (default: --out with .html).")
    var htmlOut: String?

    @Option(name: .long, help: ArgumentHelp("Cost projection: unique events per day (k/M/G suffixes allowed).", valueName: "n"))
    var eventsPerDay: String = "100M"

    @Option(name: .long, help: "Cost projection: duplicate rate, 0…1 (deliveries = events × (1 + rate)).")
    var dupRate: Double = 0.1

    @Option(name: .long, help: "Cost projection: days of data the table keeps.")
    var retentionDays: Double = 30

    @Option(name: .long, help: ArgumentHelp("Cost projection: seconds between micro-batches.", valueName: "seconds"))
    var batchInterval: Double = 300

    @Option(name: .long, help: "Cost projection: compute price table (YAML).")
    var computePrices: String = "config/prices/aws-ec2-m7i-large-us-east-1.yaml"

    @Option(name: .long, help: "Cost projection: storage/request price table (YAML; default S3 Standard us-east-1).")
    var prices: String?

    @Flag(name: .long, help: "Refuse (exit 2) result sets from more than one machine instead of reporting each machine separately.")
    var singleMachine = false

    @Flag(name: .long, help: "Leave out the cost projection.")
    var noProjection = false

    @Option(name: .long, help: "Report title (first heading).")
    var title: String = "Performance report"

    @Option(name: .long, help: "Seconds before a gnuplot process is stopped.")
    var gnuplotTimeout: Double = 60

    func validate() throws {
        if results.isEmpty { throw ValidationError("give at least one results.csv or result directory") }
        if gnuplotTimeout <= 0 { throw ValidationError("--gnuplot-timeout must be positive") }
        guard let events = Self.parseCount(eventsPerDay), events > 0 else {
            throw ValidationError("--events-per-day '\(eventsPerDay)' is not a positive number (e.g. 100000000 or 100M)")
        }
        _ = events
        if !(0...10).contains(dupRate) { throw ValidationError("--dup-rate must be between 0 and 10 (0.1 = 10%)") }
        if retentionDays <= 0 { throw ValidationError("--retention-days must be positive") }
        if batchInterval <= 0 { throw ValidationError("--batch-interval must be positive") }
    }

    func run() throws {
        let files = try ResultFile.resolve(results).map { path throws(ReportInputError) in
            try ResultFile.load(csvPath: path)
        }
        try ResultFile.checkDistinctRuns(files)
        if files.allSatisfy({ $0.table.rows.isEmpty }) {
            throw ReportInputError(path: results.joined(separator: " "), message: "the result files hold no runs")
        }
        let machines = ExperimentResults.machines(files)
        if machines.count > 1 {
            let list = machines.map { "\($0.machine) (\($0.files.count) result set(s))" }.joined(separator: "; ")
            if singleMachine {
                throw ReportInputError(
                    path: results.joined(separator: " "),
                    message: "the result sets come from \(machines.count) machines: \(list); --single-machine refuses to mix them")
            }
            Console.warning("report", "the result sets come from \(machines.count) machines (\(list)); each machine gets its own sections")
        }
        var projection: CostProjection.Assumptions?
        if !noProjection {
            var a = CostProjection.Assumptions(
                eventsPerDay: Self.parseCount(eventsPerDay)!, duplicateRate: dupRate, retentionDays: retentionDays,
                batchIntervalSeconds: batchInterval)
            if let prices { a.storage = try PriceTable.load(path: prices) }
            if FileManager.default.fileExists(atPath: computePrices) {
                a.compute = try ComputePriceTable.load(path: computePrices)
            } else if computePrices != "config/prices/aws-ec2-m7i-large-us-east-1.yaml" {
                throw ReportInputError(path: computePrices, message: "no such compute price table")
            }
            projection = a
        }
        let gnuplot = GnuplotRunner.locate(timeout: gnuplotTimeout)
        if gnuplot == nil {
            Console.warning("report", "gnuplot not found; writing tables only — \(GnuplotRunner.installHint)")
        }
        let htmlPath = html || htmlOut != nil ? (htmlOut ?? Self.htmlPath(forMarkdown: out)) : nil
        let output = try PerformanceReport.write(
            files: files, to: out,
            options: .init(title: title, png: png, gnuplot: gnuplot, htmlPath: htmlPath, projection: projection))
        let rendered = output.charts.filter { $0.status == .rendered }.count
        FileHandle.standardError.write(Data("dedupbench report: wrote \(out)\(htmlPath.map { " and \($0)" } ?? "") (\(rendered) chart(s) rendered)\n".utf8))
        for failure in output.failures {
            if case let .failed(message) = failure.status {
                Console.error("report", "chart \(failure.name) failed: \(message)")
            }
        }
        if !output.failures.isEmpty { throw ExitStatus.failed.exitCode }
    }

    /// `reports/PERFORMANCE.md` → `reports/PERFORMANCE.html`.
    static func htmlPath(forMarkdown path: String) -> String {
        (path.hasSuffix(".md") ? String(path.dropLast(3)) : path) + ".html"
    }

    /// "100M" → 1e8, "2.5k" → 2500, "1000" → 1000; nil when not a number.
    static func parseCount(_ text: String) -> Double? {
        let multipliers: [Character: Double] = ["k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "B": 1e9]
        if let last = text.last, let m = multipliers[last], let v = Double(text.dropLast()) { return v * m }
        return Double(text.replacing("_", with: ""))
    }
}
