import DedupFormats
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
            Reads the _delta_log (no data file is opened), so it also describes tables written by \
            other engines (delta-rs/deltalake, Spark). Rows come from the files' stats (numRecords) \
            minus the rows their deletion vectors delete. Unless --no-check is given, every live file \
            must exist with the size the log records and every deletion vector must load (checksum, \
            cardinality); problems are listed on stderr and the exit code is 2 (bad input). A table needing a \
            reader feature dedupbench does not implement is refused (exit 2, naming the feature), \
            since its row counts could be wrong.

            """ + ExitStatus.help)

    @Argument(
        help: "Table directory, or s3://bucket/prefix (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, … from the environment).")
    var table: String
    @Option(help: "Describe this version instead of the newest (time travel).") var version: Int?
    @Flag(help: "Print JSON instead of text.") var json = false
    @Flag(help: "List every live file (text output lists the first 20).") var allFiles = false
    @Flag(help: "Do not check that live files exist with their logged sizes.") var noCheck = false

    func validate() throws {
        if let v = version, v < 0 { throw ValidationError("--version must be ≥ 0, got \(v)") }
    }

    func run() throws {
        do {  // errors reach Dedupbench.main (ExitStatus.of)
            let store = try StoreLocation.open(table, environment: ProcessInfo.processInfo.environment)
            let d = try TableDescription.describe(store: store, version: version)
            let problems = noCheck ? [] : d.checkFiles(store: store)
            if json {
                guard case .object(var pairs) = d.json else { return }
                pairs.append(
                    (
                        "check",
                        .object([
                            ("checked", .bool(!noCheck)),
                            ("problems", .array(problems.map { .string($0.description) })),
                        ])
                    ))
                print(JSONValue.object(pairs).serialized)
            } else {
                print(d.text(maxFiles: allFiles ? nil : 20), terminator: "")
                if !noCheck && problems.isEmpty {
                    print("\nCheck: all \(d.files.count) live files exist with their logged sizes")
                }
            }
            if !problems.isEmpty {
                let shown = problems.prefix(50).map { "  " + $0.description }.joined(separator: "\n")
                let more = problems.count > 50 ? "\n  … and \(problems.count - 50) more" : ""
                throw DeltaError(
                    .corruptLog,
                    "\(table): \(problems.count) of \(d.files.count) live files do not match the log:\n\(shown)\(more)")
            }
        }
    }
}
