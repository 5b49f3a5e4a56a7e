import Foundation
import Testing

@testable import DedupReport

/// The HTML report: escaping, a golden page (without charts, so it does not depend on gnuplot's
/// version), a page with inline charts, and the page in a real headless Chromium.
@Suite(.serialized) struct HTMLReportTests {
    static func load(_ set: String) throws -> ResultFile {
        try ResultFile.load(csvPath: TestSupport.fixtures.appendingPathComponent(set).appendingPathComponent("results.csv").path)
    }

    @Test func inlineMarkdownEscapesEverythingButItsOwnMarkup() {
        #expect(HTMLEscaping.inlineMarkdown("**a\\_b** <x> & `c<d`") == "<strong>a_b</strong> &lt;x&gt; &amp; <code>c&lt;d</code>")
        #expect(HTMLEscaping.inlineMarkdown(TextEscaping.markdownCell("<script>alert('x')</script>"))
            == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        #expect(HTMLEscaping.text("a\"b'c") == "a&quot;b&#39;c")
    }

    @Test func svgInlinerPrefixesIdsAndTurnsHypertextIntoTitles() {
        let svg = """
            <?xml version="1.0"?>
            <svg 
             viewBox="0 0 10 10">
            <defs><path id='gpPt0' d='M0,0'/></defs>
            <g onmousemove="gnuplot_svg.showHypertext(evt,'a\\'s &lt;b&gt; 1.2M')" onmouseout="gnuplot_svg.hideHypertext()"><title> </title>
            <use xlink:href='#gpPt0'/></g></svg>
            """
        let inline = SVGInliner.inline(svg, idPrefix: "My Chart")
        #expect(inline.hasPrefix("<svg class=\"chart\" role=\"img\" "))
        #expect(inline.contains("id='my-chart-gpPt0'") && inline.contains("href='#my-chart-gpPt0'"))
        #expect(inline.contains("<g class=\"point\"><title>a&#39;s &lt;b&gt; 1.2M</title>"))
        #expect(!inline.contains("gnuplot_svg") && !inline.contains("<?xml"))
    }

    /// Without gnuplot the page is pure text from the results: compared byte for byte with a golden
    /// file (re-record with DEDUPBENCH_RECORD_GOLDEN=1 and review the diff).
    @Test(arguments: ["report-sweep", "report-evil"]) func pageWithoutChartsMatchesGolden(set: String) throws {
        let page = try HTMLReport.render(files: [Self.load(set)],
                                         options: .init(gnuplot: nil, baseDirectory: TestSupport.fixtures.path))
        let golden = TestSupport.fixtures.appendingPathComponent("golden/html/\(set).html")
        if ReportGoldenTests.recording {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try page.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        #expect(page == (try String(contentsOf: golden, encoding: .utf8)), "re-record with DEDUPBENCH_RECORD_GOLDEN=1 if intended")
        #expect(page.contains("Charts skipped — gnuplot was not found"))
        Self.expectSelfContained(page)
    }

    @Test func hostileLabelsStayText() throws {
        let page = try HTMLReport.render(files: [Self.load("report-evil")], options: .init(gnuplot: nil))
        Self.expectSelfContained(page)
        // The tag with quotes, backticks, a pipe and a newline is one escaped table cell.
        #expect(page.contains("x`touch /tmp/dedupbench-pwned`&#39;&quot; | system(&quot;id&quot;) @"))
        #expect(page.contains("<h2>Experiment evil `name` | &#39;q&#39;</h2>"))
        // Every results row has as many cells as the header.
        let table = try #require(page.components(separatedBy: "<table class=\"results\">").dropFirst().first?
            .components(separatedBy: "</table>").first)
        let rows = table.components(separatedBy: "<tr>").dropFirst()
        let header = try #require(rows.first).components(separatedBy: "<th").count
        for row in rows.dropFirst() { #expect(row.components(separatedBy: "<t").count - 1 == header - 1) }
    }

    static func expectSelfContained(_ page: String) {
        for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "src=", "url(http", "href=\"http", "href='http"] {
            #expect(!page.contains(forbidden), "the page contains \(forbidden)")
        }
    }

    /// Renders report-sweep with charts and --html through PerformanceReport, like `report --html`.
    static func writeWithCharts(_ root: URL) throws -> (page: String, output: PerformanceReport.Output, htmlURL: URL) {
        let gnuplot = try #require(TestSupport.gnuplot(), "gnuplot is required: `make setup` installs gnuplot-nox")
        let input = root.appendingPathComponent("in/report-sweep")
        try FileManager.default.createDirectory(at: input.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("report-sweep"), to: input)
        let file = try ResultFile.load(csvPath: input.appendingPathComponent("results.csv").path)
        let out = root.appendingPathComponent("out")
        let html = out.appendingPathComponent("PERFORMANCE.html")
        let output = try PerformanceReport.write(files: [file], to: out.appendingPathComponent("PERFORMANCE.md").path,
                                                 options: .init(gnuplot: gnuplot, htmlPath: html.path))
        return (try String(contentsOf: html, encoding: .utf8), output, html)
    }

    @Test func pageInlinesEveryRenderedChartWithHoverValues() throws {
        let (page, output, _) = try Self.writeWithCharts(try TestSupport.temporaryDirectory())
        #expect(output.html == page)
        let rendered = output.charts.filter { $0.status == .rendered }
        #expect(rendered.count == 5)
        #expect(page.components(separatedBy: "<svg class=\"chart\"").count - 1 == rendered.count)
        for chart in rendered {
            #expect(page.contains("<a href=\"charts/\(chart.name).gp\">script</a>"))
            #expect(page.contains("<a href=\"charts/\(chart.name).dat\">data</a>"))
        }
        #expect(page.contains("<g class=\"point\"><title>"), "no hover values on chart points")
        #expect(!page.contains("gnuplot_svg"))
        #expect(page.contains("<table class=\"results\">"))
        Self.expectSelfContained(page)
    }

    @Test func headlessChromiumRendersChartsAndTables() throws {
        let browser = try #require(HeadlessBrowser.locate(), "chromium is required: `make setup` installs it")
        let root = try TestSupport.temporaryDirectory()
        let (_, output, html) = try Self.writeWithCharts(root)
        let dom = try browser.run(["--dump-dom"], page: html)
        let charts = output.charts.filter { $0.status == .rendered }.count
        // The parsed DOM keeps every inline chart, its hover titles and the results table rows.
        #expect(dom.components(separatedBy: "<svg class=\"chart\"").count - 1 == charts)
        #expect(dom.contains("<g class=\"point\"><title>"))
        #expect(dom.contains("<table class=\"results\">"))
        #expect(dom.components(separatedBy: "<tr>").count - 1 >= 8)
        #expect(dom.contains("Fastest strategy"))

        let shot = root.appendingPathComponent("page.png")
        _ = try browser.run(["--screenshot=\(shot.path)", "--window-size=1200,2400", "--hide-scrollbars"], page: html)
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // IHDR width and height (big-endian at bytes 16…23).
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1200 && height == 2400)
        // A blank or unstyled page compresses to a few kB; text, tables and charts do not.
        #expect(png.count > 60_000, "the screenshot looks empty (\(png.count) bytes)")
        if let keep = ProcessInfo.processInfo.environment["DEDUPBENCH_KEEP_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: shot, to: URL(fileURLWithPath: keep))
        }
    }
}
