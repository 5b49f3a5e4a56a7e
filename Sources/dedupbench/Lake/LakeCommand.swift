import ArgumentParser
import DeltaStorage


/// `dedupbench lake …`: write, inspect and benchmark Delta tables with dedupbench's own writer.
struct LakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lake",
        abstract: "Write, inspect and benchmark Delta Lake tables (dedupbench's own Parquet + Delta writer).",
        discussion: ExitStatus.help,
        subcommands: [
            LakeWriteDemo.self, LakeInspect.self, LakeVacuum.self, LakeOptimize.self, LakeBench.self,
            LakeBenchSnapshot.self,
        ])
}
