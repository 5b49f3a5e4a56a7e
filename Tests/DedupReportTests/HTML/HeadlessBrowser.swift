import Foundation

/// Chromium from Debian's packages (`make setup` installs it), driven headless as a child process
/// with a timeout: `--dump-dom` gives the DOM after parsing, `--screenshot` a PNG of the page.
/// Every host name resolves to nothing, so a page that needed the network would show it.
struct HeadlessBrowser {
    let executable: String

    static func locate() -> HeadlessBrowser? {
        let env = ProcessInfo.processInfo.environment
        let candidates = [env["DEDUPBENCH_CHROMIUM"]].compactMap { $0 } + ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map(HeadlessBrowser.init)
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Runs chromium with `arguments` + the page URL; returns stdout.
    func run(_ arguments: [String], page: URL, timeout: Double = 90) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("dedupbench-chromium-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: profile) }
        let out = profile.appendingPathExtension("stdout")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--host-resolver-rules=MAP * ~NOTFOUND",
        ] + arguments + [page.absoluteString]
        let handle = try FileHandle(forWritingTo: out)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            done.wait()
            throw Failure(description: "chromium did not finish within \(timeout) s")
        }
        try handle.close()
        guard process.terminationStatus == 0 else { throw Failure(description: "chromium exited with \(process.terminationStatus)") }
        return try String(contentsOf: out, encoding: .utf8)
    }
}
