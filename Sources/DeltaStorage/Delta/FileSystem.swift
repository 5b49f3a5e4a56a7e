#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX file operations the log and table need, with errors that name the path.
/// (No Foundation: exact control over O_EXCL, fsync and link(2).)
enum FileSystem {
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func fileSize(_ path: String) -> Int64? {
        var st = stat()
        return stat(path, &st) == 0 ? Int64(st.st_size) : nil
    }

    /// Names in a directory (without `.` and `..`).
    static func list(_ dir: String) throws(DeltaError) -> [String] {
        guard let d = opendir(dir) else { throw .io("listing", dir, errno: errno) }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func readAll(_ path: String) throws(DeltaError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io("opening", path, errno: errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io("stat of", path, errno: errno) }
        var out = [UInt8](repeating: 0, count: Int(st.st_size))
        var done = 0
        while done < out.count {
            let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                if n == 0 {
                    out.removeLast(out.count - done)
                    break
                }
                throw .io("reading", path, errno: errno)
            }
            done += n
        }
        return out
    }

    /// Bytes `range` of the file (fewer when the file ends first).
    static func readRange(_ path: String, _ range: Range<Int64>) throws(DeltaError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io("opening", path, errno: errno) }
        defer { close(fd) }
        var out = [UInt8](repeating: 0, count: Int(range.count))
        var done = 0
        while done < out.count {
            let n = out.withUnsafeMutableBytes {
                pread(fd, $0.baseAddress! + done, $0.count - done, off_t(range.lowerBound) + off_t(done))
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw .io("reading", path, errno: errno) }
            if n == 0 { break }
            done += n
        }
        out.removeLast(out.count - done)
        return out
    }

    /// Creates `path` (never replacing an existing file), writes `bytes` and optionally fsyncs.
    /// Returns false when the file already exists. A failed write removes the partial file.
    @discardableResult
    static func writeNew(_ path: String, _ bytes: UnsafeRawBufferPointer, sync: Bool) throws(DeltaError) -> Bool {
        try writeNew(path, sync: sync) { emit in emit(bytes) }
    }

    /// Like `writeNew(_:_:sync:)` for content produced in parts: `produce` calls `emit` per part.
    static func writeNew(
        _ path: String, sync: Bool, _ produce: ((UnsafeRawBufferPointer) -> Void) -> Void
    ) throws(DeltaError) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 {
            if errno == EEXIST { return false }
            throw .io("creating", path, errno: errno)
        }
        var failure: Int32 = 0
        produce { part in
            var done = 0
            while failure == 0 && done < part.count {
                let n = write(fd, part.baseAddress! + done, part.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failure = n < 0 ? errno : EIO } else { done += n }
            }
        }
        if failure == 0 && sync && fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure != 0 {
            unlink(path)
            throw .io(sync ? "writing or fsync of" : "writing", path, errno: failure)
        }
        return true
    }

    static func writeNew(_ path: String, _ bytes: [UInt8], sync: Bool) throws(DeltaError) -> Bool {
        let r = bytes.withUnsafeBytes { raw in
            Result { () throws(DeltaError) -> Bool in try writeNew(path, raw, sync: sync) }
        }
        return try r.get()
    }

    /// `mkdir -p`.
    static func makeDirectories(_ path: String) throws(DeltaError) {
        if isDirectory(path) { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw .io("creating directory", prefix, errno: errno) }
            prefix += "/"
        }
    }

    /// fsync of a directory, so a new entry (link) survives a crash.
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// Every regular file under `root`, recursively: (relative path, size).
    static func walk(_ root: String) throws(DeltaError) -> [(path: String, size: Int64)] {
        var out: [(String, Int64)] = []
        var stack = [""]
        while let rel = stack.popLast() {
            let dir = rel.isEmpty ? root : root + "/" + rel
            for name in try list(dir).sorted() {
                let r = rel.isEmpty ? name : rel + "/" + name
                var st = stat()
                guard lstat(root + "/" + r, &st) == 0 else { continue }
                switch st.st_mode & S_IFMT {
                case S_IFDIR: stack.append(r)
                case S_IFREG: out.append((r, Int64(st.st_size)))
                default: break
                }
            }
        }
        return out
    }

    /// Removes a directory tree (used to clean up after failures in tests and the CLI).
    static func removeTree(_ path: String) {
        guard let entries = try? list(path) else {
            unlink(path)
            return
        }
        for name in entries {
            let p = path + "/" + name
            if isDirectory(p) && !isSymlink(p) { removeTree(p) } else { unlink(p) }
        }
        rmdir(path)
    }

    private static func isSymlink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }
}
