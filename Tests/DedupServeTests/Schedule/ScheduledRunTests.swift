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
          generation: {scale: 5000, mode: speed}
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

        var sawRunning: [String: Any]?
        var seen: [String] = []
        var outcome: [String: Any]?
        var setId: String?
        let deadline = Date().addingTimeInterval(180)
        while Date() < deadline {
            let schedules = try #require(
                (try await s.json("/api/schedules") as? [String: Any])?["schedules"] as? [[String: Any]])
            let last = schedules.first?["last"] as? [String: Any]
            if setId == nil, let dir = last?["results_directory"] as? String {
                // Its id: the folder below the results root, `/` written as `~` (docs/SERVE.md).
                setId = "serve-tiny~" + (dir as NSString).lastPathComponent
            }
            let progress = setId == nil ? nil : try? await s.get("/api/sets/\(setId!)/progress")
            let progressBody = progress?.status == 200 ? progress?.body : nil
            if let progressBody, seen.count < 400 { seen.append(String(decoding: progressBody.prefix(300), as: UTF8.self)) }
            if let setId, sawRunning == nil, let progressBody,
                let p = try? JSONSerialization.jsonObject(with: Data(progressBody)) as? [String: Any],
                p["state"] as? String == "running", p["current_run_id"] is String, (p["done"] as? Int ?? 99) < 9
            {
                sawRunning = p
                // The progress page shows the same while running.
                let page = try await s.get("/sets/\(setId)/progress")
                #expect(page.text.contains("data-state=\"running\""))
            }
            if let status = last?["status"] as? String, status != "running" {
                outcome = last
                break
            }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        let last = try #require(outcome, "the scheduled run did not finish within 180 s")
        #expect(last["status"] as? String == "ok", "\(last)")
        #expect(last["exit_code"] as? Int == 0)
        let id = try #require(setId)
        #expect(id.hasPrefix("serve-tiny~"), "new timestamped folder under results/serve-tiny: \(id)")
        #expect(sawRunning != nil, "live progress was never observed in state running: \(seen.count) samples, first \(seen.prefix(2))")
        if let p = sawRunning { #expect(p["total"] as? Int == 9) }

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
