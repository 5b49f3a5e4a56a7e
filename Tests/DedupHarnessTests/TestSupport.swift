import DedupPipeline
import Foundation

@testable import DedupHarness

/// Paths and helpers shared by the harness tests.
enum TestSupport {
    /// Tests/DedupHarnessTests/Fixtures in the source tree (scripts keep their exec bit there).
    static let fixtures: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }()

    static let packageRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    static func fixture(_ name: String) -> String { fixtures + "/" + name }

    static var fakePipeline: String { fixture("fake-pipeline.sh") }

    /// The dedupbench binary built next to this test bundle (`swift build --build-tests` builds it).
    static var dedupbench: String {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        let exe = String(decoding: buf[0..<max(0, n)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // Swift Testing may run from inside the .xctest bundle folder.
        if dir.lastPathComponent.hasSuffix(".xctest") { dir = dir.deletingLastPathComponent() }
        return dir.appendingPathComponent("dedupbench").path
    }

    /// A fresh temporary folder, removed by the caller's `defer`.
    static func temporaryDirectory(_ label: String = "test") -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "dedupbench-harness-\(label)-\(getpid())-\(UInt64(Monotonic.now() * 1e9))")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    /// Writes an executable script through a close-on-exec descriptor, then closes it. A child
    /// spawned meanwhile by a parallel test must not inherit a descriptor open for writing, or
    /// exec of the script fails with "Text file busy" (ETXTBSY) for as long as that child runs.
    static func writeExecutable(_ text: String, to path: String) throws {
        try writeExecutable(bytes: Array(text.utf8), to: path)
    }

    /// A copy of the executable at `source`, written the same way (FileManager's copy keeps an
    /// inheritable descriptor open while it writes).
    static func copyExecutable(_ source: String, to path: String) throws {
        try writeExecutable(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: source))), to: path)
    }

    private static func writeExecutable(bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }

    /// A spec from text, with `pipeline: {}` standing in for a base config when absent.
    static func spec(_ body: String, file: String = "test.yaml") throws -> ExperimentSpec {
        try ExperimentSpec.parse(text: body, file: file)
    }

    /// Options for in-test runs: no progress output, never stop unless told.
    static func options(results: String, stopAfter: Int? = nil) -> RunOptions {
        var o = RunOptions()
        o.resultsDirectory = results
        o.progress = .quiet
        o.commandLine = ["test"]
        o.shouldAbort = { false }
        if let stopAfter {
            let counter = Counter()
            o.shouldStop = { counter.next() > stopAfter }
        } else {
            o.shouldStop = { false }
        }
        return o
    }

    /// The deterministic columns of a result set's rows, keyed by run id.
    static func deterministic(_ set: ResultSet) -> [String: [String]] {
        let columns =
            ["experiment", "cell_id", "run_id", "repeat", "seed", "strategy", "params", "status", "attempts"]
            + ResultColumns.deterministic
        var out: [String: [String]] = [:]
        for row in set.rows { out[row.runID] = row.fields(columns) }
        return out
    }
}

/// A thread-safe counter (stop after N polls).
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
