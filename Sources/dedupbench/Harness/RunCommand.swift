import DedupPipeline
import ArgumentParser
import DedupHarness
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an experiment: expand its matrix into seeded runs and record one CSV row per run.",
        discussion: """
            Results go to results/<experiment>/<UTC timestamp>/ (results.csv + manifest.json) unless
            --results is given; the folder is printed on stdout. Each run is a child process
            `dedupbench pipeline …` (--in-process runs them inside this process). Ctrl-C stops after the
            run in flight; --resume continues where a stopped or killed run left off.

            """ + ExitStatus.help)

    @Argument(help: "The experiment file (experiments/*.yaml).")
    var experiment: String

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Override a base config key or pin a matrix axis, e.g. --set generation.scale=10000 (repeatable).",
            valueName: "key=value"))
    var overrides: [String] = []

    @Option(
        name: .customLong("results"),
        help: ArgumentHelp("Results folder (default: results/<experiment>/<timestamp>).", valueName: "dir"))
    var results: String?

    @Flag(help: "Continue existing results, skipping runs already recorded (the newest folder unless --results).")
    var resume = false

    @Option(help: "Runs executed at once (parallel runs disturb timings).")
    var jobs = 1

    @Option(
        help: ArgumentHelp(
            "Run only shard k of n (cells dealt round-robin); combine with `dedupbench merge`.", valueName: "k/n"))
    var shard: String?

    @Flag(name: .customLong("dry-run"), help: "List the expanded runs (tab-separated) without running them.")
    var dryRun = false

    @Flag(name: .customLong("count-only"), help: .hidden)
    var countOnly = false

    @Flag(
        name: .customLong("in-process"),
        help: "Run the pipeline inside this process (no timeout, shared memory figures).")
    var inProcess = false

    @Option(name: .customLong("executable"), help: .hidden)
    var executable: String?

    @Option(help: "Override the spec's repeats per cell.") var repeats: Int?
    @Option(help: "Override the spec's warm-up runs per cell.") var warmup: Int?
    @Option(help: "Override the spec's per-run timeout, in seconds.") var timeout: Double?
    @Option(help: "Override the spec's retries after a failed attempt.") var retries: Int?

    @Option(name: .customLong("retry-backoff"), help: .hidden)
    var retryBackoff: Double?

    @Option(
        help: ArgumentHelp(
            "Price table for the cost columns (default: the spec's, else S3 Standard us-east-1).", valueName: "file"))
    var prices: String?

    @Flag(name: .customLong("keep-tables"), help: "Keep each run's Delta tables under <results>/tables/<run id>.")
    var keepTables = false

    @Flag(name: .customLong("no-color"), help: "No colour in progress output (also: the NO_COLOR environment variable).")
    var noColor = false

    @Option(help: "Progress display on stderr: auto (a bar on a terminal), bar, lines or none.")
    var progress: ProgressMode = .auto

    enum ProgressMode: String, ExpressibleByArgument, CaseIterable { case auto, bar, lines, none }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be k/n with 1 ≤ k ≤ n, e.g. 2/4") }
        if let repeats, repeats < 1 { throw ValidationError("--repeats must be at least 1") }
        if let warmup, warmup < 0 { throw ValidationError("--warmup must be 0 or more") }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
        if let retries, retries < 0 { throw ValidationError("--retries must be 0 or more") }
    }

    func run() throws {
        let start = Monotonic.now()
        let spec = try ExperimentSpec.load(path: experiment)
        let plan = try ExperimentPlan(
            spec: spec, overrides: overrides.map { o throws(SpecError) in try ExperimentPlan.Override.parse(o) })
        var options = RunOptions()
        options.shard = shard.flatMap(Shard.init)
        options.repeats = repeats
        options.warmup = warmup
        options.timeout = timeout
        options.retries = retries
        options.retryBackoff = retryBackoff
        // The same checks as `validate`, before anything runs — and before --dry-run lists runs,
        // so a listing never shows runs that `run` would refuse.
        let pricesFile = prices ?? spec.prices
        let table = try pricesFile.map { f throws(SpecError) in try PriceTable.load(path: f) } ?? .awsS3StandardUSEast1
        // A custom --executable (tests) speaks its own config dialect: only dedupbench's is checked.
        if executable == nil { try PlanValidator.check(plan) }
        if dryRun {
            try printDryRun(plan, options: options, seconds: Monotonic.now() - start)
            return
        }
        options.resultsDirectory = results
        options.resume = resume
        options.jobs = jobs
        options.keepTables = keepTables
        if noColor { options.color = false }
        options.progress =
            switch progress {
            case .auto: .auto
            case .bar: .bar
            case .lines: .lines
            case .none: .quiet
            }
        let executor: any RunExecutor =
            inProcess
            ? InProcessExecutor()
            // A custom --executable does not watch the lifeline: this binary guards it (LifelineGuard).
            : ChildProcessExecutor(
                executable: executable ?? HarnessCLI.currentExecutable(),
                lifelineGuard: executable == nil ? nil : HarnessCLI.currentExecutable())
        Interrupt.install()
        let runner = ExperimentRunner(
            plan: plan, executor: executor, prices: table, pricesFile: pricesFile, options: options)
        let summary = try runner.run()
        print(summary.resultsDirectory)
        HarnessCLI.note(
            "\(spec.name): recorded \(summary.recorded) runs (ok \(summary.ok), failed \(summary.failed), timeout \(summary.timedOut))"
                + (summary.skipped > 0 ? ", \(summary.skipped) already recorded" : "")
                + " in \(summary.resultsDirectory)")
        if summary.interrupted {
            HarnessCLI.note(
                "interrupted: continue with  "
                    + ResumeHint.command(arguments: CommandLine.arguments, resultsDirectory: summary.resultsDirectory)
            )
            throw ExitStatus.interrupted.exitCode
        }
        if summary.failed + summary.timedOut > 0 { throw ExitStatus.failed.exitCode }
    }

    private func printDryRun(_ plan: ExperimentPlan, options: RunOptions, seconds: Double) throws {
        var spec = plan.spec
        if let r = options.repeats { spec.repeats = r }
        if let w = options.warmup { spec.warmup = w }
        var p = plan
        p.spec = spec
        let runs = p.runs(includeWarmup: false, shard: options.shard)
        let cells = Set(runs.map(\.cell.id)).count
        let summary =
            "\(spec.name): \(cells) cells × \(spec.repeats) repeats = \(runs.count) runs"
            + (spec.warmup > 0 ? " (+\(cells * spec.warmup) warm-ups)" : "")
            + (options.shard.map { " in shard \($0)" } ?? "")
        if countOnly {
            print("\(summary); expanded in \(String(format: "%.1f", seconds * 1000)) ms")
            return
        }
        var out = "run_id\tcell_id\trepeat\tseed\tstrategy\tparams\n"
        for run in runs {
            out +=
                "\(run.runID)\t\(run.cell.id)\t\(run.repeatIndex)\t\(run.seed)\t\(run.cell.strategy)\t\(run.cell.paramsJSON)\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        HarnessCLI.note(summary)
    }
}
