import Foundation
import Testing

@testable import DedupServe

/// Debian's Chromium, headless, loads the dashboard and a result-set page from the test server; the
/// rendered DOM must hold the tables and the report's inline SVG charts. Screenshots are kept in
/// `out/serve-screenshots/` for a person to look at.
@Suite(.serialized) struct BrowserTests {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs headless Chromium on `url` on a dispatch thread (waiting for it must not hold a
    /// cooperative thread the server needs) and returns its stdout (the DOM with `--dump-dom`).
    static func chromium(_ arguments: [String], url: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try blockingChromium(arguments, url: url) })
            }
        }
    }

    static func blockingChromium(_ arguments: [String], url: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium!)
        let profile = NSTemporaryDirectory() + "serve-chromium-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: profile) }
        p.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=\(profile)", "--hide-scrollbars", "--virtual-time-budget=4000",
            ] + arguments + [url]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func dashboardAndResultSetRenderInARealBrowser() async throws {
        try #require(Self.chromium != nil, "Chromium is missing: `make setup` installs Debian's chromium package")
        let s = try await TestServer(sets: [
            "default": "results/published/default", "dup-sweep": "results/published/dup-sweep",
        ])
        defer { Task { await s.stop() } }
        let shots = TestServer.repository + "/out/serve-screenshots"
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)

        let base = "http://127.0.0.1:\(s.port)"
        let dashboard = try await Self.chromium(["--dump-dom"], url: base + "/")
        #expect(dashboard.contains("<table id=\"sets\">"))
        #expect(dashboard.contains("href=\"/sets/dup-sweep\""))

        let set = try await Self.chromium(["--dump-dom"], url: base + "/sets/dup-sweep")
        #expect(set.contains("<table id=\"runs\">"))
        let svgs = set.components(separatedBy: "<svg").count - 1
        #expect(svgs >= 1, "the report's inline SVG charts are in the rendered page")
        #expect(set.contains("<polyline") || set.contains("<path"), "a chart draws lines")

        for (name, path, height) in [("dashboard", "/", 900), ("result-set", "/sets/dup-sweep", 4200)] {
            let file = "\(shots)/\(name).png"
            try? FileManager.default.removeItem(atPath: file)
            _ = try await Self.chromium(["--screenshot=\(file)", "--window-size=1280,\(height)"], url: base + path)
            let bytes = FileManager.default.contents(atPath: file).map(Array.init) ?? []
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(file) is a PNG")
            #expect(bytes.count > 20_000, "\(file) shows more than a blank page (\(bytes.count) bytes)")
        }
    }
}
