import Foundation
import Testing

@testable import DedupReport

/// Renders the crafted result sets and compares markdown, gnuplot scripts and data with the golden
/// files in Fixtures/golden/<set>/. Re-record with DEDUPBENCH_RECORD_GOLDEN=1 (then review the diff).
@Suite(.serialized) struct ReportGoldenTests {
    static let sets = ["report-sweep", "report-scale", "report-hash", "report-evil"]
    static var recording: Bool { ProcessInfo.processInfo.environment["DEDUPBENCH_RECORD_GOLDEN"] == "1" }

    /// Copies a fixture set to `root/in/<set>` and renders it to `root/out/PERFORMANCE.md`.
    static func render(_ set: String, root: URL, gnuplot: GnuplotRunner?, png: Bool = false) throws
        -> (output: PerformanceReport.Output, out: URL)
    {
        let fm = FileManager.default
        let input = root.appendingPathComponent("in").appendingPathComponent(set)
        try fm.createDirectory(at: input.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.copyItem(at: TestSupport.fixtures.appendingPathComponent(set), to: input)
        let file = try ResultFile.load(csvPath: input.appendingPathComponent("results.csv").path)
        let out = root.appendingPathComponent("out")
        let output = try PerformanceReport.write(
            files: [file], to: out.appendingPathComponent("PERFORMANCE.md").path,
            options: .init(png: png, gnuplot: gnuplot))
        return (output, out)
    }

    /// The markdown plus every .gp and .dat, by relative path.
    static func textFiles(_ out: URL) throws -> [String: String] {
        var files = ["PERFORMANCE.md": try String(contentsOf: out.appendingPathComponent("PERFORMANCE.md"), encoding: .utf8)]
        let charts = out.appendingPathComponent("charts")
        for name in try FileManager.default.contentsOfDirectory(atPath: charts.path).sorted()
        where name.hasSuffix(".gp") || name.hasSuffix(".dat") {
            files["charts/" + name] = try String(contentsOf: charts.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    @Test(arguments: sets) func matchesGoldenFiles(set: String) throws {
        let gnuplot = try #require(TestSupport.gnuplot(), "gnuplot is required: `make setup` installs gnuplot-nox")
        let root = try TestSupport.temporaryDirectory("golden-\(set)")
        let (output, out) = try Self.render(set, root: root, gnuplot: gnuplot)
        #expect(output.failures.isEmpty)
        let actual = try Self.textFiles(out)
        let golden = TestSupport.fixtures.appendingPathComponent("golden").appendingPathComponent(set)
        if Self.recording {
            try? FileManager.default.removeItem(at: golden)
            for (path, text) in actual {
                let url = golden.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            return
        }
        let expected = try Self.textFiles(golden)
        #expect(actual.keys.sorted() == expected.keys.sorted(), "chart files differ; re-record with DEDUPBENCH_RECORD_GOLDEN=1 if intended")
        for (path, text) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(actual[path] == text, "\(path) differs from Fixtures/golden/\(set)/\(path); re-record with DEDUPBENCH_RECORD_GOLDEN=1 if intended")
        }
    }

    @Test func sameInputsGiveIdenticalBytes() throws {
        let gnuplot = try #require(TestSupport.gnuplot(), "gnuplot is required: `make setup` installs gnuplot-nox")
        let a = try Self.render("report-sweep", root: try TestSupport.temporaryDirectory("same-a"), gnuplot: gnuplot)
        let b = try Self.render("report-sweep", root: try TestSupport.temporaryDirectory("same-b"), gnuplot: gnuplot)
        #expect(try Self.textFiles(a.out) == Self.textFiles(b.out))
        #expect(try Self.textFiles(a.out).count > 8)
    }

    @Test func chartsAreRenderedByGnuplot() throws {
        let gnuplot = try #require(TestSupport.gnuplot(), "gnuplot is required: `make setup` installs gnuplot-nox")
        let (output, out) = try Self.render("report-sweep", root: try TestSupport.temporaryDirectory(), gnuplot: gnuplot, png: true)
        let rendered = output.charts.filter { $0.status == .rendered }
        // Defaults (throughput, storage, cost vs dup_prob; phases) plus the spec's peak-memory line chart.
        #expect(rendered.map(\.name).sorted() == [
            "dup-sweep-cost-vs-dup-prob", "dup-sweep-line-vs-dup-prob", "dup-sweep-phases",
            "dup-sweep-storage-vs-dup-prob", "dup-sweep-throughput-vs-dup-prob",
        ])
        #expect(output.charts.contains { if case .invalid(let m) = $0.status { m.contains("no_such_axis") } else { false } })
        for chart in rendered {
            let svg = try String(contentsOf: out.appendingPathComponent("charts/\(chart.name).svg"), encoding: .utf8)
            #expect(svg.hasPrefix("<?xml"))
            #expect(svg.contains("<svg") && svg.contains("</svg>"))
            #expect(svg.count > 3000)
            #expect(svg.contains("<path"))
            let png = try Data(contentsOf: out.appendingPathComponent("charts/\(chart.name).png"))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(png.count > 5000)
        }
        let throughput = try String(contentsOf: out.appendingPathComponent("charts/dup-sweep-throughput-vs-dup-prob.svg"), encoding: .utf8)
        for strategy in ["bronze_append", "delta_merge", "eager_dedup", "polars_merge"] { #expect(throughput.contains(strategy)) }
    }

    @Test func hostileLabelsRenderSafely() throws {
        let gnuplot = try #require(TestSupport.gnuplot(), "gnuplot is required: `make setup` installs gnuplot-nox")
        let marker = "/tmp/dedupbench-pwned"
        try? FileManager.default.removeItem(atPath: marker)
        let (output, out) = try Self.render("report-evil", root: try TestSupport.temporaryDirectory(), gnuplot: gnuplot)
        #expect(!FileManager.default.fileExists(atPath: marker), "a label ran a shell command")
        #expect(output.failures.isEmpty)
        for (path, text) in try Self.textFiles(out) where path.hasSuffix(".gp") {
            #expect(!text.contains("`"), "\(path) contains a backtick")
            // Outside single-quoted strings and comments there is no double quote (gnuplot expands
            // backticks in those), no system( call and no macro (@).
            let code = Self.codeOutsideStringsAndComments(text)
            #expect(!code.contains("\""), "\(path) has a double-quoted string")
            #expect(!code.contains("system"), "\(path) calls system()")
            #expect(!code.contains("@"), "\(path) uses a macro")
        }
        // The label reaches the chart as text.
        let svg = try String(contentsOf: out.appendingPathComponent("charts/evil-name-q-throughput.svg"), encoding: .utf8)
        #expect(svg.contains("touch /tmp/dedupbench-pwned"))
        // Each table row stays one row with the header's number of cells.
        let markdown = try String(contentsOf: out.appendingPathComponent("PERFORMANCE.md"), encoding: .utf8)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        func cells(_ line: Substring) -> Int { line.replacing("\\|", with: "").filter { $0 == "|" }.count }
        let header = try #require(lines.firstIndex { $0.hasPrefix("| tag | throughput") })
        let rows = lines[(header + 2)...].prefix { $0.hasPrefix("|") }
        #expect(rows.count == 2)
        for row in rows { #expect(cells(row) == cells(lines[header])) }
        #expect(markdown.contains("boom \\| \\`rm -rf /\\` second line"))
    }

    /// gnuplot source with single-quoted strings ('' escapes) and # comments removed.
    static func codeOutsideStringsAndComments(_ text: String) -> String {
        var out = "", inString = false, inComment = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if inComment { if c == "\n" { inComment = false; out.append(c) }; continue }
            if inString {
                if c == "'" { if chars.first == "'" { chars.removeFirst() } else { inString = false } }
                continue
            }
            if c == "'" { inString = true } else if c == "#" { inComment = true } else { out.append(c) }
        }
        return out
    }

    @Test func missingGnuplotStillWritesTablesAndSaysSo() throws {
        #expect(GnuplotRunner.locate(environment: ["DEDUPBENCH_GNUPLOT": "/nonexistent/gnuplot", "PATH": "/usr/bin"]) == nil)
        #expect(GnuplotRunner.locate(environment: ["PATH": "/nonexistent"]) == nil)
        let (output, out) = try Self.render("report-sweep", root: try TestSupport.temporaryDirectory(), gnuplot: nil)
        #expect(output.charts.filter { $0.status == .skipped }.count == 5)
        let markdown = output.markdown
        #expect(markdown.contains("### Results"))
        #expect(markdown.contains("Charts skipped — gnuplot was not found"))
        #expect(markdown.contains("apt-get install gnuplot-nox"))
        #expect(!markdown.contains("!["))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("charts/dup-sweep-phases.gp").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("charts/dup-sweep-phases.svg").path))
    }

    @Test func failingOrHangingGnuplotIsReported() throws {
        let dir = try TestSupport.temporaryDirectory()
        func fake(_ name: String, _ body: String) throws -> String {
            let path = dir.appendingPathComponent(name).path
            try TestSupport.writeExecutable("#!/bin/sh\n\(body)\n", to: path)
            return path
        }
        let failing = GnuplotRunner(executable: try fake("fail.sh", "echo 'line 3: boom' >&2; exit 3"))
        let (output, out) = try Self.render("report-hash", root: dir.appendingPathComponent("f"), gnuplot: failing)
        #expect(!output.failures.isEmpty)
        #expect(output.failures.allSatisfy { if case .failed(let m) = $0.status { m.contains("status 3") && m.contains("boom") } else { false } })
        #expect(output.markdown.contains("Not rendered: gnuplot"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("PERFORMANCE.md").path))

        let hanging = GnuplotRunner(executable: try fake("hang.sh", "exec sleep 30"), timeout: 0.5)
        let start = Date()
        let error = #expect(throws: GnuplotRunner.Failure.self) {
            try hanging.render(script: "x.gp", in: dir.path, outputs: ["x.svg"])
        }
        #expect(error?.message.contains("did not finish within 0.5 s") == true)
        #expect(Date().timeIntervalSince(start) < 4)
    }
}
