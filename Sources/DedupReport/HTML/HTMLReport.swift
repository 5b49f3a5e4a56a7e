import Foundation

/// The HTML form of `dedupbench report`: one self-contained page (inline CSS and SVG charts with
/// hover values, tables, findings, environment; no script and no external request).
///
/// Two ways in:
/// - `PerformanceReport.write(…, options: .init(htmlPath: …))` writes the page beside the markdown,
///   reusing the charts it renders into `charts/` and linking to their scripts and data;
/// - `HTMLReport.render(files:options:)` (or `renderBody`) returns the page as a string, e.g. for a
///   web server. It renders the charts with gnuplot into a private temporary directory that it
///   deletes before returning.
///
/// The same inputs give the same bytes (gnuplot's SVG output is deterministic for a given version).
public enum HTMLReport {
    public struct Options: Sendable {
        /// The `<h1>` and `<title>` text.
        public var title: String
        /// nil: no charts; the page says gnuplot was not found and still shows the tables.
        public var gnuplot: GnuplotRunner?
        /// Bootstrap resamples for the intervals (as in the markdown report).
        public var resamples: Int
        /// Directory that relative paths in the text (result files) are shown relative to.
        public var baseDirectory: String
        /// The volume and prices of the "Cost at your volume" section (nil: no section).
        public var projection: ProjectionSettings? = .init()

        public init(title: String = "Performance report", gnuplot: GnuplotRunner? = GnuplotRunner.locate(),
                    resamples: Int = Bootstrap.defaultResamples, baseDirectory: String = ".") {
            self.title = title
            self.gnuplot = gnuplot
            self.resamples = resamples
            self.baseDirectory = baseDirectory
        }
    }

    /// A whole HTML document (`<!DOCTYPE html>` … `</html>`) for `files`.
    /// - Throws: `PerformanceReport.WriteError` when the temporary chart directory cannot be written.
    ///   A chart gnuplot fails to draw does not throw: the page names it.
    public static func render(files: [ResultFile], options: Options = .init()) throws(PerformanceReport.WriteError) -> String {
        try withDocument(files: files, options: options) { HTMLPage(document: $0, linkPrefix: nil).render() }
    }

    /// Only the report's content, `<main class="dedupbench-report">…</main>`, to embed in another
    /// page; that page must include `stylesheet` in a `<style>` element.
    public static func renderBody(files: [ResultFile], options: Options = .init()) throws(PerformanceReport.WriteError) -> String {
        try withDocument(files: files, options: options) { HTMLPage(document: $0, linkPrefix: nil).body() }
    }

    private static func withDocument(files: [ResultFile], options: Options,
                                     _ body: (ReportDocument) -> String) throws(PerformanceReport.WriteError) -> String {
        let fm = FileManager.default
        let directory = fm.temporaryDirectory.appendingPathComponent("dedupbench-html-\(getpid())-\(UInt64.random(in: 0...UInt64.max))").path
        do { try fm.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw PerformanceReport.WriteError(path: directory, message: "cannot create a temporary chart directory: \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(atPath: directory) }
        let experiments = ExperimentResults.group(files, resamples: options.resamples)
        let charts = try PerformanceReport.renderCharts(experiments, into: directory, png: false, gnuplot: options.gnuplot)
        let document = ReportDocument(title: options.title, experiments: experiments, charts: charts,
                                      chartsDirectory: directory, outputDirectory: options.baseDirectory,
                                      resamples: options.resamples, projection: options.projection)
        return body(document)
    }

    /// The page's CSS (light and dark, print-friendly). Class names are prefixed by the
    /// `.dedupbench-report` container, so embedding it does not restyle the host page.
    public static let stylesheet = """
        .dedupbench-report{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1100px;margin:0 auto;padding:1rem 1.25rem;color:#1b1f24;background:#fff}
        .dedupbench-report h1{font-size:1.7rem;margin:.2rem 0 .6rem}
        .dedupbench-report h2{font-size:1.35rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}
        .dedupbench-report h3{font-size:1.1rem;margin-top:1.4rem}
        .dedupbench-report h4{font-size:1rem;margin:.2rem 0}
        .dedupbench-report code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f3f4f6;padding:0 .2em;border-radius:3px}
        .dedupbench-report .table-wrap{overflow-x:auto}
        .dedupbench-report table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:13.5px}
        .dedupbench-report th,.dedupbench-report td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
        .dedupbench-report thead th{background:#f6f8fa}
        .dedupbench-report .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .dedupbench-report tbody tr:nth-child(even){background:#fafbfc}
        .dedupbench-report figure.chart{margin:1rem 0 1.6rem;border:1px solid #e5e7eb;border-radius:6px;padding:.5rem}
        .dedupbench-report svg.chart{width:100%;height:auto;display:block}
        .dedupbench-report svg.chart .point{cursor:crosshair}
        .dedupbench-report figcaption{font-size:13px;color:#57606a}
        .dedupbench-report .files a{margin-left:.3em}
        .dedupbench-report .warning{background:#fff8c5;border-left:4px solid #d4a72c;padding:.4rem .6rem}
        .dedupbench-report .findings li{margin:.25rem 0}
        .dedupbench-report .toc{margin:.5rem 0 1rem}
        .dedupbench-report .headline{font-size:1.05rem;background:#ddf4ff;border-left:4px solid #0969da;padding:.4rem .6rem}
        .dedupbench-report .machines{background:#ffebe9;border-left:4px solid #cf222e;padding:.4rem .6rem}
        @media print{.dedupbench-report{max-width:none}.dedupbench-report figure.chart{break-inside:avoid}}

        """
}
