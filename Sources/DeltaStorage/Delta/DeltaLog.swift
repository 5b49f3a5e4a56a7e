import DedupFormats

/// The `_delta_log` directory of a table: listing versions and checkpoints, reading commits, and
/// replaying them.
///
/// Replay starts at the newest complete checkpoint at or below the version asked for (found via
/// `_last_checkpoint`, or by listing when that hint is missing, unreadable or names a checkpoint
/// that is not there) and applies the JSON commits after it, which must be contiguous
/// (PROTOCOL.md, "Checkpoints", "Last Checkpoint File"). Without a checkpoint every commit from
/// version 0 is replayed; a log whose early commits were cleaned up without a checkpoint covering
/// them is an error, never a partial table.
public struct DeltaLog: Sendable {
    public let tablePath: String
    public var logPath: String { tablePath + "/_delta_log" }

    public init(tablePath: String) { self.tablePath = tablePath }

    /// File name of the commit for `version` (20-digit, zero-padded).
    public static func commitName(_ version: Int) -> String { padded(version, 20) + ".json" }

    /// File name of the classic checkpoint of `version`.
    public static func checkpointName(_ version: Int) -> String { padded(version, 20) + ".checkpoint.parquet" }

    /// File name of part `part` (1-based) of a multi-part checkpoint of `version` with `parts` parts.
    public static func checkpointName(_ version: Int, part: Int, of parts: Int) -> String {
        padded(version, 20) + ".checkpoint." + padded(part, 10) + "." + padded(parts, 10) + ".parquet"
    }

    private static func padded(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    public func commitPath(_ version: Int) -> String { logPath + "/" + Self.commitName(version) }

    /// Commits and checkpoints in `_delta_log` (names of `minVersion` and later only).
    func listing(from minVersion: Int = 0) throws(DeltaError) -> CheckpointListing {
        guard FileSystem.isDirectory(logPath) else {
            throw DeltaError(.notATable, "\(tablePath) is not a Delta table: \(logPath) does not exist")
        }
        return CheckpointListing(names: try FileSystem.list(logPath), from: minVersion)
    }

    /// The `_last_checkpoint` hint, or nil when absent; an unreadable hint is nil plus a note.
    func lastCheckpoint() -> (LastCheckpoint?, String?) {
        let path = logPath + "/" + LastCheckpoint.fileName
        guard FileSystem.exists(path) else { return (nil, nil) }
        guard let bytes = try? FileSystem.readAll(path) else {
            return (nil, "\(path) could not be read; listed the log instead")
        }
        let (hint, problem) = LastCheckpoint.parse(bytes)
        return (hint, problem.map { "\(path) is not usable (\($0)); listed the log instead" })
    }

    /// Every version the table can be read at, ascending: from the oldest version that a
    /// checkpoint or the commits from version 0 can rebuild, to the newest.
    public func versions() throws(DeltaError) -> [Int] {
        let l = try listing()
        guard let latest = l.latestVersion else {
            throw DeltaError(.notATable, "\(tablePath) is not a Delta table: \(logPath) holds no commit files")
        }
        _ = try LogSegment.resolve(l, target: latest, log: self, preferJSON: false)
        let oldest = LogSegment.oldestReadable(l, latest: latest)
        return Array(oldest...latest)
    }

    /// The newest version (JSON commit or checkpoint), or nil when the log does not exist yet.
    public func latestVersion() throws(DeltaError) -> Int? {
        guard FileSystem.isDirectory(logPath) else { return nil }
        return try listing().latestVersion
    }

    /// The actions of one commit. A malformed line is an error naming the file and line.
    public func readCommit(_ version: Int) throws(DeltaError) -> [DeltaAction] {
        try readCommitWithSize(version).actions
    }

    func readCommitWithSize(_ version: Int) throws(DeltaError) -> (actions: [DeltaAction], bytes: Int64) {
        let path = commitPath(version)
        let bytes = try FileSystem.readAll(path)
        return (try Self.parseCommit(bytes, file: path), Int64(bytes.count))
    }

    /// Parses newline-delimited actions; blank lines are ignored.
    static func parseCommit(_ bytes: [UInt8], file: String) throws(DeltaError) -> [DeltaAction] {
        var actions: [DeltaAction] = []
        var lineNo = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNo += 1
            var body = line
            if body.last == UInt8(ascii: "\r") { body = body.dropLast() }
            if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            if let column = DeltaLogValidation.invalidUTF8Column(body) {
                throw .brokenLog(file, line: lineNo, "column \(column): invalid UTF-8 (a commit must be UTF-8 JSON)")
            }
            let json: JSONValue
            do {
                json = try JSONParser.parse(Array(body))
            } catch {
                throw .brokenLog(file, line: lineNo, "column \(error.column): \(error.message)")
            }
            do {
                actions.append(try DeltaAction(json: json))
            } catch {
                throw .brokenLog(file, line: lineNo, error.message)
            }
            if let problem = DeltaLogValidation.problem(actions[actions.count - 1], commitFile: file) {
                throw .brokenLog(file, line: lineNo, problem)
            }
        }
        return actions
    }

