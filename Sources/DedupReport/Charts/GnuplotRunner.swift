import DedupHarness
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
    /// gnuplot runs in its own process group (through `ChildProcess`, via `sh -c 'cd … && exec …'`),
    /// so the timeout kills it and anything it started — a wrapper script's child included — and
    /// `report` never waits on a pipe an orphan holds open.
    public func render(script: String, in directory: String, outputs: [String]) throws(Failure) {
        for output in outputs { try? FileManager.default.removeItem(atPath: directory + "/" + output) }
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(
                executable: "/bin/sh", arguments: ["-c", "cd \"$1\" && exec \"$2\" \"$3\"", "sh", directory, executable, script],
                timeout: timeout)
        } catch {
            throw Failure(message: "cannot start \(executable): \(error)")
        }
        if result.timedOut {
            throw Failure(
                message: "gnuplot \(script) did not finish within \(NumberFormat.shortest(timeout)) s; its process group was killed")
        }
        guard result.exitCode == 0 else {
            let firstLines = result.stderrText.split(separator: "\n").prefix(4).joined(separator: " | ")
            let how = result.signal.map { "was killed by signal \($0)" } ?? "exited with status \(result.exitCode ?? -1)"
            throw Failure(message: "gnuplot \(script) \(how): \(firstLines)")
        }
        for output in outputs {
            let size = (try? FileManager.default.attributesOfItem(atPath: directory + "/" + output)[.size] as? Int) ?? 0
            guard size > 0 else { throw Failure(message: "gnuplot \(script) exited 0 but wrote no \(output)") }
        }
    }
}
