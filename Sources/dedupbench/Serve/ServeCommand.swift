import ArgumentParser
import DedupHarness
import DedupServe
import Foundation

/// `dedupbench serve`: the local dashboard (result sets, live sweep progress, compare, runs) and
/// scheduled experiments — the seed's Prefect `--serve` / `--cron`. docs/SERVE.md.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Serve a local dashboard of result sets, live sweep progress and comparisons; run experiments on a cron schedule.",
        discussion: """
            Pages and a JSON API (/api/) over every results.csv found under the --results folders \
            (default: results). Binds 127.0.0.1 unless --host names another address AND --allow-remote \
            is given (there is no authentication). No endpoint runs a command: the only processes are \
            the scheduled `dedupbench run` children, fixed at start-up by --experiment/--cron pairs \
            (standard 5-field cron, UTC). Stop with Ctrl-C.

            Exit codes: 0 stopped, 2 bad experiment file or cron expression, 3 cannot listen \
            (address in use), 64 usage.
            """)

    @Option(help: "Address to bind (loopback by default).") var host = "127.0.0.1"
    @Option(help: "TCP port.") var port = 8080
    @Flag(name: .customLong("allow-remote"), help: "Allow --host to be a non-loopback address (no authentication!).")
    var allowRemote = false
    @Option(
        name: .customLong("results"),
        help: ArgumentHelp("Folder searched for result sets (repeatable; default: results).", valueName: "dir"))
    var results: [String] = []
    @Option(
        help: ArgumentHelp(
            "Experiment file to run on a schedule (repeatable; pairs with --cron in order).", valueName: "file"))
    var experiment: [String] = []
    @Option(
        help: ArgumentHelp(
            "Cron expression for the --experiment at the same position, e.g. \"0 */6 * * *\".", valueName: "expr"))
    var cron: [String] = []

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1–65535") }
        if !ServeOptions.isLoopback(host) && !allowRemote {
            throw ValidationError(
                "--host \(host) is not a loopback address; add --allow-remote to expose the dashboard (it has no authentication)"
            )
        }
        guard experiment.count == cron.count else {
            throw ValidationError(
                "give one --cron per --experiment (got \(experiment.count) experiment(s), \(cron.count) cron expression(s))"
            )
        }
        for c in cron {
            do { _ = try CronExpression(c) } catch { throw ValidationError(error.description) }
        }
    }

    func run() throws {
        var schedules: [ScheduledExperiment] = []
        for (file, expression) in zip(experiment, cron) {
            do {  // spec errors reach Dedupbench.main (ExitStatus.of)
                let spec = try ExperimentSpec.load(path: file)
                let plan = try ExperimentPlan(spec: spec)
                try PlanValidator.check(plan)
                schedules.append(
                    ScheduledExperiment(
                        experimentFile: file, experimentName: spec.name, cron: try CronExpression(expression)))
            }
        }
        try Self.serve(host: host, port: port, results: results.isEmpty ? ["results"] : results, schedules: schedules)
    }

    /// Runs the server until Ctrl-C (also used by `pipeline --serve`).
    static func serve(host: String, port: Int, results: [String], schedules: [ScheduledExperiment]) throws {
        for dir in results where !FileManager.default.fileExists(atPath: dir) {
            HarnessCLI.note("note: results folder \(dir) does not exist yet; it is watched for new result sets")
        }
        if !ServeOptions.isLoopback(host) {
            HarnessCLI.note(
                "WARNING: serving on \(host), reachable from other machines; the dashboard has no authentication")
        }
        let options = ServeOptions(
            host: host, port: port, resultRoots: results, schedules: schedules,
            executable: HarnessCLI.currentExecutable())
        let server = DashboardServer(options: options)
        let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        for s in schedules {
            HarnessCLI.note(
                "schedule: \(s.experimentName) (\(s.experimentFile)) at \"\(s.cron.text)\" UTC, next \(s.cron.next(after: Date()).map { "\($0)" } ?? "never")"
            )
        }
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await server.run(handleSignals: true) {
                    HarnessCLI.note(
                        "dedupbench serve: http://\(shownHost):\(port)/ (results: \(results.joined(separator: ", "))); Ctrl-C stops"
                    )
                }
            } catch {
                failure.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            Console.error("serve", "cannot serve on \(shownHost):\(port): \(error)")
            throw ExitStatus.io.exitCode
        }
    }
}

private final class FailureBox: @unchecked Sendable {
    var error: (any Error)?
}
