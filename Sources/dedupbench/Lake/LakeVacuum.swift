import DedupFormats
import ArgumentParser
import DeltaS3
import DeltaStorage
import Foundation

/// `dedupbench lake vacuum`: deletes files no retained version needs.
struct LakeVacuum: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vacuum",
        abstract: "Delete data files that no version within the retention period needs (Delta VACUUM).",
        discussion: """
            A file is deleted when it is not live in the newest version, no commit in the last \
            --retain-hours removed it, and it was last modified before that (Delta Spark's rule). \
            Time travel to versions older than the retention period may fail afterwards. The default \
            retention is the table's delta.deletedFileRetentionDuration, else 168 hours (7 days).

            """ + ExitStatus.help)

    @Argument(help: "Table directory, or s3://bucket/prefix (AWS_* settings from the environment).") var table: String
    @Option(help: "Keep files removed less than this many hours ago (0 = keep only the newest version's files).")
    var retainHours: Double?
    @Flag(help: "List what would be deleted without deleting anything.") var dryRun = false
    @Flag(help: "Print JSON instead of text.") var json = false

    func validate() throws {
        if let h = retainHours, !(h >= 0 && h.isFinite) {
            throw ValidationError("--retain-hours must be ≥ 0, got \(h)")
        }
    }

    func run() throws {
        do {  // errors reach Dedupbench.main (ExitStatus.of)
            let start = DeltaBenchmark.monotonicSeconds()
            let r = try DeltaTable.open(in: StoreLocation.open(table, environment: ProcessInfo.processInfo.environment))
                .vacuum(retainHours: retainHours, dryRun: dryRun)
            let seconds = DeltaBenchmark.monotonicSeconds() - start
            if json {
                let fields: [(String, JSONValue)] = [
                    ("table", .string(table)), ("dryRun", .bool(dryRun)),
                    ("filesDeleted", .int(Int64(r.deleted.count))),
                    ("bytesDeleted", .int(r.deletedBytes)), ("filesKept", .int(Int64(r.keptFiles))),
                    ("bytesKept", .int(r.keptBytes)), ("bytesOnDiskBefore", .int(r.bytesOnDiskBefore)),
                    ("bytesOnDiskAfter", .int(r.bytesOnDiskAfter)), ("seconds", .double(seconds)),
                    ("deleted", .array(r.deleted.map(JSONValue.string))),
                ]
                print(JSONValue.object(fields).serialized)
            } else {
                for f in r.deleted { print((dryRun ? "would delete " : "deleted ") + f) }
                print(
                    "\(dryRun ? "would delete" : "deleted") \(r.deleted.count) files (\(r.deletedBytes) bytes); kept \(r.keptFiles) data files (\(r.keptBytes) bytes); on disk \(r.bytesOnDiskBefore) → \(r.bytesOnDiskAfter) bytes in \(LakeFormat.three(seconds)) s"
                )
            }
        }
    }
}