    /// The table as of `version` (default: the newest): the newest checkpoint at or below it, then
    /// the JSON commits after it. `history` adds one summary per JSON commit replayed and, when the
    /// commits from version 0 are all still there, replays those instead of the checkpoint so the
    /// history is complete.
    public func state(version: Int? = nil, history: Bool = false) throws(DeltaError) -> DeltaLogState {
        var notes: [String] = []
        var listing: CheckpointListing?
        // The hint lets a listing start at its checkpoint (a paginated object-store listing skips
        // everything older); it is checked against the listing, never trusted blindly.
        let (hint, hintProblem) = lastCheckpoint()
        if let hintProblem { notes.append(hintProblem) }
        if let hint, !history, version.map({ $0 >= hint.version }) ?? true {
            let l = try self.listing(from: hint.version)
            if l.checkpoints.first?.version == hint.version {
                listing = l
            } else {
                notes.append(
                    "\(logPath)/\(LastCheckpoint.fileName) names the checkpoint of version \(hint.version), which is missing or incomplete; listed the whole log instead"
                )
            }
        }
        let l: CheckpointListing
        if let listing { l = listing } else { l = try self.listing() }
        guard let latest = l.latestVersion else {
            throw DeltaError(.notATable, "\(tablePath) is not a Delta table: \(logPath) holds no commit files")
        }
        let target = version ?? latest
        guard target >= 0 && target <= latest else {
            throw DeltaError(
                .invalidInput, "\(tablePath) has versions up to \(latest); version \(target) does not exist")
        }
        let segment = try LogSegment.resolve(l, target: target, log: self, preferJSON: history)
        var replay = LogReplay()
        var state = DeltaLogState(version: target, files: [], transactions: [:], history: [])
        if let c = segment.checkpoint {
            let read = try CheckpointReader.read(c, logPath: logPath)
            replay.applyCheckpoint(read.actions)
            state.checkpointPartsRead = c.parts.count
        }
        if segment.start <= target {
            for v in segment.start...target {
                let (actions, size) = try readCommitWithSize(v)
                replay.apply(version: v, actions: actions, commitBytes: size, keepHistory: history)
            }
        }
        guard replay.metadata != nil else {
            throw DeltaError(.corruptLog, "\(logPath): no metaData action in versions 0…\(target)")
        }
        guard replay.protocolVersions != nil else {
            throw DeltaError(.corruptLog, "\(logPath): no protocol action in versions 0…\(target)")
        }
        let replayed = replay.state(version: target)
        state.protocolVersions = replayed.protocolVersions
        state.metadata = replayed.metadata
        state.files = replayed.files
        state.transactions = replayed.transactions
        state.history = replayed.history
        state.tombstones = replayed.tombstones
        state.setTransactions = replayed.setTransactions
        state.checkpointVersion = segment.checkpoint?.version
        state.commitsRead = max(0, target - segment.start + 1)
        state.notes = notes
        return state
    }
}
