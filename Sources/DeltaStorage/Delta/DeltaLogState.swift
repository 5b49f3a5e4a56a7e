/// What one commit did, for history listings (`inspect`).
public struct CommitSummary: Sendable, Equatable {
    public var version: Int
    /// commitInfo.timestamp, else nil.
    public var timestamp: Int64?
    /// commitInfo.operation ("WRITE", "MERGE", …), else a description from the actions.
    public var operation: String
    /// commitInfo.operationParameters as compact JSON, if any.
    public var parameters: String?
    public var engineInfo: String?
    public var addedFiles = 0
    public var removedFiles = 0
    public var addedBytes: Int64 = 0
    public var removedBytes: Int64 = 0
    /// Sum of numRecords of the added files (nil when a file has no stats).
    public var addedRows: Int? = 0
    public var changedMetadata = false
    public var changedProtocol = false
    /// Size of the commit file itself.
    public var commitBytes: Int64 = 0
}

/// The table as of one version after log replay: the last protocol and metaData, the live files,
/// and (when requested) one summary per commit.
public struct DeltaLogState: Sendable {
    public var version: Int
    public var protocolVersions: DeltaProtocol?
    public var metadata: DeltaMetadata?
    /// Live data files in the order they were added.
    public var files: [AddFile]
    /// Last committed version per application id (`txn` actions).
    public var transactions: [String: Int64]
    /// Summaries of the commits replayed from JSON (all of them from version 0 unless replay
    /// started at a checkpoint, see `checkpointVersion`).
    public var history: [CommitSummary]
    /// Removes not superseded by a later add of the same path, in log order: the tombstones a
    /// checkpoint keeps until `delta.deletedFileRetentionDuration` expires them.
    public var tombstones: [RemoveFile] = []
    /// The `txn` actions in force (latest per appId), ordered by appId.
    public var setTransactions: [DeltaTxn] = []
    /// The checkpoint replay started from (nil: every JSON commit from version 0 was replayed).
    public var checkpointVersion: Int?
    /// JSON commit files read by this replay.
    public var commitsRead = 0
    /// Checkpoint part files read by this replay.
    public var checkpointPartsRead = 0
    /// Things the reader worked around and a user may want to know (e.g. a stale `_last_checkpoint`).
    public var notes: [String] = []
}

/// Incremental log replay: apply commits in order; a file is live if its newest action is an add.
struct LogReplay {
    private(set) var protocolVersions: DeltaProtocol?
    private(set) var metadata: DeltaMetadata?
    private var files: [AddFile?] = []
    private var index: [String: Int] = [:]
    private var liveCount = 0
    private(set) var transactions: [String: Int64] = [:]
    private var txns: [String: DeltaTxn] = [:]
    private(set) var history: [CommitSummary] = []
    private var tombstones: [RemoveFile?] = []
    private var tombstoneIndex: [String: Int] = [:]

    /// Starts from a checkpoint's actions: its adds are the live files (in checkpoint order), its
    /// removes the tombstones; no history entry is made.
    mutating func applyCheckpoint(_ actions: [DeltaAction]) {
        apply(version: -1, actions: actions, commitBytes: 0, keepHistory: false)
    }

    mutating func apply(version: Int, actions: [DeltaAction], commitBytes: Int64, keepHistory: Bool) {
        var summary = CommitSummary(version: version, operation: "")
        summary.commitBytes = commitBytes
        var info: CommitInfo?
        for action in actions {
            switch action {
            case .commitInfo(let c): info = c
            case .protocolVersions(let p):
                protocolVersions = p
                summary.changedProtocol = true
            case .metaData(let m):
                metadata = m
                summary.changedMetadata = true
            case .add(let a):
                if let t = tombstoneIndex.removeValue(forKey: a.path) { tombstones[t] = nil }
                if let i = index[a.logicalKey] {
                    if files[i] == nil { liveCount += 1 }
                    files[i] = a
                } else {
                    index[a.logicalKey] = files.count
                    files.append(a)
                    liveCount += 1
                }
                summary.addedFiles += 1
                summary.addedBytes += a.size
                summary.addedRows = a.numRecords.flatMap { n in summary.addedRows.map { $0 + n } }
            case .remove(let r):
                if let i = index[r.logicalKey], files[i] != nil {
                    summary.removedBytes += files[i]!.size
                    files[i] = nil
                    liveCount -= 1
                } else {
                    summary.removedBytes += r.size ?? 0
                }
                summary.removedFiles += 1
                if let t = tombstoneIndex[r.path] {
                    tombstones[t] = r
                } else {
                    tombstoneIndex[r.path] = tombstones.count
                    tombstones.append(r)
                }
            case .txn(let t):
                transactions[t.appId] = t.version
                txns[t.appId] = t
            case .other: break
            }
        }
        guard keepHistory else { return }
        summary.timestamp = info?.timestamp
        summary.engineInfo = info?.engineInfo
        summary.parameters = info?.operationParameters.map(\.serialized)
        summary.operation = info?.operation ?? Self.describe(summary)
        history.append(summary)
    }

    /// The live files, in the order their paths were first added.
    var liveFiles: [AddFile] { files.compactMap { $0 } }

    func state(version: Int) -> DeltaLogState {
        DeltaLogState(
            version: version, protocolVersions: protocolVersions, metadata: metadata, files: liveFiles,
            transactions: transactions,
            history: history, tombstones: tombstones.compactMap { $0 },
            setTransactions: txns.values.sorted { $0.appId < $1.appId })
    }

    private static func describe(_ s: CommitSummary) -> String {
        if s.changedMetadata && s.addedFiles == 0 { return "METADATA" }
        if s.removedFiles > 0 { return s.addedFiles > 0 ? "REPLACE" : "DELETE" }
        return "WRITE"
    }
}
