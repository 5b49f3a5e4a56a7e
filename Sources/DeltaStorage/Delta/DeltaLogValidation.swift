#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks on commit files that need more than one action's JSON: valid UTF-8, and data file paths
/// that stay inside the table (PROTOCOL.md, "Add File and Remove File": `path` is a URI relative to
/// the table root, or an absolute URI). A log that fails them is corrupt; reading stops there, so
/// no writer appends to it either.
public enum DeltaLogValidation {
    /// The 1-based byte column of the first invalid UTF-8 sequence in `line`, or nil when valid.
    public static func invalidUTF8Column(_ line: some Collection<UInt8>) -> Int? {
        var iterator = line.makeIterator()
        var decoder = UTF8()
        var good = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let u): good += UTF8.width(u)
            case .emptyInput: return nil
            case .error: return good + 1
            }
        }
    }

    /// Why `action`, read from `commitFile` (`<table>/_delta_log/<version>.json`), cannot be part
    /// of the table, or nil when it is fine.
    static func problem(_ action: DeltaAction, commitFile: String) -> String? {
        var parts = commitFile.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(min(2, parts.count))
        let tablePath = parts.isEmpty ? "." : parts.joined(separator: "/")
        switch action {
        case .add(let a): return pathProblem(a.path, tablePath: tablePath).map { "add.path '\(a.path)': \($0)" }
        case .remove(let r): return pathProblem(r.path, tablePath: tablePath).map { "remove.path '\(r.path)': \($0)" }
        default: return nil
        }
    }

    /// Why a data file path is unsafe: empty, a NUL byte, a `..` segment, an absolute path or
    /// `file:` URI outside the table root, or a URI scheme the local file system cannot serve.
    public static func pathProblem(_ path: String, tablePath: String) -> String? {
        guard !path.isEmpty else { return "is empty" }
        let decoded = PartitionPath.uriDecode(path)
        guard !decoded.utf8.contains(0) else { return "contains a NUL byte" }
        if let scheme = scheme(of: path), scheme.lowercased() != "file" {
            return "is a \(scheme): URI, which the local file system store of \(tablePath) cannot serve"
        }
        let isAbsolute = path.hasPrefix("/") || scheme(of: path) != nil
        let local = isAbsolute ? localPath(path, tablePath: tablePath) : decoded
        guard !local.split(separator: "/").contains("..") else {
            return "has a '..' segment (paths must stay inside the table)"
        }
        if isAbsolute {
            let root = absolute(tablePath)
            guard absolute(local).hasPrefix(root + "/") else {
                return "is an absolute path outside the table root \(root)"
            }
        }
        return nil
    }

    /// The on-disk path of a log path: relative (URI-encoded) to the table root, an absolute path,
    /// or a `file:` URI.
    public static func localPath(_ path: String, tablePath: String) -> String {
        if path.hasPrefix("file:") {
            var rest = Substring(path.dropFirst(5))
            if rest.hasPrefix("//") { rest = rest.dropFirst(2) }
            return PartitionPath.uriDecode(String(rest))
        }
        if path.hasPrefix("/") { return PartitionPath.uriDecode(path) }
        return tablePath + "/" + PartitionPath.uriDecode(path)
    }

    /// `s3` in `s3://…` (RFC 3986 scheme: a letter, then letters, digits, `+`, `-`, `.`), else nil.
    static func scheme(of path: String) -> String? {
        guard let colon = path.firstIndex(of: ":") else { return nil }
        let s = path[..<colon]
        guard let first = s.first, first.isASCII && first.isLetter,
            s.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return String(s)
    }

    /// `path` made absolute against the working directory, without `.` segments or a trailing `/`.
    static func absolute(_ path: String) -> String {
        var full = path
        if !path.hasPrefix("/") {
            var buf = [CChar](repeating: 0, count: 4096)
            if getcwd(&buf, buf.count) != nil {
                full =
                    String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/" + path
            }
        }
        var parts: [Substring] = []
        for part in full.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }
}
