/// The `_delta_log` of a table: listing versions, reading commits, and replaying them, through
/// the table's object store (one LIST per version listing, one GET per commit read).
///
/// Only JSON commits are read (no checkpoints): a table whose early commits were cleaned up after
/// another engine wrote a checkpoint is reported as unsupported rather than misread.
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
    public static func commitName(_ version: Int) -> String {
        let s = String(version)
        return String(repeating: "0", count: max(0, 20 - s.count)) + s + ".json"
    }

    /// Object key of the commit for `version` (`_delta_log/<20 digits>.json`).
    public static func commitKey(_ version: Int) -> String { "_delta_log/" + commitName(version) }

    /// The commit's location (path or URI), for messages.
    public func commitPath(_ version: Int) -> String { store.location(Self.commitKey(version)) }

    /// Versions of the JSON commits present, unsorted (one LIST request).
    private func listedVersions() throws(DeltaError) -> [Int] {
        var versions: [Int] = []
        for entry in try store.list(prefix: "_delta_log/") {
            let name = entry.key.dropFirst("_delta_log/".count)
            guard name.utf8.count == 25, name.hasSuffix(".json"), name.prefix(20).allSatisfy(\.isASCII) else { continue }
            if let v = Int(name.prefix(20)) { versions.append(v) }
        }
        return versions
    }

    /// All commit versions present, ascending; checks they are contiguous from 0.
    public func versions() throws(DeltaError) -> [Int] {
        let versions = try listedVersions().sorted()
        guard let first = versions.first else {
            if let dir = store.localPath("_delta_log"), !FileSystem.isDirectory(dir) {
                throw DeltaError(.notATable, "\(tablePath) is not a Delta table: \(logPath) does not exist")
            }
            throw DeltaError(.notATable, "\(tablePath) is not a Delta table: \(logPath) holds no commit files")
        }
        guard first == 0 else {
            throw DeltaError(
                .unsupported,
                "\(logPath): the oldest JSON commit is version \(first); versions before it live only in a checkpoint, which dedupbench cannot read"
            )
        }
        for (i, v) in versions.enumerated() where v != i {
            throw DeltaError(
                .corruptLog,
                "\(logPath): versions are not contiguous: \(Self.commitName(i)) is missing but \(Self.commitName(v)) exists"
            )
        }
        return versions
    }

    /// The newest version, or nil when the log does not exist yet.
    public func latestVersion() throws(DeltaError) -> Int? {
        try listedVersions().max()
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
        }
        return actions
    }

    /// Replays commits 0…`version` (default: the newest). `history` adds one summary per commit.
    public func state(version: Int? = nil, history: Bool = false) throws(DeltaError) -> DeltaLogState {
        let all = try versions()
        let latest = all.last!
        let target = version ?? latest
        guard target >= 0 && target <= latest else {
            throw DeltaError(.invalidInput, "\(tablePath) has versions 0…\(latest); version \(target) does not exist")
        }
        var replay = LogReplay()
        for v in 0...target {
            let (actions, size) = try readCommitWithSize(v)
            replay.apply(version: v, actions: actions, commitBytes: size, keepHistory: history)
        }
        guard replay.metadata != nil else {
            throw DeltaError(.corruptLog, "\(logPath): no metaData action in versions 0…\(target)")
        }
        guard replay.protocolVersions != nil else {
            throw DeltaError(.corruptLog, "\(logPath): no protocol action in versions 0…\(target)")
        }
        return replay.state(version: target)
    }
}
