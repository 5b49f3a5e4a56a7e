#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Expands the file source's `path`: a file, a directory (its `*.jsonl`), or a glob pattern
/// (glob(3), sorted). Nothing found is an error, never an empty run.
enum InputFiles {
    static func expand(_ path: String) throws -> [String] {
        guard !path.isEmpty else {
            throw SourceError(path: "file.path", problem: "no input path given (set source.path or --path)")
        }
        let isPattern = path.contains { "*?[".contains($0) }
        if !isPattern {
            var st = stat()
            guard stat(path, &st) == 0 else {
                throw SourceError(path: path, problem: "no such file or directory")
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                let files = try matches(path.hasSuffix("/") ? path + "*.jsonl" : path + "/*.jsonl")
                guard !files.isEmpty else { throw SourceError(path: path, problem: "directory holds no *.jsonl files") }
                return files
            }
            return [path]
        }
        let files = try matches(path)
        guard !files.isEmpty else { throw SourceError(path: path, problem: "the pattern matched no files") }
        return files
    }

    static func matches(_ pattern: String) throws -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        let rc = glob(pattern, 0, nil, &g)
        if rc == GLOB_NOMATCH { return [] }
        guard rc == 0 else {
            throw SourceError(path: pattern, problem: "could not expand the pattern (glob error \(rc))")
        }
        var out: [String] = []
        for i in 0..<Int(g.gl_pathc) {
            if let p = g.gl_pathv[i] { out.append(String(cString: p)) }
        }
        return out.filter { p in
            var st = stat()
            return stat(p, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
        }
    }

    /// Whether two paths name the same existing file (device and inode).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat()
        var sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// The file's size in bytes (0 when unknown).
    static func size(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    /// The whole file as bytes (one allocation of the file's size, then fread; no Foundation).
    static func read(_ path: String) throws -> [UInt8] {
        guard let f = fopen(path, "rb") else {
            throw SourceError(path: path, problem: "cannot open the file: \(String(cString: strerror(errno)))", isIO: true)
        }
        defer { fclose(f) }
        var st = stat()
        let size = fstat(fileno(f), &st) == 0 ? Int(st.st_size) : 0
        var out = [UInt8](unsafeUninitializedCapacity: size) { buf, initialized in
            initialized = size > 0 ? fread(buf.baseAddress, 1, size, f) : 0
        }
        // Files that grow while read, or report no size (pipes), continue in chunks.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
            if n > 0 { out.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count { break }
        }
        if ferror(f) != 0 {
            throw SourceError(path: path, problem: "cannot read the file: \(String(cString: strerror(errno)))", isIO: true)
        }
        return out
    }
}
