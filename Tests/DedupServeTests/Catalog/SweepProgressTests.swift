import Foundation
import Testing

@testable import DedupServe

/// Progress from the files of a sweep in flight: rows so far (a half-written last line ignored),
/// planned runs and start time from the manifest, ETA at the pace so far, failures with their error.
@Suite struct SweepProgressTests {
    static func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "serve-progress-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir + "/live", withIntermediateDirectories: true)
        return dir
    }

    @Test func countsRowsIgnoresATornLineAndEstimatesTheRest() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let lines =
            (try String(contentsOfFile: TestServer.repository + "/results/baseline/ci/results.csv", encoding: .utf8))
            .split(separator: "\n").map(String.init)
        #expect(lines[2].hasSuffix(",ok,,1"))
        let failed = String(lines[2].dropLast(",ok,,1".count)) + ",failed,\"verification: 3 records lost\",3"
        let torn = String(lines[3].prefix(40))
        try ([lines[0], lines[1], failed].joined(separator: "\n") + "\n" + torn)
            .write(toFile: root + "/live/results.csv", atomically: true, encoding: .utf8)
        let now = Date()
        let started = ISO8601DateFormatter().string(from: now.addingTimeInterval(-20))
        try """
        {"started": "\(started)", "experiment": {"name": "ci", "runs": 8, "file": "\(root)/gone.yaml", "retries": 2}}
        """.write(toFile: root + "/live/manifest.json", atomically: true, encoding: .utf8)

        let catalog = ResultCatalog(roots: [root])
        let entry = try #require(catalog.set(id: "live"))
        #expect(entry.state(now: now, staleAfter: 600) == "running")
        let loaded = catalog.load(entry)
        #expect(loaded.error == nil, "a half-written last row is not an error: \(loaded.error ?? "")")
        let p = SweepProgress.compute(entry: entry, file: loaded.file, now: now, staleAfter: 600)
        #expect(p.done == 2)
        #expect(p.total == 8)
        #expect(p.ok == 1 && p.failed == 1)
        #expect(abs((p.elapsed ?? 0) - 20) < 1.5)
        #expect(abs((p.eta ?? 0) - 60) < 5, "20 s for 2 runs → 60 s for the 6 left")
        #expect(p.failures.map(\.error) == ["verification: 3 records lost"])
        #expect(p.failures.first?.attempts == "3")
        #expect(p.currentRun == nil)
        #expect(p.currentNote?.contains("gone.yaml") == true, "says why the cell in flight is unknown")

        // Long without a new row and no finish time: stopped, no ETA.
        let later = SweepProgress.compute(
            entry: entry, file: loaded.file, now: now.addingTimeInterval(3600), staleAfter: 600)
        #expect(later.state == "stopped")
        #expect(later.eta == nil)
    }

    @Test func unreadableResultsAreListedNotDropped() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "experiment,cell_id,repeat,status\nx,c1,0,maybe\n".write(
            toFile: root + "/live/results.csv", atomically: true, encoding: .utf8)
        let entry = try #require(ResultCatalog(roots: [root]).set(id: "live"))
        #expect(entry.state(now: Date(), staleAfter: 600) == "unreadable")
        #expect(entry.loadError?.contains("maybe") == true)
    }
}
