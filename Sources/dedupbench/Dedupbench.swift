import ArgumentParser

@main
struct Dedupbench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupbench",
        abstract: "Benchmark and compare deduplication strategies for pub/sub messages landing in Delta Lake.",
        subcommands: [LakeCommand.self, PipelineCommand.self, ListCommand.self, BenchCoreCommand.self, RunCommand.self, ValidateCommand.self, MergeCommand.self, ReportCommand.self, CompareCommand.self, ServeCommand.self])
}
