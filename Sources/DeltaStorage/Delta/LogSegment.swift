/// The files one replay reads: a checkpoint (or none) and the JSON commits after it up to the
/// target version, which must all be present (delta-kernel rejects gaps the same way).
struct LogSegment {
    var checkpoint: CheckpointListing.Checkpoint?
    /// The first JSON commit to replay (checkpoint version + 1, or 0).
    var start: Int

    /// Picks the newest complete checkpoint at or below `target`, or version 0 when there is none
    /// (or when `preferJSON` and every commit 0…target is present). Errors name the missing file.
    static func resolve(_ l: CheckpointListing, target: Int, log: DeltaLog, preferJSON: Bool) throws(DeltaError)
        -> LogSegment
    {
        let commits = Set(l.commits)
        if preferJSON, commits.contains(0), missing(commits, 0, target) == nil {
            return LogSegment(checkpoint: nil, start: 0)
        }
        if let c = l.checkpoint(atOrBelow: target) {
            if let gap = missing(commits, c.version + 1, target) {
                throw gapError(log, gap, commits, target, after: c.version)
            }
            return LogSegment(checkpoint: c, start: c.version + 1)
        }
        guard commits.contains(0) else {
            let first = l.commits.first.map(String.init) ?? "none"
            if let oldest = l.checkpoints.first {
                throw DeltaError(
                    .invalidInput,
                    "\(log.tablePath): version \(target) can no longer be read: the commits before version \(first) were cleaned up and the oldest checkpoint is version \(oldest.version)"
                )
            }
            if let v2 = l.uuidNamed.first {
                throw DeltaError(
                    .unsupported,
                    "\(log.logPath): the versions before \(first) live only in a UUID-named V2 checkpoint (version \(v2)), which dedupbench cannot read"
                )
            }
            throw DeltaError(
                .corruptLog,
                "\(log.logPath): the oldest JSON commit is version \(first) and no complete checkpoint covers the versions before it"
                    + (l.incomplete.isEmpty
                        ? ""
                        : " (multi-part checkpoints with missing parts: versions \(l.incomplete.map(String.init).joined(separator: ", ")))")
            )
        }
        if let gap = missing(commits, 0, target) { throw gapError(log, gap, commits, target, after: nil) }
        return LogSegment(checkpoint: nil, start: 0)
    }

    /// The oldest version every later version can be rebuilt from (for `DeltaLog.versions()`).
    static func oldestReadable(_ l: CheckpointListing, latest: Int) -> Int {
        guard let last = l.commits.last else { return latest }
        let commits = Set(l.commits)
        var from = last
        while from > 0 && commits.contains(from - 1) { from -= 1 }  // commits from…last are all present
        if from == 0 { return 0 }
        return l.checkpoints.first { $0.version >= from - 1 && $0.version <= latest }?.version ?? latest
    }

    private static func missing(_ commits: Set<Int>, _ from: Int, _ to: Int) -> Int? {
        guard from <= to else { return nil }
        return (from...to).first { !commits.contains($0) }
    }

    private static func gapError(_ log: DeltaLog, _ gap: Int, _ commits: Set<Int>, _ target: Int, after: Int?)
        -> DeltaError
    {
        let next = commits.filter { $0 > gap }.min()
        return DeltaError(
            .corruptLog,
            "\(log.logPath): versions are not contiguous: \(DeltaLog.commitName(gap)) is missing"
                + (next.map { " but \(DeltaLog.commitName($0)) exists" } ?? " (version \(target) was asked for)")
                + (after.map { " (replaying from the checkpoint of version \($0))" } ?? ""))
    }
}
