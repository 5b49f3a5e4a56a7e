/// Executes one attempt of one run and reports what happened. Implementations: a child process per
/// run (`ChildProcessExecutor`, the default) and `InProcessExecutor`.
public protocol RunExecutor: Sendable {
    /// A short name recorded in the manifest (`child-process`, `in-process`).
    var name: String { get }
    func execute(_ request: RunRequest) -> RunAttempt
}

/// What an executor needs for one attempt.
public struct RunRequest: Sendable {
    public var run: PlannedRun
    /// The pipeline config every cell starts from (a file path).
    public var baseConfig: String
    /// A fresh, empty directory for the run's tables.
    public var outDir: String
    public var timeout: Double
    /// Polled while the run is in flight; true means kill it now (second Ctrl-C).
    public var shouldAbort: @Sendable () -> Bool
}

/// The outcome of one attempt.
public struct RunAttempt: Sendable {
    public enum Outcome: Sendable {
        /// The pipeline reported metrics (its own `status` may still be `failed`, e.g. lost records:
        /// that is a deterministic result and is not retried).
        case completed([String: JSONValue])
        /// Crashed, exited non-zero without metrics, or printed nothing usable: retried.
        case failed(String)
        /// Killed after the timeout: retried.
        case timedOut(String)
        /// Killed on the user's request: not recorded.
        case aborted
    }

    public var outcome: Outcome
    /// Harness-side seconds for the attempt (spawn to reap).
    public var seconds: Double

    public init(outcome: Outcome, seconds: Double) {
        self.outcome = outcome
        self.seconds = seconds
    }
}

/// Runs each attempt as `EXE pipeline --config BASE --set k=v … --set prefect.execution.max_retries=0
/// --strategy S --seed K --out DIR --json` (under `LifelineGuard` when EXE is not this dedupbench)
/// and parses the JSON object it prints on stdout.
public struct ChildProcessExecutor: RunExecutor {
    public var name: String { "child-process" }
    /// The dedupbench binary (or any program speaking the same arguments, e.g. a test fixture).
    public var executable: String
    /// Arguments before the run's own (default: `pipeline`).
    public var leadingArguments: [String]
    /// Extra environment for the child (nil: inherit the harness's environment).
    public var environment: [String: String]?
    /// The dedupbench binary that guards `executable` (`LifelineGuard`), for a program that does
    /// not watch the lifeline itself (`run --executable`); nil = `executable` is dedupbench.
    public var lifelineGuard: String?

    public init(
        executable: String, leadingArguments: [String] = ["pipeline"], environment: [String: String]? = nil,
        lifelineGuard: String? = nil
    ) {
        self.executable = executable
        self.leadingArguments = leadingArguments
        self.environment = environment
        self.lifelineGuard = lifelineGuard
    }

    /// The child's arguments for a request (also shown by `run --dry-run --verbose`).
    public func arguments(for request: RunRequest) -> [String] {
        var args = leadingArguments + ["--config", request.baseConfig]
        for key in request.run.cell.keys where key != ExperimentSpec.strategyKey {
            if let v = request.run.cell.params[key] { args += ["--set", "\(key)=\(Self.setText(v))"] }
        }
        // The experiment's `retries:` retry a failed run (counted in `attempts`); a seed config's
        // `prefect.execution.max_retries` must not retry again, unseen, inside the child.
        args += [
            "--set", "prefect.execution.max_retries=0",
            "--strategy", request.run.cell.strategy, "--seed", String(request.run.seed), "--out", request.outDir,
            "--json",
        ]
        return args
    }

    /// A value as the text after `key=`: plain text when it reads back as the same string,
    /// canonical JSON (valid YAML) otherwise.
    static func setText(_ v: JSONValue) -> String {
        if case .string(let s) = v {
            if let node = try? YAMLNode.compose(yaml: s, file: nil), let scalar = node.scalar,
                YAMLScalar.resolve(scalar.text, quoted: scalar.quoted) == v
            {
                return s
            }
        }
        return v.canonicalJSON
    }

    public func execute(_ request: RunRequest) -> RunAttempt {
        let result: ChildProcess.Result
        do {
            let args = arguments(for: request)
            result = try ChildProcess.run(
                executable: lifelineGuard ?? executable,
                arguments: lifelineGuard == nil ? args : LifelineGuard.arguments(program: executable, args),
                environment: environment, timeout: request.timeout, shouldAbort: request.shouldAbort)
        } catch {
            return RunAttempt(outcome: .failed(error.description), seconds: 0)
        }
        if result.aborted { return RunAttempt(outcome: .aborted, seconds: result.seconds) }
        if result.timedOut {
            let limit = JSONNumber.canonical(request.timeout)
            return RunAttempt(
                outcome: .timedOut("killed after the \(limit) s timeout\(Self.tail(result.stderr))"),
                seconds: result.seconds)
        }
        if let metrics = Self.metrics(in: result.stdout, strategy: request.run.cell.strategy) {
            return RunAttempt(outcome: .completed(metrics), seconds: result.seconds)
        }
        let how = result.signal.map { "killed by signal \($0)" } ?? "exited with code \(result.exitCode ?? -1)"
        let why = result.exitCode == 0 ? "exited 0 without a JSON result on stdout" : how
        return RunAttempt(outcome: .failed("\(why)\(Self.tail(result.stderr))"), seconds: result.seconds)
    }

    /// The JSON object for `strategy` among stdout's lines (the last object line if none names it).
    static func metrics(in stdout: [UInt8], strategy: String) -> [String: JSONValue]? {
        var objects: [[String: JSONValue]] = []
        for line in stdout.split(separator: 0x0A) {
            guard let first = line.first(where: { $0 != 0x20 && $0 != 0x09 }), first == UInt8(ascii: "{") else {
                continue
            }
            if let o = (try? JSONParser.parse(Array(line)))?.objectMembers { objects.append(o) }
        }
        return objects.last { $0["strategy"]?.text == strategy } ?? objects.last
    }

    /// The last lines of stderr, for the error column.
    static func tail(_ stderr: [UInt8]) -> String {
        let text = String(decoding: stderr.suffix(600), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "" : ": " + text
    }
}

import DedupYAML
import DedupPipeline
import DedupFormats
import Foundation
