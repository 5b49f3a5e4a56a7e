#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File operations only table maintenance needs (vacuum deletes files).
extension FileSystem {
    /// Last modification time in milliseconds since the epoch, or nil when the file is missing.
    static func modificationMillis(_ path: String) -> Int64? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        #if canImport(Darwin)
            return Int64(st.st_mtimespec.tv_sec) * 1000 + Int64(st.st_mtimespec.tv_nsec) / 1_000_000
        #else
            return Int64(st.st_mtim.tv_sec) * 1000 + Int64(st.st_mtim.tv_nsec) / 1_000_000
        #endif
    }

    /// Deletes one file; a file that is already gone is not an error.
    static func unlinkFile(_ path: String) throws(DeltaError) {
        if unlink(path) != 0 && errno != ENOENT { throw DeltaError.io("unlink", path, errno: errno) }
    }

    /// Removes `dir` if it is empty (partition directories left behind by vacuum); errors ignored.
    static func removeEmptyDirectory(_ dir: String) { rmdir(dir) }
}
