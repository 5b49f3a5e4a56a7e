import DedupFormats

/// The `_delta_log` of a table: listing versions and checkpoints, reading commits, and replaying
/// them, through the table's object store (one LIST per listing, one GET per commit or
/// checkpoint part read).
///
/// Replay starts at the newest complete checkpoint at or below the version asked for (found via
/// `_last_checkpoint`, or by listing when that hint is missing, unreadable or names a checkpoint
/// that is not there) and applies the JSON commits after it, which must be contiguous
/// (PROTOCOL.md, "Checkpoints", "Last Checkpoint File"). Without a checkpoint every commit from
/// version 0 is replayed; a log whose early commits were cleaned up without a checkpoint covering
/// them is an error, never a partial table.
public struct DeltaLog: Sendable {
    /// The table root (directory path or `s3://` URI), for messages.
    public var tablePath: String { store.root }
    public var logPath: String { store.location("_delta_log") }
    /// Where the table's objects live.
    public let store: any ObjectStore

    /// The log of the table directory `tablePath` on the local file system.
    public init(tablePath: String) { self.init(store: LocalObjectStore(root: tablePath)) }

    /// The log of the table whose root is `store`.
    public init(store: any ObjectStore) { self.store = store }

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

    /// Object key of the commit for `version` (`_delta_log/<20 digits>.json`).
    public static func commitKey(_ version: Int) -> String { "_delta_log/" + commitName(version) }

    /// The commit's location (path or URI), for messages.
    public func commitPath(_ version: Int) -> String { store.location(Self.commitKey(version)) }

    /// Commits and checkpoints in `_delta_log` (names of `minVersion` and later only; one LIST).
    func listing(from minVersion: Int = 0) throws(DeltaError) -> CheckpointListing {
        try listing(names: listedNames(), from: minVersion)
    }

    /// `listing(from:)` of names already listed.
    private func listing(names: [String], from minVersion: Int = 0) throws(DeltaError) -> CheckpointListing {
        if names.isEmpty, let dir = store.localPath("_delta_log"), !FileSystem.isDirectory(dir) {
            throw DeltaError(.notATable, "\(tablePath) is not a Delta table: \(logPath) does not exist")
        }
        return CheckpointListing(names: names, from: minVersion)
    }

    /// Names of the objects directly in `_delta_log/` (one LIST request).
    private func listedNames() throws(DeltaError) -> [String] {
        var names: [String] = []
        for entry in try store.list(prefix: "_delta_log/") {
            let name = entry.key.dropFirst("_delta_log/".count)
            if !name.contains("/") { names.append(String(name)) }
        }
        return names
    }

    /// The `_last_checkpoint` hint, or nil when absent; an unreadable hint is nil plus a note.
    /// `names` is a listing of `_delta_log` that already shows whether the hint exists, so a table
    /// without one costs no request for it (one GET otherwise).
    func lastCheckpoint(names: [String]) -> (LastCheckpoint?, String?) {
        let key = "_delta_log/" + LastCheckpoint.fileName
        let path = store.location(key)
        guard names.contains(LastCheckpoint.fileName) else { return (nil, nil) }
        let bytes: [UInt8]
        do {
            bytes = try store.get(key)
        } catch {
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

    /// Where a reader without history starts to rebuild `version` (default: the newest): the newest
    /// complete checkpoint at or below it (nil: none, every JSON commit from version 0 is read) and
    /// the number of JSON commits replayed after it (PROTOCOL.md, "Checkpoints"). One LIST.
    /// - Throws: `DeltaError` when the log is missing or has a gap in the commits needed.
    public func replayStart(version: Int? = nil) throws(DeltaError) -> (checkpointVersion: Int?, commits: Int) {
        let l = try listing()
        guard let latest = l.latestVersion else {
            throw DeltaError(.notATable, "\(tablePath) is not a Delta table: \(logPath) holds no commit files")
        }
        let target = min(version ?? latest, latest)
        let segment = try LogSegment.resolve(l, target: target, log: self, preferJSON: false)
        return (segment.checkpoint?.version, max(0, target - segment.start + 1))
    }

    /// The newest version (JSON commit or checkpoint), or nil when the log does not exist yet.
    public func latestVersion() throws(DeltaError) -> Int? {
        try CheckpointListing(names: listedNames(), from: 0).latestVersion
    }

    /// The actions of one commit. A malformed line is an error naming the file and line.
    public func readCommit(_ version: Int) throws(DeltaError) -> [DeltaAction] {
        try readCommitWithSize(version).actions
    }

    func readCommitWithSize(_ version: Int) throws(DeltaError) -> (actions: [DeltaAction], bytes: Int64) {
        let path = commitPath(version)
        let bytes = try store.get(Self.commitKey(version))
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
        // One LIST of the log; the hint lets replay start at its checkpoint. It is checked against
        // the listing, never trusted blindly.
        let names = try listedNames()
        let (hint, hintProblem) = lastCheckpoint(names: names)
        if let hintProblem { notes.append(hintProblem) }
        if let hint, !history, version.map({ $0 >= hint.version }) ?? true {
            let l = CheckpointListing(names: names, from: hint.version)
            if l.checkpoints.first?.version == hint.version {
                listing = l
            } else {
                notes.append(
                    "\(logPath)/\(LastCheckpoint.fileName) names the checkpoint of version \(hint.version), which is missing or incomplete; listed the whole log instead"
                )
            }
        }
        let l: CheckpointListing
        if let listing { l = listing } else { l = try self.listing(names: names) }
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
            let read = try CheckpointReader.read(c, log: self)
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
