import DedupPipeline
import ArgumentParser
import DedupHarness
import Foundation

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine result sets (e.g. the shards of one experiment) into one results folder.",
        discussion: """
            Rows are sorted by run key and each run id is kept once (an ok row wins over a failed
            one); the manifests' sessions are concatenated and the inputs listed under merged_from.

            """ + ExitStatus.help)

    @Argument(help: "Results folders or results.csv files.")
    var inputs: [String]

    @Option(help: ArgumentHelp("Folder for the merged results.csv and manifest.json.", valueName: "dir"))
    var out: String

    @Flag(help: "Replace results already in --out.")
    var force = false

    func run() throws {
        let target = (out as NSString).appendingPathComponent("results.csv")
        if !force, FileManager.default.fileExists(atPath: target) { throw ResultsError.exists(path: out) }
        let merged = try ResultMerger.merge(paths: inputs)
        for w in merged.warnings { Console.warning("merge", w) }
        try merged.set.write(directory: out)
        print(out)
        HarnessCLI.note("merged \(merged.set.rows.count) runs from \(inputs.count) inputs into \(out)")
    }
}
