import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// fsyncs files on background threads as soon as they are written, each followed by its
/// directories (the new entry must be durable before a commit refers to it), so the flushes of one
/// data file overlap the encoding of the next; `wait` reports the first failure. The directories
/// used to be synced in `wait`, one after another on the committing thread: 3–4 ms each per
/// partition directory on this machine's disk (strace of a 1M bronze run), every commit.
final class BackgroundSync: @unchecked Sendable {
    private let group = DispatchGroup()
    private let state = DispatchQueue(label: "dedupbench.delta.sync")  // guards `failure`
    private var failure: DeltaError?

    /// Schedules the fsync of `file`, then of `directories` (its parent and the ancestors that
    /// may have gained an entry). A directory's fsync covers the entries it held when the call
    /// started, so each file syncs its own directories after it was created.
    func add(_ file: String, directories: [String]) {
        DispatchQueue.global().async(group: group) {
            for path in [file] + directories.reversed() {
                if let error = Self.fsync(path) {
                    self.state.sync { self.failure = self.failure ?? error }
                    return
                }
            }
        }
    }

    /// Waits for the syncs and returns the first error (nil if none).
    func wait() -> DeltaError? {
        group.wait()
        return state.sync { failure }
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
