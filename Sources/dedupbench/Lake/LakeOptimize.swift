import DedupFormats
import ArgumentParser
import DeltaS3
import DeltaStorage
import Foundation

/// `dedupbench lake optimize`: bin-packing compaction of small files.
struct LakeOptimize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Compact small files per partition (Delta OPTIMIZE, bin-packing, a dataChange=false rewrite).",
        discussion: """
            Within each partition, live files smaller than --target-file-size are grouped into bins of \
            at most that size; each bin of two or more files is rewritten into new files, all in one \
            commit. Removed files stay on disk until a vacuum. Default target: the table's \
            delta.targetFileSize, else 104857600 bytes (100 MiB, delta-rs's default).

            """ + ExitStatus.help)

    @Argument(help: "Table directory, or s3://bucket/prefix (AWS_* settings from the environment).") var table: String
    @Option(help: "Target file size in bytes.") var targetFileSize: Int64?
    @Flag(help: "Print JSON instead of text.") var json = false

    func validate() throws {
        if let s = targetFileSize, s <= 0 { throw ValidationError("--target-file-size must be > 0, got \(s)") }
    }

    func run() throws {
        do {  // errors reach Dedupbench.main (ExitStatus.of)
            let start = DeltaBenchmark.monotonicSeconds()
            let r = try DeltaTable.open(in: StoreLocation.open(table, environment: ProcessInfo.processInfo.environment))
                .optimize(targetFileBytes: targetFileSize)
            let seconds = DeltaBenchmark.monotonicSeconds() - start
            if json {
                let fields: [(String, JSONValue)] = [
                    ("table", .string(table)), ("version", r.version.map { .int(Int64($0)) } ?? .null),
                    ("filesRemoved", .int(Int64(r.filesRemoved))), ("filesAdded", .int(Int64(r.filesAdded))),
                    ("bytesRemoved", .int(r.bytesRemoved)), ("bytesAdded", .int(r.bytesAdded)),
                    ("partitionsOptimized", .int(Int64(r.partitionsOptimized))), ("seconds", .double(seconds)),
                ]
                print(JSONValue.object(fields).serialized)
            } else if let v = r.version {
                print(
                    "version \(v): \(r.filesRemoved) files (\(r.bytesRemoved) bytes) compacted into \(r.filesAdded) (\(r.bytesAdded) bytes) in \(r.partitionsOptimized) partitions, \(LakeFormat.three(seconds)) s"
                )
            } else {
                print("nothing to compact (no partition has two files below the target size)")
            }
        }
    }
}
