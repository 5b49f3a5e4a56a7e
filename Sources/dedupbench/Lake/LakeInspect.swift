import ArgumentParser
import DeltaS3
import DeltaStorage
import Foundation

/// `dedupbench lake inspect`: describes a Delta table from its log (any writer).
struct LakeInspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract:
            "Describe a Delta table: versions and operations, live files, rows, bytes, schema, partition columns.",
        discussion: """
            Reads only the _delta_log (no data file is opened), so it also describes tables written by \
            other engines (delta-rs/deltalake, Spark). Rows come from the files' stats (numRecords).

            """ + LakeExit.help)

    @Argument(help: "Table directory, or s3://bucket/prefix (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, … from the environment).")
    var table: String
    @Option(help: "Describe this version instead of the newest (time travel).") var version: Int?
    @Flag(help: "Print JSON instead of text.") var json = false
    @Flag(help: "List every live file (text output lists the first 20).") var allFiles = false

    func validate() throws {
        if let v = version, v < 0 { throw ValidationError("--version must be ≥ 0, got \(v)") }
    }

    func run() throws {
        try LakeExit.run {
            let store: any ObjectStore
            do {
                store = try StoreLocation.open(table, environment: ProcessInfo.processInfo.environment)
            } catch let e as S3Error {
                LakeExit.fail(e.message, 2)
            }
            let d = try TableDescription.describe(store: store, version: version)
            print(json ? d.json.serialized : d.text(maxFiles: allFiles ? nil : 20), terminator: json ? "\n" : "")
        }
    }
}
