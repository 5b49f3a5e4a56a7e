import Foundation
import Testing

@testable import DedupServe

/// End to end: an every-minute cron fires (the schedule clock is set one second before a minute),
/// the real `dedupbench run` child writes a new timestamped result set, the dashboard shows its live
/// progress while rows are appended, then lists it with the schedule's outcome.
@Suite(.serialized) struct ScheduledRunTests {
    static let experiment = """
        version: 1
        name: serve-tiny
        description: Scheduled-run fixture of the serve tests (tiny, three strategies).
        pipeline:
          generation: {scale: 40000, mode: speed}
        seed: 11
        repeats: 3
        warmup: 0
        timeout: 120
        retries: 1
        retry_backoff: 0.5
        matrix:
          strategy: [bronze_append, eager_dedup, polars_merge]
        """

    @Test func everyMinuteScheduleRunsTheRealExperimentWithLiveProgress() async throws {
        let exe = TestServer.dedupbench
        try #require(
            FileManager.default.isExecutableFile(atPath: exe),
            "build dedupbench first (swift build --build-tests): \(exe)")
        let folder = NSTemporaryDirectory() + "serve-tiny-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/serve-tiny.yaml"
        try Self.experiment.write(toFile: file, atomically: true, encoding: .utf8)

        // The schedule's clock runs in real time, starting one second before a whole minute.
        let now = Date()
        let nextMinute = (now.timeIntervalSince1970 / 60).rounded(.down) * 60 + 60
        let offset = nextMinute - 1 - now.timeIntervalSince1970
        let clock: @Sendable () -> Date = { Date().addingTimeInterval(offset) }
        let schedule = ScheduledExperiment(
            experimentFile: file, experimentName: "serve-tiny", cron: try CronExpression("* * * * *"))
        let s = try await TestServer(sets: [:], schedules: [schedule], scheduleClock: clock, scheduleInterval: 0.05)
        defer { Task { await s.stop() } }

        // Sample on a plain thread, through the same handler the HTTP route calls: a test process
        // runs many CPU-bound tests on Swift's few cooperative threads, which would otherwise delay
        // the samples past a run that takes seconds. HTTP itself is checked below.
        let sampler = ProgressSampler(dashboard: s.server.dashboard)
        Thread { sampler.run(deadline: Date().addingTimeInterval(180)) }.start()
        while !sampler.done { try await Task.sleep(nanoseconds: 100_000_000) }
        let (sawRunning, seen, outcome, setId) = sampler.result
        let last = try #require(outcome, "the scheduled run did not finish within 180 s")
        #expect(last.status == "ok", "\(last)")
        #expect(last.exitCode == 0)
        let id = try #require(setId)
        #expect(id.hasPrefix("serve-tiny~"), "new timestamped folder under results/serve-tiny: \(id)")
        #expect(
            sawRunning != nil,
            "live progress was never observed in state running: \(seen.count) samples, first \(seen.prefix(2))")
        if let p = sawRunning { #expect(p["total"] as? Int == 9) }
        // While running, the page showed the same state (checked by the sampler through the handler).
        #expect(sampler.pageShowedRunning)

        s.server.dashboard.catalog.invalidate()
        let set = try #require(try await s.json("/api/sets/\(id)") as? [String: Any])
        #expect(set["runs"] as? Int == 9)
        #expect(set["ok"] as? Int == 9)
        #expect(set["state"] as? String == "finished")
        #expect((set["retry_policy"] as? [String: Any])?["retry_backoff_s"] as? Double == 0.5)
        let index = try await s.get("/")
        #expect(index.text.contains("href=\"/sets/\(id)\""))
        #expect(index.text.contains("<table id=\"schedules\">"))
        let schedulesPage = try await s.get("/schedules")
        #expect(schedulesPage.text.contains("<span class=\"ok\">ok</span>"))
        #expect(schedulesPage.text.contains("href=\"/sets/\(id)\""))
    }
}

/// Polls a dashboard's schedule and the new set's progress every 20 ms until the run ends.
final class ProgressSampler: @unchecked Sendable {
    let dashboard: Dashboard
    private let lock = NSLock()
    private var finished = false
    private var sawRunning: [String: Any]?
    private var seen: [String] = []
    private var outcome: ScheduleOutcome?
    private var setId: String?
    private(set) var pageShowedRunning = false

    init(dashboard: Dashboard) { self.dashboard = dashboard }

    var done: Bool { lock.withLock { finished } }
    var result: ([String: Any]?, [String], ScheduleOutcome?, String?) {
        lock.withLock { (sawRunning, seen, outcome, setId) }
    }

    func run(deadline: Date) {
        defer { lock.withLock { finished = true } }
        while Date() < deadline {
            let last = dashboard.scheduler?.status().first?.last
            if setId == nil, let dir = last?.resultsDirectory {
                // Its id: the folder below the results root, `/` written as `~` (docs/SERVE.md).
                lock.withLock { setId = "serve-tiny~" + (dir as NSString).lastPathComponent }
            }
            if let id = lock.withLock({ setId }) {
                let reply = dashboard.apiProgress(id)
                if reply.status == 200,
                    let p = try? JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any]
                {
                    lock.withLock {
                        if seen.count < 400 { seen.append(String(decoding: reply.body.prefix(300), as: UTF8.self)) }
                    }
                    if sawRunning == nil, p["state"] as? String == "running", p["current_run_id"] is String,
                        (p["done"] as? Int ?? 99) < 9
                    {
                        let page = String(decoding: dashboard.progressPage(id, fragment: false).body, as: UTF8.self)
                        lock.withLock {
                            sawRunning = p
                            pageShowedRunning = page.contains("data-state=\"running\"")
                        }
                    }
                }
            }
            if let last, last.status != "running" {
                lock.withLock { outcome = last }
                return
            }
            usleep(20_000)
        }
    }
}
