/// VACUUM: deletes the data files (and deletion vector files) no retained version of the table
/// needs. The rule is Delta Spark's and delta-rs's: a file under the table root (outside
/// `_delta_log` and any directory or file whose name starts with `_` or `.`) is deleted when it is
/// not live in the newest version, not removed by a commit less than `retainHours` ago (so every
/// version a reader can time-travel to within the retention window keeps its files), and was last
/// modified more than `retainHours` ago (so a write still in flight is never deleted).
public struct VacuumResult: Sendable, Equatable {
    /// Relative paths deleted (or, for a dry run, that would be deleted), sorted.
    public var deleted: [String]
    public var deletedBytes: Int64
    /// Data and DV files left, and their bytes (the log not included).
    public var keptFiles: Int
    public var keptBytes: Int64
    /// Everything under the table root before and after (data, DVs and log).
    public var bytesOnDiskBefore: Int64
    public var bytesOnDiskAfter: Int64
    public var dryRun: Bool
    /// The cutoff: files removed or modified before it (ms since the epoch) are deleted.
    public var cutoffMillis: Int64
}

extension DeltaTable {
    /// Delta Spark's default `delta.deletedFileRetentionDuration` (7 days), in hours.
    public static let defaultRetainHours = 168.0

    /// The table's retention in hours from `delta.deletedFileRetentionDuration` ("interval N
    /// hours/days/…"), else 168. Throws when the property does not parse.
    public func retentionHours() throws -> Double {
        guard let text = try snapshot().metadata.configuration["delta.deletedFileRetentionDuration"] else {
            return Self.defaultRetainHours
        }
        let words = text.lowercased().split(separator: " ")
        let units: [String: Double] = [
            "second": 1.0 / 3600, "minute": 1.0 / 60, "hour": 1, "day": 24, "week": 168,
        ]
        guard words.count == 3, words[0] == "interval", let n = Double(words[1]),
            let unit = units[String(words[2].hasSuffix("s") ? words[2].dropLast() : words[2])]
        else {
            throw DeltaError(
                .unsupported, "\(path): delta.deletedFileRetentionDuration '\(text)' is not 'interval N <unit>'")
        }
        return n * unit
    }

    /// Vacuums the table (see `VacuumResult`). `retainHours` nil = the table's retention.
    /// Refuses tables needing reader features we do not implement (their file references could
    /// be ones we do not see). Throws `.io` if a delete fails (files deleted so far stay deleted;
    /// running again finishes the job).
    public func vacuum(retainHours: Double? = nil, dryRun: Bool = false) throws -> VacuumResult {
        let retain = try retainHours ?? retentionHours()
        guard retain >= 0 && retain.isFinite else {
            throw DeltaError(.invalidInput, "retain hours must be ≥ 0, got \(retain)")
        }
        let now = options.clock.millis()
        let cutoff = now - Int64(retain * 3_600_000)
        let snap = try snapshot()
        try ReaderSupport.checkReadable(
            snap.protocolVersions, configuration: snap.metadata.configuration, tablePath: path)
        // Files the retained versions need: live ones, and ones removed at or after the cutoff.
        var needed: Set<String> = []
        func keep(_ logPath: String, _ dv: DeletionVectorDescriptor?) throws {
            needed.insert(relative(store.location(logged: logPath)))
            if let file = try dv?.filePath(tablePath: path) { needed.insert(relative(file)) }
        }
        for f in snap.files { try keep(f.path, f.deletionVector) }
        for v in try log.versions() {
            let actions = try log.readCommit(v)
            let commitTime = actions.lazy.compactMap { a -> Int64? in
                if case .commitInfo(let c) = a { return c.timestamp } else { return nil }
            }.first
            for case .remove(let r) in actions where (r.deletionTimestamp ?? commitTime ?? now) >= cutoff {
                try keep(r.path, r.deletionVector)
            }
        }
        var result = VacuumResult(
            deleted: [], deletedBytes: 0, keptFiles: 0, keptBytes: 0, bytesOnDiskBefore: 0, bytesOnDiskAfter: 0,
            dryRun: dryRun, cutoffMillis: cutoff)
        var emptied: Set<String> = []
        for f in try store.list(prefix: "") {
            result.bytesOnDiskBefore += f.size
            let hidden = f.key.split(separator: "/").contains { $0.hasPrefix("_") || $0.hasPrefix(".") }
            if hidden || needed.contains(f.key) {
                if !hidden { (result.keptFiles, result.keptBytes) = (result.keptFiles + 1, result.keptBytes + f.size) }
                continue
            }
            guard let mtime = try store.modifiedMillis(f.key), mtime < cutoff else {
                (result.keptFiles, result.keptBytes) = (result.keptFiles + 1, result.keptBytes + f.size)
                continue
            }
            result.deleted.append(f.key)
            result.deletedBytes += f.size
            if !dryRun {
                try store.delete(f.key)
                if let slash = f.key.lastIndex(of: "/") { emptied.insert(String(f.key[..<slash])) }
            }
        }
        // Partition directories that vacuum emptied (deepest first); object stores have none.
        for dir in emptied.sorted(by: { $0.count > $1.count }) {
            var d = Substring(dir)
            while !d.isEmpty {
                if let local = store.localPath(String(d)) { FileSystem.removeEmptyDirectory(local) }
                guard let slash = d.lastIndex(of: "/") else { break }
                d = d[..<slash]
            }
        }
        result.deleted.sort()
        result.bytesOnDiskAfter = result.bytesOnDiskBefore - (dryRun ? 0 : result.deletedBytes)
        return result
    }

    /// A location (the table root joined with a relative path, or absolute) relative to the root:
    /// the store key when it lies under the root, else resolved on the local file system.
    private func relative(_ local: String) -> String {
        if let key = store.key(forLocation: local) { return key }
        let root = DeltaLogValidation.absolute(path) + "/"
        let abs = DeltaLogValidation.absolute(local)
        return abs.hasPrefix(root) ? String(abs.dropFirst(root.count)) : abs
    }
}
