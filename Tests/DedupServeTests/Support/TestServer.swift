import DedupReport
import Foundation
import Testing

@testable import DedupServe

/// A dashboard server on a free loopback port over a private copy of committed results:
/// `default` (results/published/default), `ci-base` and `ci-cand` (results/baseline/ci twice).
final class TestServer: @unchecked Sendable {
    let port: Int
    let root: String
    let resultsRoot: String
    let server: DashboardServer
    private let task: Task<Void, any Error>

    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The dedupbench binary built beside the test bundle (`swift build --build-tests` builds it).
    static var dedupbench: String {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        let exe = String(decoding: buf[0..<max(0, n)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var url = URL(fileURLWithPath: exe)
        while url.pathComponents.count > 1 && !url.lastPathComponent.hasSuffix(".xctest") {
            url.deleteLastPathComponent()
        }
        url.deleteLastPathComponent()
        return url.appendingPathComponent("dedupbench").path
    }

    init(
        sets: [String: String] = [
            "default": "results/published/default", "ci-base": "results/baseline/ci",
            "ci-cand": "results/baseline/ci",
        ],
        schedules: [ScheduledExperiment] = [], scheduleClock: (@Sendable () -> Date)? = nil,
        scheduleInterval: Double = 1
    ) async throws {
        root = NSTemporaryDirectory() + "dedupbench-serve-test-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        resultsRoot = root + "/results"
        let fm = FileManager.default
        try fm.createDirectory(atPath: resultsRoot, withIntermediateDirectories: true)
        for (name, source) in sets {
            try fm.copyItem(atPath: Self.repository + "/" + source, toPath: resultsRoot + "/" + name)
        }
        var lastError: (any Error)?
        for _ in 0..<5 {
            let port = RawHTTP.freePort()
            var options = ServeOptions(
                host: "127.0.0.1", port: port, resultRoots: [resultsRoot], schedules: schedules,
                executable: Self.dedupbench, gnuplot: GnuplotRunner.locate(),
                cacheDirectory: root + "/cache", scheduleInterval: scheduleInterval, resamples: 200)
            options.scheduleClock = scheduleClock
            let server = DashboardServer(options: options)
            let task = Task { try await server.run(handleSignals: false) }
            // Up within 60 s (the machine may be busy), or the port was taken meanwhile: try another.
            for _ in 0..<600 {
                if (try? await RawHTTP.get(port: port, "/api", timeout: 5))?.status == 200 {
                    self.port = port
                    self.server = server
                    self.task = task
                    return
                }
                if task.isCancelled { break }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            task.cancel()
            lastError = RawHTTP.Failure(description: "server on port \(port) did not answer")
        }
        throw lastError!
    }

    func get(_ target: String, host: String? = nil) async throws -> RawHTTP.Response {
        try await RawHTTP.get(port: port, target, host: host)
    }

    func json(_ target: String) async throws -> Any {
        let r = try await get(target)
        #expect(r.status == 200, "\(target) → \(r.status): \(r.text.prefix(300))")
        #expect(r.headers["content-type"]?.hasPrefix("application/json") == true)
        return try JSONSerialization.jsonObject(with: Data(r.body))
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
        try? FileManager.default.removeItem(atPath: root)
    }
}
