import Foundation
import Testing

@testable import DedupServe

/// A launcher that records its calls and blocks each run until released.
final class BlockingLauncher: RunLauncher, @unchecked Sendable {
    let lock = NSLock()
    var calls: [(file: String, dir: String)] = []
    let release = DispatchSemaphore(value: 0)
    var exitCode: Int32 = 0

    func launch(experimentFile: String, resultsDirectory: String, extraArguments: [String]) -> LaunchResult {
        lock.lock()
        calls.append((experimentFile, resultsDirectory))
        lock.unlock()
        release.wait()
        return LaunchResult(
            exitCode: exitCode, message: exitCode == 0 ? "" : "exit code \(exitCode): boom", seconds: 0.1)
    }
}

@Suite struct ExperimentSchedulerTests {
    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func waitUntil(_ condition: () -> Bool) async throws {
        for _ in 0..<200 where !condition() { try await Task.sleep(nanoseconds: 20_000_000) }
    }

    @Test func firesAtTheCronTimeIntoATimestampedFolderAndNeverOverlaps() async throws {
        let launcher = BlockingLauncher()
        let scheduler = ExperimentScheduler(
            schedules: [
                ScheduledExperiment(
                    experimentFile: "x.yaml", experimentName: "x", cron: try CronExpression("*/5 * * * *"))
            ],
            resultsRoot: "/tmp/nowhere-\(getpid())", launcher: launcher, now: Self.utc("2026-11-30T10:03:00Z"))
        #expect(scheduler.status()[0].nextFire == Self.utc("2026-11-30T10:05:00Z"))
        #expect(scheduler.tick(now: Self.utc("2026-11-30T10:04:59Z")).isEmpty, "not due yet")

        #expect(scheduler.tick(now: Self.utc("2026-11-30T10:05:00Z")) == [0])
        try await Self.waitUntil { launcher.lock.withLock { !launcher.calls.isEmpty } }
        #expect(launcher.calls.first?.dir == "/tmp/nowhere-\(getpid())/x/20261130T100500Z")
        #expect(scheduler.status()[0].last?.status == "running")
        #expect(scheduler.status()[0].nextFire == Self.utc("2026-11-30T10:10:00Z"))

        // Due again while the first run is still going: skipped, not started.
        #expect(scheduler.tick(now: Self.utc("2026-11-30T10:10:00Z")) == [0])
        #expect(scheduler.status()[0].last?.status == "skipped")
        #expect(launcher.calls.count == 1)

        launcher.release.signal()
        try await Self.waitUntil { !scheduler.isBusy }
        let outcomes = scheduler.status()[0].outcomes
        #expect(outcomes.map(\.status) == ["ok", "skipped"])
        #expect(outcomes[0].exitCode == 0 && outcomes[0].finished != nil)

        // Free again: the next time starts a run; a failing run is recorded with its message.
        launcher.exitCode = 1  // ExitStatus.failed: the sweep ran, some runs failed
        scheduler.tick(now: Self.utc("2026-11-30T10:15:00Z"))
        launcher.release.signal()
        try await Self.waitUntil { !scheduler.isBusy && scheduler.status()[0].last?.status != "running" }
        #expect(scheduler.status()[0].last?.status == "runs_failed")
        #expect(scheduler.status()[0].last?.message.contains("boom") == true)
    }

    @Test func missedTimesFireOnce() throws {
        let launcher = BlockingLauncher()
        let scheduler = ExperimentScheduler(
            schedules: [
                ScheduledExperiment(
                    experimentFile: "y.yaml", experimentName: "y", cron: try CronExpression("* * * * *"))
            ],
            resultsRoot: "/tmp/nowhere", launcher: launcher, now: Self.utc("2026-11-30T10:00:00Z"))
        // The machine slept an hour: one firing, then the next minute after "now".
        #expect(scheduler.tick(now: Self.utc("2026-11-30T11:00:30Z")) == [0])
        #expect(scheduler.status()[0].nextFire == Self.utc("2026-11-30T11:01:00Z"))
        launcher.release.signal()
    }
}
