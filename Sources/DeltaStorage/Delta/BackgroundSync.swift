import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// fsyncs files on a background queue as soon as they are written, so the flush of one data file
/// overlaps the encoding of the next; `wait` then fsyncs their directories (the new entries must
/// be durable before a commit refers to them) and reports the first failure.
final class BackgroundSync: @unchecked Sendable {
    private let group = DispatchGroup()
    private let state = DispatchQueue(label: "dedupbench.delta.sync")  // guards the two vars below
    private var directories: [String] = []
    private var failure: DeltaError?

    /// Schedules the fsync of `file`; `directories` (its parent and any new ancestors) are synced in `wait`.
    func add(_ file: String, directories new: [String]) {
        state.sync { for d in new where !directories.contains(d) { directories.append(d) } }
        DispatchQueue.global().async(group: group) {
            if let error = Self.fsync(file) { self.state.sync { self.failure = self.failure ?? error } }
        }
    }

    /// Waits for the file syncs, syncs the directories, and returns the first error (nil if none).
    func wait() -> DeltaError? {
        group.wait()
        let (dirs, failed) = state.sync { (directories, failure) }
        if let failed { return failed }
        for d in dirs { if let error = Self.fsync(d) { return error } }
        return nil
    }

    private static func fsync(_ path: String) -> DeltaError? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .io("opening for fsync", path, errno: errno) }
        defer { close(fd) }
        #if canImport(Glibc)
            return Glibc.fsync(fd) == 0 ? nil : .io("fsync of", path, errno: errno)
        #else
            return Darwin.fsync(fd) == 0 ? nil : .io("fsync of", path, errno: errno)
        #endif
    }
}
