import DedupHarness
import Foundation

/// Starts one scheduled experiment run and waits for it to end.
public protocol RunLauncher: Sendable {
    /// Runs `experimentFile` into `resultsDirectory`; blocks until the run ends.
    func launch(experimentFile: String, resultsDirectory: String, extraArguments: [String]) -> LaunchResult
}

/// How a launched run ended.
public struct LaunchResult: Sendable {
    public var exitCode: Int32?
    /// A one-paragraph reason when it did not end with exit 0 (the tail of its stderr).
    public var message: String
    public var seconds: Double

    public init(exitCode: Int32?, message: String, seconds: Double) {
        self.exitCode = exitCode
        self.message = message
        self.seconds = seconds
    }
}

/// Launches the real `dedupbench run FILE --results DIR --progress lines` as a child process, through
/// the harness's `ChildProcess` (own process group, pipes drained, killed on `shouldAbort`). Nothing
/// from a request reaches its arguments: the experiment files are fixed when `serve` starts.
public struct DedupbenchRunLauncher: RunLauncher {
    public var executable: String
    /// Polled while the child runs; true kills it (server shutdown).
    public var shouldAbort: @Sendable () -> Bool

    public init(executable: String, shouldAbort: @escaping @Sendable () -> Bool = { false }) {
        self.executable = executable
        self.shouldAbort = shouldAbort
    }

    /// The child's arguments (shown on the schedules page).
    public static func arguments(experimentFile: String, resultsDirectory: String, extraArguments: [String]) -> [String]
    {
        ["run", experimentFile, "--results", resultsDirectory, "--progress", "lines"] + extraArguments
    }

    public func launch(experimentFile: String, resultsDirectory: String, extraArguments: [String]) -> LaunchResult {
        do {
            let r = try ChildProcess.run(
                executable: executable,
                arguments: Self.arguments(
                    experimentFile: experimentFile, resultsDirectory: resultsDirectory,
                    extraArguments: extraArguments),
                shouldAbort: shouldAbort)
            var message = ""
            if r.exitCode != 0 {
                let tail = String(r.stderrText.suffix(800)).trimmingCharacters(in: .whitespacesAndNewlines)
                let how =
                    r.aborted
                    ? "stopped with the server"
                    : r.signal.map { "killed by signal \($0)" } ?? "exit code \(r.exitCode ?? -1)"
                message = tail.isEmpty ? how : "\(how): \(tail)"
            }
            return LaunchResult(exitCode: r.exitCode, message: message, seconds: r.seconds)
        } catch {
            return LaunchResult(exitCode: nil, message: error.description, seconds: 0)
        }
    }
}
