/// Publishes a commit atomically and without overwriting, with the object store's durable
/// put-if-absent: on the local file system a fsynced temp file `link(2)`ed to `NNN.json`
/// (`LocalObjectStore`), on S3 a PUT with `If-None-Match: *` (`S3ObjectStore`). Either fails
/// when another writer got there first; then the newer commits are checked for conflicts and,
/// without one, the same actions are retried under the next version number.
struct CommitPublisher {
    let log: DeltaLog
    let options: DeltaWriteOptions

    struct Published {
        var version: Int
        var retries: Int
        var bytes: Int
    }

    /// Publishes `actions` as version `readVersion + 1` or later. `removing` holds the paths our
    /// commit removes (a concurrent remove of any of them is a conflict). `readVersion == -1`
    /// means creating the table: any existing version 0 is an error.
    func publish(_ actions: [DeltaAction], readVersion: Int, removing: Set<String>) throws(DeltaError) -> Published {
        var text = ""
        for a in actions {
            a.json.write(to: &text)
            text += "\n"
        }
        let bytes = Array(text.utf8)
        var target = readVersion + 1
        var retries = 0
        while true {
            options.beforePublish?(target)
            let final = log.commitPath(target)
            if try log.store.put(DeltaLog.commitKey(target), bytes, ifAbsent: true, durable: true) {
                return Published(version: target, retries: retries, bytes: bytes.count)
            }
            if readVersion < 0 {
                throw DeltaError(.tableExists, "cannot create a table at \(log.tablePath): \(final) already exists")
            }
            guard retries < options.maxRetries else {
                throw DeltaError(
                    .conflict,
                    "\(log.tablePath): gave up after \(retries) retries; other writers keep taking the next version")
            }
            let latest = try log.latestVersion() ?? target
            for v in target...max(target, latest) {
                try checkConflicts(with: v, removing: removing)
            }
            target = max(target, latest) + 1
            retries += 1
        }
    }

    /// Throws `.conflict` when commit `version` (written concurrently) invalidates ours.
    private func checkConflicts(with version: Int, removing: Set<String>) throws(DeltaError) {
        for action in try log.readCommit(version) {
            switch action {
            case .metaData, .protocolVersions:
                throw DeltaError(
                    .conflict,
                    "\(log.tablePath): concurrent commit \(version) changed the table metadata or protocol; re-read the table and retry"
                )
            case .remove(let r) where removing.contains(r.path):
                throw DeltaError(
                    .conflict,
                    "\(log.tablePath): concurrent commit \(version) already removed \(r.path), which this commit also removes; re-read the table and retry"
                )
            default: break
            }
        }
    }
}
