import ArgumentParser
import DeltaStorage

/// `dedupbench lake inspect`: describes a Delta table from its log (any writer).
struct LakeInspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract:
            "Describe a Delta table: versions and operations, live files, rows, bytes, schema, partition columns.",
        discussion: """
            Reads only the _delta_log (no data file is opened), so it also describes tables written by \
            other engines (delta-rs/deltalake, Spark). Rows come from the files' stats (numRecords).

            """ + ExitStatus.help)

    @Argument(help: "Table directory.") var table: String
    @Option(help: "Describe this version instead of the newest (time travel).") var version: Int?
    @Flag(help: "Print JSON instead of text.") var json = false
    @Flag(help: "List every live file (text output lists the first 20).") var allFiles = false

    func validate() throws {
        if let v = version, v < 0 { throw ValidationError("--version must be ≥ 0, got \(v)") }
    }

    func run() throws {
        do {  // errors reach Dedupbench.main (ExitStatus.of)
            let d = try TableDescription.describe(path: table, version: version)
            print(json ? d.json.serialized : d.text(maxFiles: allFiles ? nil : 20), terminator: json ? "\n" : "")
        }
    }
}
