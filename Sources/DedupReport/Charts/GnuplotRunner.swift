import Foundation

/// Runs gnuplot as a child process, one per chart script, with a timeout.
public struct GnuplotRunner: Sendable {
    /// Absolute path of the gnuplot executable.
    public var executable: String
    /// Seconds before the child is killed.
    public var timeout: Double

    public init(executable: String, timeout: Double = 60) {
        self.executable = executable
        self.timeout = timeout
    }

    /// How to get gnuplot, for messages when it is missing.
    public static let installHint = "install gnuplot (`make setup`, or `apt-get install gnuplot-nox`)"

    /// Finds gnuplot: `DEDUPBENCH_GNUPLOT` when set (nil if it names no executable file), else the
    /// first `gnuplot` on `PATH`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              timeout: Double = 60) -> GnuplotRunner? {
        let fm = FileManager.default
        if let override = environment["DEDUPBENCH_GNUPLOT"], !override.isEmpty {
            return fm.isExecutableFile(atPath: override) ? GnuplotRunner(executable: override, timeout: timeout) : nil
        }
        for dir in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = String(dir) + "/gnuplot"
            if fm.isExecutableFile(atPath: candidate) { return GnuplotRunner(executable: candidate, timeout: timeout) }
        }
        return nil
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var message: String
        public var description: String { message }
    }

    /// Runs `gnuplot script` inside `directory` and checks that it exited 0 and wrote `outputs`.
    public func render(script: String, in directory: String, outputs: [String]) throws(Failure) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [script]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        // stderr goes to a file, not a pipe, so a chatty gnuplot can never block on a full pipe.
        let errorPath = directory + "/." + script + ".stderr"
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        guard let errorHandle = FileHandle(forWritingAtPath: errorPath) else {
            throw Failure(message: "cannot create \(errorPath)")
        }
        process.standardError = errorHandle
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        for output in outputs { try? FileManager.default.removeItem(atPath: directory + "/" + output) }
        do { try process.run() } catch {
            try? errorHandle.close()
            throw Failure(message: "cannot start \(executable): \(error)")
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if done.wait(timeout: .now() + 1) == .timedOut { kill(process.processIdentifier, SIGKILL); done.wait() }
            try? errorHandle.close()
            throw Failure(message: "gnuplot \(script) did not finish within \(NumberFormat.shortest(timeout)) s and was stopped")
        }
        try? errorHandle.close()
        let stderr = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let firstLines = stderr.split(separator: "\n").prefix(4).joined(separator: " | ")
            throw Failure(message: "gnuplot \(script) exited with status \(process.terminationStatus): \(firstLines)")
        }
        for output in outputs {
            let size = (try? FileManager.default.attributesOfItem(atPath: directory + "/" + output)[.size] as? Int) ?? 0
            guard size > 0 else { throw Failure(message: "gnuplot \(script) exited 0 but wrote no \(output)") }
        }
    }
}
