import DedupPipeline
import ArgumentParser
import DedupHarness
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check experiment specs, price tables and pipeline configs without running anything.",
        discussion: """
            The kind of each file is told by its keys (an experiment has 'matrix', a price table
            'storage' and 'requests'; anything else is read as a pipeline config). Experiments are
            expanded and checked against the pipeline. Prints one line per valid file on stdout and
            one located error per invalid file on stderr.

            """ + ExitStatus.help)

    @Argument(help: "Files to check.")
    var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            do {
                print(try check(file))
            } catch let e as ConfigErrors {
                for line in e.lines { Console.error("validate", line) }
                failed = true
            } catch {
                Console.error("validate", SystemErrorText.describe(error))
                failed = true
            }
        }
        if failed { throw ExitStatus.badInput.exitCode }
    }

    private func check(_ file: String) throws -> String {
        switch try SpecKind.detect(path: file) {
        case .experiment:
            let spec = try ExperimentSpec.load(path: file)
            let plan = try ExperimentPlan(spec: spec)
            if let prices = spec.prices { _ = try PriceTable.load(path: prices) }
            try PlanValidator.check(plan)
            return
                "ok: \(file): experiment '\(spec.name)', \(plan.cells.count) cells × \(spec.repeats) repeats = \(plan.cells.count * spec.repeats) runs"
        case .priceTable:
            let table = try PriceTable.load(path: file)
            return "ok: \(file): price table \(table.reference)"
        case .pipelineConfig:
            // Every error of the file (ConfigErrors), not only the first; keys without effect as warnings.
            let config = try PipelineConfig.load(path: file)
            for n in config.notices { Console.warning("validate", n.description) }
            return "ok: \(file): pipeline config"
        }
    }
}
