/// Snapshot load time against the number of commits: with checkpoints (every
/// `delta.checkpointInterval` commits, default 10) and, for comparison, the same JSON commits
/// without any checkpoint (full replay). Used by `dedupbench lake bench-snapshot`.
public enum CheckpointBenchmark {
    /// What each commit does.
    public enum Workload: String, Sendable, CaseIterable {
        /// A blind append of one new file: live files grow with commits (a streaming bronze table).
        case append
        /// Replaces the oldest live file by a new one: live files stay constant and, with
        /// `delta.deletedFileRetentionDuration` = 0, tombstones expire at once (a compacted table
        /// in steady state), so the checkpoint stays the same size.
        case replace
    }

    public struct Measurement: Sendable {
        public var commits: Int
        /// Live data files in the snapshot.
        public var files: Int
        /// Median seconds to open the table and build its snapshot (checkpoint + later commits).
        public var seconds: Double
        /// Median CPU seconds of the same (steadier than wall time on a busy machine).
        public var cpuSeconds: Double
        public var checkpointVersion: Int?
        public var jsonCommitsRead: Int
        public var checkpointPartsRead: Int
        /// Median seconds for the same log without checkpoints (every JSON commit replayed).
        public var jsonOnlySeconds: Double
        public var jsonOnlyCPUSeconds: Double
        /// Seconds spent building the table (all commits, checkpoints included).
        public var buildSeconds: Double
        public var logBytes: Int64
    }

    /// Builds a table at `path` with `commits` appends of `rows` rows each (one data file per
    /// commit, no fsync), then times `repeats` snapshot loads with and without its checkpoints.
    public static func measure(
        commits: Int, rows: Int, repeats: Int, path: String, seed: UInt64, workload: Workload = .append,
        liveFiles: Int = 10
    ) throws -> Measurement {
        FileSystem.removeTree(path)
        let options = DeltaWriteOptions(seed: seed, clock: .fixed(1_736_726_400_000), syncDataFiles: false)
        let start = DeltaBenchmark.monotonicSeconds()
        let first = DeltaBenchmark.bronzeBatch(rows: rows, seed: seed)
        let config = workload == .replace ? [CheckpointPolicy.retentionKey: "interval 0 seconds"] : [:]
        let table = try DeltaTable.create(
            at: path, schema: first.schema, partitionColumns: [], configuration: config, options: options)
        for c in 0..<commits {
            let batch = c == 0 ? first : DeltaBenchmark.bronzeBatch(rows: rows, seed: seed &+ UInt64(c))
            let r: CommitResult
            if workload == .replace && c >= liveFiles {
                let snap = try table.snapshot()
                r = try table.commitReplace(
                    readVersion: snap.version, removing: [snap.files[0]], adding: batch, operation: "WRITE")
            } else {
                r = try table.append(batch)
            }
            if let e = r.checkpointError { throw DeltaError(.io, "checkpoint after version \(r.version): \(e)") }
        }
        let build = DeltaBenchmark.monotonicSeconds() - start

        // The same JSON commits without checkpoints: a copy of the log's *.json files.
        let jsonOnly = path + "-json-only"
        FileSystem.removeTree(jsonOnly)
        try FileSystem.makeDirectories(jsonOnly + "/_delta_log")
        for name in try FileSystem.list(table.log.logPath) where name.hasSuffix(".json") && !name.hasPrefix(".") {
            _ = try FileSystem.writeNew(
                jsonOnly + "/_delta_log/" + name, try FileSystem.readAll(table.log.logPath + "/" + name), sync: false)
        }
        defer { FileSystem.removeTree(jsonOnly) }

        func time(_ p: String) throws -> (Double, Double, DeltaLogState) {
            var runs: [Double] = []
            var cpu: [Double] = []
            var last: DeltaLogState?
            for _ in 0..<max(1, repeats) {
                let c0 = DeltaBenchmark.cpuSeconds()
                let t0 = DeltaBenchmark.monotonicSeconds()
                let state = try DeltaTable.open(at: p).log.state()
                _ = try DeltaSnapshot(state: state)
                runs.append(DeltaBenchmark.monotonicSeconds() - t0)
                cpu.append(DeltaBenchmark.cpuSeconds() - c0)
                last = state
            }
            return (runs.sorted()[runs.count / 2], cpu.sorted()[cpu.count / 2], last!)
        }
        let (seconds, cpuSeconds, state) = try time(path)
        let (jsonSeconds, jsonCPU, jsonState) = try time(jsonOnly)
        guard jsonState.files == state.files else {
            throw DeltaError(.corruptLog, "\(path): replay from the checkpoint and from JSON disagree")
        }
        let usage = try table.usage()
        return Measurement(
            commits: commits, files: state.files.count, seconds: seconds, cpuSeconds: cpuSeconds,
            checkpointVersion: state.checkpointVersion, jsonCommitsRead: state.commitsRead,
            checkpointPartsRead: state.checkpointPartsRead, jsonOnlySeconds: jsonSeconds, jsonOnlyCPUSeconds: jsonCPU,
            buildSeconds: build, logBytes: usage.logBytes)
    }
}
