import DedupPipeline
import DedupHarness
import Foundation

/// `dedupbench report`: result files → markdown with tables, findings and gnuplot charts.
///
/// The markdown, `.gp` and `.dat` files depend only on the inputs (and the options), so the same
/// results always give the same bytes. Charts go to `charts/` beside the markdown file.
public enum PerformanceReport {
    public struct Options: Sendable {
        public var title: String
        /// Also render PNG files next to the SVGs.
        public var png: Bool
        /// nil: gnuplot is not available; scripts and data are still written.
        public var gnuplot: GnuplotRunner?
        public var resamples: Int
        /// Also write the self-contained HTML report to this path (see `HTMLReport`).
        public var htmlPath: String?
        /// The volume and prices of the "Cost at your volume" section (nil: no section).
        public var projection: ProjectionSettings?

        public init(title: String = "Performance report", png: Bool = false, gnuplot: GnuplotRunner? = nil,
                    resamples: Int = Bootstrap.defaultResamples, htmlPath: String? = nil,
                    projection: ProjectionSettings? = .init()) {
            self.projection = projection
            self.title = title
            self.png = png
            self.gnuplot = gnuplot
            self.resamples = resamples
            self.htmlPath = htmlPath
        }
    }

    public struct Output: Sendable {
        public var markdown: String
        public var charts: [ChartOutcome]
        /// The HTML page, when `Options.htmlPath` was set.
        public var html: String?
        /// Charts gnuplot failed to render (the command exits non-zero when there are any).
        public var failures: [ChartOutcome] {
            charts.filter { if case .failed = $0.status { return true } else { return false } }
        }
    }

    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    /// Writes the markdown to `outputPath` and the charts to `charts/` beside it.
    /// The markdown is written last, atomically, so a failure never leaves a half-written report.
    public static func write(files: [ResultFile], to outputPath: String, options: Options) throws(WriteError) -> Output {
        let outputDirectory = (outputPath as NSString).deletingLastPathComponent
        let chartsDirectory = outputDirectory.appendingPathComponentOrSelf("charts")
        let fm = FileManager.default
        do { try fm.createDirectory(atPath: chartsDirectory, withIntermediateDirectories: true) } catch {
            throw WriteError(path: chartsDirectory, message: "cannot create the charts directory: \(SystemErrorText.describe(error))")
        }
        let experiments = ExperimentResults.group(files, resamples: options.resamples)
        let outcomes = try renderCharts(experiments, into: chartsDirectory, png: options.png, gnuplot: options.gnuplot)
        let document = ReportDocument(
            title: options.title, experiments: experiments, charts: outcomes, chartsDirectory: chartsDirectory,
            outputDirectory: outputDirectory, resamples: options.resamples, projection: options.projection)
        var html: String?
        if let htmlPath = options.htmlPath {
            let page = HTMLPage(document: document, linkPrefix: linkPrefix(from: htmlPath, to: chartsDirectory)).render()
            try writeText(page, to: htmlPath)
            html = page
        }
        let markdown = ReportMarkdown(document: document).render()
        try writeText(markdown, to: outputPath)
        return Output(markdown: markdown, charts: outcomes, html: html)
    }

    /// Plans, writes and (with gnuplot) renders every chart of `experiments` into `chartsDirectory`.
    static func renderCharts(_ experiments: [ExperimentResults], into chartsDirectory: String, png: Bool,
                             gnuplot: GnuplotRunner?) throws(WriteError) -> [ChartOutcome] {
        var outcomes: [ChartOutcome] = []
        for experiment in experiments {
            let requested = experiment.files.compactMap(\.manifest).first?.charts ?? []
            let builder = ChartBuilder(experiment: experiment, png: png)
            for (name, entry) in ChartPlanner.plan(experiment, requested: requested) {
                let built = entry.flatMap { builder.build($0, name: name) }
                guard case let .success(artifact) = built else {
                    if case let .failure(error) = built {
                        outcomes.append(ChartOutcome(experiment: experiment.name, name: name, artifact: nil,
                                                     status: .invalid(error.message)))
                    }
                    continue
                }
                try writeText(artifact.script, to: chartsDirectory.appendingPathComponentOrSelf(artifact.scriptFile))
                try writeText(artifact.data, to: chartsDirectory.appendingPathComponentOrSelf(artifact.dataFile))
                var status = ChartOutcome.Status.skipped
                if let gnuplot {
                    do {
                        try gnuplot.render(script: artifact.scriptFile, in: chartsDirectory,
                                           outputs: [artifact.svgFile] + (artifact.pngFile.map { [$0] } ?? []))
                        // Hover values as SVG <title>s, so the file needs no gnuplot JavaScript.
                        let svgPath = chartsDirectory.appendingPathComponentOrSelf(artifact.svgFile)
                        if let svg = try? String(contentsOfFile: svgPath, encoding: .utf8) {
                            try? writeText(SVGInliner.hoverTitles(svg), to: svgPath)
                        }
                        status = .rendered
                    } catch {
                        status = .failed(error.message)
                    }
                }
                outcomes.append(ChartOutcome(experiment: experiment.name, name: name, artifact: artifact, status: status))
            }
        }
        return outcomes
    }

    /// The relative link from the HTML file's directory to the charts directory, ending in `/`.
    static func linkPrefix(from htmlPath: String, to chartsDirectory: String) -> String {
        let htmlDirectory = (htmlPath as NSString).deletingLastPathComponent
        let document = ReportDocument(title: "", experiments: [], charts: [], chartsDirectory: chartsDirectory,
                                      outputDirectory: htmlDirectory, resamples: 0)
        let relative = document.relative(chartsDirectory)
        return relative.isEmpty ? "" : relative + "/"
    }

    /// Writes through a temporary file and a rename, so readers never see a partial file.
    static func writeText(_ text: String, to path: String) throws(WriteError) {
        let temporary = path + ".tmp-\(getpid())"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else {
                throw WriteError(path: path, message: "cannot replace: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw WriteError(path: path, message: "cannot write: \(SystemErrorText.describe(error))")
        }
    }
}
