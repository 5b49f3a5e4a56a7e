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

    @Option(name: .long, help: ArgumentHelp("Cost projection: unique events per day, k/M/G suffixes allowed (default: the experiment's volume.events_per_day, else 100M).", valueName: "n"))
    var eventsPerDay: String?

    @Option(name: .long, help: "Cost projection: duplicate rate, 0…10; deliveries = events × (1 + rate) (default: volume.duplicate_rate, else 0.1).")
    var dupRate: Double?

    @Option(name: .long, help: "Cost projection: days of data the table keeps (default: volume.retention_days, else 30).")
    var retentionDays: Double?

    @Option(name: .long, help: ArgumentHelp("Cost projection: seconds between micro-batches (default: volume.batch_interval_s, else 300).", valueName: "seconds"))
    var batchInterval: Double?

    @Option(name: .long, help: "Cost projection: days a file a merge removed stays billed until vacuum (default: volume.vacuum_retention_days, else 7).")
    var vacuumRetentionDays: Double?

    @Option(name: .long, help: "Cost projection: compute price table (YAML).")
    var computePrices: String = Self.defaultComputePrices

    static let defaultComputePrices = "config/prices/aws-ec2-m7i-large-us-east-1.yaml"

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
        _ = try commandLineVolume()
    }

    func run() throws {
        var files = try ResultFile.resolve(results).map { path throws(ReportInputError) in
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
        var projection: ProjectionSettings?
        if !noProjection {
            var a = CostProjection.Assumptions()
            if let prices {
                a.storage = try PriceTable.load(path: prices)
                a.sources["storage_prices"] = "`\(prices)` (`--prices`)"
            }
            if FileManager.default.fileExists(atPath: computePrices) {
                a.compute = try ComputePriceTable.load(path: computePrices)
                a.sources["compute_prices"] = "`\(computePrices)`"
            } else if computePrices != Self.defaultComputePrices {
                throw ReportInputError(path: computePrices, message: "no such compute price table")
            }
            let (volume, flags) = try commandLineVolume()
            projection = ProjectionSettings(defaults: a, commandLine: volume, flags: flags)
            files = try ProjectionSettings.readExperimentFiles(files)
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

    /// The volume fields given on the command line, each checked by the experiment file's rules,
    /// and the flag that set each.
    func commandLineVolume() throws -> (VolumeSpec, [String: String]) {
        var v = VolumeSpec()
        var flags: [String: String] = [:]
        if let eventsPerDay {
            guard let n = VolumeSpec.parseCount(eventsPerDay) else {
                throw ValidationError("--events-per-day '\(eventsPerDay)' is not a number; expected \(VolumeSpec.check("events_per_day", -1)!)")
            }
            v.eventsPerDay = n
            flags["events_per_day"] = "--events-per-day \(eventsPerDay)"
        }
        for (key, flag, value) in [("duplicate_rate", "--dup-rate", dupRate), ("retention_days", "--retention-days", retentionDays),
                                   ("batch_interval_s", "--batch-interval", batchInterval),
                                   ("vacuum_retention_days", "--vacuum-retention-days", vacuumRetentionDays)] {
            guard let value else { continue }
            switch key {
            case "duplicate_rate": v.duplicateRate = value
            case "retention_days": v.retentionDays = value
            case "batch_interval_s": v.batchIntervalSeconds = value
            default: v.vacuumRetentionDays = value
            }
            flags[key] = "\(flag) \(NumberFormat.shortest(value))"
        }
        for key in VolumeSpec.keys {
            guard let value = v[key], let expected = VolumeSpec.check(key, value) else { continue }
            throw ValidationError("\(flags[key]!.split(separator: " ")[0]) \(NumberFormat.shortest(value)) is out of range; expected \(expected)")
        }
        return (v, flags)
    }
}
