import DedupFormats
import ArgumentParser
import DedupPipeline
import DeltaS3
import DeltaStorage
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `dedupbench lake write-demo`: writes seeded bronze rows as a Delta table.
struct LakeWriteDemo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write-demo",
        abstract:
            "Write seeded bronze rows (the seed's record + two sha256 hex columns + partition_date) as a Delta table.",
        discussion: ExitStatus.help)

    @Option(help: "Number of rows.") var rows: Int = 10_000
    @Option(help: "Parquet codec: uncompressed (or none), snappy, gzip, zstd.") var codec: String = "snappy"
    @Option(
        name: .customLong("partition-by"), help: "Partition column (repeatable); 'none' for an unpartitioned table.")
    var partitionBy: [String] = [DeltaBenchmark.partitionColumn]
    @Option(help: "Table directory, or s3://bucket/prefix (AWS_* environment variables).") var out: String
    @Option(help: "Seed for the rows and, when given, for file names and the table id (same seed → same bytes).")
    var seed: UInt64?
    @Option(
        help:
            "error: fail if the table exists; append or overwrite: add to / replace an existing table (created if missing)."
    )
    var mode: Mode = .error
    @Option(help: "Split each partition into files of at most this many rows.") var maxRowsPerFile: Int?
    @Flag(help: "Print the result as JSON.") var json = false
    @Option(help: .hidden) var raceBarrier: String?

    enum Mode: String, ExpressibleByArgument, CaseIterable { case error, append, overwrite }

    func validate() throws {
        guard rows >= 0 else { throw ValidationError("--rows must be ≥ 0, got \(rows)") }
        guard Codec(name: codec) != nil else {
            throw ValidationError(
                "--codec '\(codec)' is not one of: \(Codec.allCases.map(\.rawValue).joined(separator: ", ")), none")
        }
        if let m = maxRowsPerFile, m < 1 { throw ValidationError("--max-rows-per-file must be ≥ 1, got \(m)") }
        let columns = DeltaBenchmark.bronzeBatch(rows: 0, seed: 0).schema.names
        for c in partitionBy where c != "none" && !columns.contains(c) {
            throw ValidationError("--partition-by '\(c)' is not a column; columns: \(columns.joined(separator: ", "))")
        }
    }

    func run() throws {
        // Refuse what the machine cannot hold before allocating it (exit 2, the estimate and the limit).
        if let problem = MemoryBudget.problem(records: rows) { throw DeltaError(.invalidInput, "--rows: \(problem)") }
        do {  // errors reach Dedupbench.main (ExitStatus.of)
            let batch = DeltaBenchmark.bronzeBatch(rows: rows, seed: seed ?? 1)
            var options = DeltaWriteOptions(
                parquet: ParquetWriteOptions(codec: Codec(name: codec)!), targetFileRows: maxRowsPerFile, seed: seed)
            if let dir = raceBarrier { options.beforePublish = RaceBarrier(dir: dir).arrive }
            let partitions = partitionBy.filter { $0 != "none" }
            let store = try StoreLocation.open(out, environment: ProcessInfo.processInfo.environment)
            let table: DeltaTable
            if mode != .error, (try? DeltaLog(store: store).latestVersion()) ?? nil != nil {
                table = try DeltaTable.open(in: store, options: options)
            } else {
                table = try DeltaTable.create(
                    in: store, schema: batch.schema, partitionColumns: partitions, options: options)
            }
            let start = DeltaBenchmark.monotonicSeconds()
            let result = mode == .overwrite ? try table.overwrite(batch) : try table.append(batch)
            let seconds = DeltaBenchmark.monotonicSeconds() - start
            if json {
                let fields: [(String, JSONValue)] = [
                    ("table", .string(out)), ("version", .int(Int64(result.version))),
                    ("readVersion", .int(Int64(result.readVersion))),
                    ("retries", .int(Int64(result.retries))), ("rows", .int(Int64(result.rowsAdded))),
                    ("files", .int(Int64(result.added.count))), ("bytesWritten", .int(Int64(result.bytesWritten))),
                ]
                print(JSONValue.object(fields).serialized)
            } else {
                print(
                    "wrote \(result.rowsAdded) rows in \(result.added.count) files to \(out) as version \(result.version)"
                        + " (\(result.bytesWritten) bytes, \(LakeFormat.three(seconds)) s\(result.retries > 0 ? ", \(result.retries) retries" : ""))"
                )
            }
        }
    }
}

/// Fixed-decimal number formatting for the lake commands' output.
enum LakeFormat {
    static func three(_ x: Double) -> String {
        let v = Int((x * 1000).rounded())
        let frac = String(v % 1000)
        return "\(v / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }

    static func one(_ x: Double) -> String {
        let v = Int((x * 10).rounded())
        return "\(v / 10).\(v % 10)"
    }
}

/// Test support for racing writers: each process announces itself in `dir` before its first
/// publish attempt and waits (up to 10 s) until two processes have arrived, so both commit
/// against the same version.
struct RaceBarrier: Sendable {
    var dir: String

    func arrive(version: Int) {
        guard !FileSystemProbe.exists(dir + "/" + String(getpid())) else { return }  // only the first attempt waits
        FileSystemProbe.touch(dir + "/" + String(getpid()))
        let deadline = DeltaBenchmark.monotonicSeconds() + 10
        while FileSystemProbe.count(dir) < 2 && DeltaBenchmark.monotonicSeconds() < deadline { usleep(2_000) }
    }
}

/// Minimal POSIX helpers for the race barrier.
enum FileSystemProbe {
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
    static func touch(_ path: String) { close(open(path, O_WRONLY | O_CREAT, 0o644)) }
    static func count(_ dir: String) -> Int {
        guard let d = opendir(dir) else { return 0 }
        defer { closedir(d) }
        var n = 0
        while let e = readdir(d) { if e.pointee.d_name.0 != 46 { n += 1 } }
        return n
    }
}
