/// The `_delta_log` directory of a table: listing versions, reading commits, and replaying them.
///
/// Only JSON commits are read (no checkpoints): a table whose early commits were cleaned up after
/// another engine wrote a checkpoint is reported as unsupported rather than misread.
public struct DeltaLog: Sendable {
    public let tablePath: String
    public var logPath: String { tablePath + "/_delta_log" }

    public init(tablePath: String) { self.tablePath = tablePath }

    /// File name of the commit for `version` (20-digit, zero-padded).
    public static func commitName(_ version: Int) -> String {
        let s = String(version)
        return String(repeating: "0", count: max(0, 20 - s.count)) + s + ".json"
    }

    public func commitPath(_ version: Int) -> String { logPath + "/" + Self.commitName(version) }

    /// All commit versions present, ascending; checks they are contiguous from 0.
    public func versions() throws(DeltaError) -> [Int] {
        guard FileSystem.isDirectory(logPath) else {
            throw DeltaError(.notATable, "\(tablePath) is not a Delta table: \(logPath) does not exist")
        }
        var versions: [Int] = []
        for name in try FileSystem.list(logPath) where name.utf8.count == 25 && name.hasSuffix(".json") {
            if let v = Int(name.prefix(20)), name.prefix(20).allSatisfy(\.isASCII) { versions.append(v) }
        }
        versions.sort()
        guard let first = versions.first else {
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
        guard FileSystem.isDirectory(logPath) else { return nil }
        var latest: Int?
        for name in try FileSystem.list(logPath) where name.utf8.count == 25 && name.hasSuffix(".json") {
            if let v = Int(name.prefix(20)) { latest = max(latest ?? v, v) }
        }
        return latest
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
