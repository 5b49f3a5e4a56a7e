import DedupFormats
import ArgumentParser
import DeltaStorage

/// `dedupbench lake bench-snapshot`: snapshot load time as commits grow, with and without checkpoints.
struct LakeBenchSnapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-snapshot",
        abstract: "Time loading a table's snapshot after N commits, with checkpoints and with JSON replay only.",
        discussion: """
            For each --commits N a table is built with N appends of --rows bronze rows (one data \
            file per commit; a checkpoint every 10 commits, the default delta.checkpointInterval). \
            Then opening the table and building its snapshot is timed --repeat times (median): \
            "load ms" starts at the newest checkpoint and replays the JSON commits after it; \
            "json-only ms" replays every JSON commit of a copy of the log without checkpoints. \
            "cpu ms" is the CPU time of the same loads (steadier on a busy machine). Building is \
            timed separately ("build s", checkpoint writing included).

            """ + ExitStatus.help)

    @Option(help: "Commit counts to measure (repeatable).") var commits: [Int] = [10, 100, 1000, 5000]
    @Option(help: "Rows per commit.") var rows: Int = 10
    @Option(help: "Snapshot loads per table; the median is reported.") var `repeat`: Int = 5
    @Option(help: "Output directory (one table per commit count, replaced on each run).") var out: String
    @Option(help: "Seed for rows and file names.") var seed: UInt64 = 1
    @Option(
        help:
            "append: one new file per commit (live files grow); replace: each commit replaces the oldest of --live-files files, tombstones expire at once (live files constant)."
    )
    var workload: String = "append"
    @Option(help: "Live files of the replace workload.") var liveFiles: Int = 10
    @Flag(help: "Print JSON lines instead of a table.") var json = false

    func validate() throws {
        guard rows > 0 else { throw ValidationError("--rows must be > 0, got \(rows)") }
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be ≥ 1, got \(`repeat`)") }
        for c in commits where c < 1 { throw ValidationError("--commits must be ≥ 1, got \(c)") }
        guard CheckpointBenchmark.Workload(rawValue: workload) != nil else {
            throw ValidationError("--workload '\(workload)' is not one of: append, replace")
        }
        guard liveFiles >= 1 else { throw ValidationError("--live-files must be ≥ 1, got \(liveFiles)") }
    }

    func run() throws {
        do {  // errors reach Dedupbench.main (ExitStatus.of)
            if !json {
                print("workload \(workload), \(rows) rows per commit")
                print(
                    "commits  files  checkpoint  json read   load ms  (cpu ms)  json-only ms  (cpu ms)   build s   log bytes"
                )
            }
            for n in commits {
                let m = try CheckpointBenchmark.measure(
                    commits: n, rows: rows, repeats: `repeat`, path: out + "/\(workload)-\(n)", seed: seed,
                    workload: CheckpointBenchmark.Workload(rawValue: workload)!, liveFiles: liveFiles)
                if json {
                    let fields: [(String, JSONValue)] = [
                        ("workload", .string(workload)), ("commits", .int(Int64(n))), ("files", .int(Int64(m.files))),
                        ("checkpointVersion", m.checkpointVersion.map { .int(Int64($0)) } ?? .null),
                        ("jsonCommitsRead", .int(Int64(m.jsonCommitsRead))),
                        ("checkpointPartsRead", .int(Int64(m.checkpointPartsRead))),
                        ("loadSeconds", .double(m.seconds)), ("loadCPUSeconds", .double(m.cpuSeconds)),
                        ("jsonOnlySeconds", .double(m.jsonOnlySeconds)),
                        ("jsonOnlyCPUSeconds", .double(m.jsonOnlyCPUSeconds)),
                        ("buildSeconds", .double(m.buildSeconds)), ("logBytes", .int(m.logBytes)),
                    ]
                    print(JSONValue.object(fields).serialized)
                } else {
                    func pad(_ s: String, _ w: Int) -> String {
                        s.count >= w ? s : String(repeating: " ", count: w - s.count) + s
                    }
                    print(
                        pad(String(n), 7) + pad(String(m.files), 7)
                            + pad(m.checkpointVersion.map(String.init) ?? "-", 12)
                            + pad(String(m.jsonCommitsRead), 11) + pad(LakeFormat.three(m.seconds * 1000), 10)
                            + pad(LakeFormat.three(m.cpuSeconds * 1000), 10)
                            + pad(LakeFormat.three(m.jsonOnlySeconds * 1000), 14)
                            + pad(LakeFormat.three(m.jsonOnlyCPUSeconds * 1000), 10)
                            + pad(LakeFormat.three(m.buildSeconds), 10)
                            + pad(String(m.logBytes), 12))
                }
            }
        }
    }
}
