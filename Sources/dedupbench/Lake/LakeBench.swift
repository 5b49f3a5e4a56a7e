import DedupFormats
import ArgumentParser
import DedupPipeline
import DeltaStorage

/// `dedupbench lake bench`: times writing the bronze table once per codec.
struct LakeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time writing N bronze rows (partitioned by partition_date) as a Delta table, per codec.",
        discussion: """
            The batch is generated once and not timed. Each run creates the table and appends the \
            batch in one commit (data files fsynced, commit published); seconds is the median of \
            --repeat runs; cpu s is the CPU time (all threads) of that run, a steadier figure on a busy \
            machine. table bytes = every file under the table directory (data + log). \
            in MB/s = in-memory batch bytes (values + string offsets) / seconds.

            """ + ExitStatus.help)

    @Option(help: "Rows in the batch.") var rows: Int = 1_100_000
    @Option(help: "Codec to measure (repeatable): uncompressed (none), snappy, gzip, zstd.") var codec: [String] = [
        "snappy"
    ]
    @Option(help: "Output directory; one table per codec is written below it (replaced on each run).") var out: String
    @Option(help: "Seed for rows and file names.") var seed: UInt64 = 1
    @Option(help: "Runs per codec; the median time is reported.") var `repeat`: Int = 3
    @Flag(help: "Skip fsync of data files (shows what durability costs).") var noFsync = false
    @Flag(help: "Print JSON lines instead of a table.") var json = false

    func validate() throws {
        guard rows > 0 else { throw ValidationError("--rows must be > 0, got \(rows)") }
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be ≥ 1, got \(`repeat`)") }
        for c in codec where Codec(name: c) == nil {
            throw ValidationError(
                "--codec '\(c)' is not one of: \(Codec.allCases.map(\.rawValue).joined(separator: ", ")), none")
        }
    }

    func run() throws {
        // Refuse what the machine cannot hold before allocating it (exit 2, the estimate and the limit).
        if let problem = MemoryBudget.problem(records: rows) { throw DeltaError(.invalidInput, "--rows: \(problem)") }
        do {  // errors reach Dedupbench.main (ExitStatus.of)
            let batch = DeltaBenchmark.bronzeBatch(rows: rows, seed: seed)
            let inputMB = Double(DeltaBenchmark.inputBytes(batch)) / 1e6
            if !json {
                print(
                    "bronze rows: \(rows), input \(LakeFormat.one(inputMB)) MB in memory, partitioned by \(DeltaBenchmark.partitionColumn)"
                )
                print("codec         rows   seconds     cpu s    table bytes  files   in MB/s")
            }
            for name in codec {
                let c = Codec(name: name)!
                let dir = out + "/" + c.rawValue
                var runs: [DeltaBenchmark.Measurement] = []
                for _ in 0..<`repeat` {
                    DeltaBenchmark.removeTree(dir)
                    let options = DeltaWriteOptions(
                        parquet: ParquetWriteOptions(codec: c), seed: seed, syncDataFiles: !noFsync)
                    let m = try DeltaBenchmark.writeTable(
                        batch, at: dir, partitionColumns: [DeltaBenchmark.partitionColumn], options: options)
                    runs.append(m)
                }
                let m = runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
                let seconds = m.seconds
                if json {
                    let fields: [(String, JSONValue)] = [
                        ("codec", .string(c.rawValue)), ("rows", .int(Int64(rows))), ("seconds", .double(seconds)),
                        ("secondsMin", .double(runs.map(\.seconds).min()!)), ("cpuSeconds", .double(m.cpuSeconds)),
                        ("tableBytes", .int(m.usage.bytesOnDisk)),
                        ("dataFiles", .int(Int64(m.usage.liveFiles))), ("inputMBps", .double(inputMB / seconds)),
                        ("fsync", .bool(!noFsync)), ("path", .string(dir)),
                    ]
                    print(JSONValue.object(fields).serialized)
                } else {
                    print(
                        c.rawValue.padding(toLength: 12) + String(rows).leftPad(6 + 1)
                            + LakeFormat.three(seconds).leftPad(10) + LakeFormat.three(m.cpuSeconds).leftPad(10)
                            + String(m.usage.bytesOnDisk).leftPad(15) + String(m.usage.liveFiles).leftPad(7)
                            + LakeFormat.one(inputMB / seconds).leftPad(10))
                }
            }
        }
    }
}

extension String {
    fileprivate func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
    fileprivate func padding(toLength width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
