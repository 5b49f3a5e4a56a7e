#if canImport(Glibc)
    import Glibc
#endif
import Foundation

/// Rejected input lines, written as JSON lines `{"file", "line", "reason", "text"}` only when
/// there is at least one, via a temporary file linked into place (never half-written). An existing
/// quarantine file is never overwritten: the first free `<name>-2.jsonl`, `-3`… is used instead,
/// so each run keeps its own.
struct Quarantine {
    let path: String
    private(set) var count = 0
    private var out: [UInt8] = []

    init(path: String) { self.path = path }

    /// Text longer than this is cut (the reason and line number still locate it).
    static let maxText = 4096

    mutating func add(file: String, line: Int, reason: String, text: UnsafeBufferPointer<UInt8>) {
        count += 1
        out += Array("{\"file\":".utf8)
        JSONText.appendString(Array(file.utf8), to: &out)
        out += Array(",\"line\":\(line),\"reason\":".utf8)
        JSONText.appendString(Array(reason.utf8), to: &out)
        out += Array(",\"text\":".utf8)
        JSONText.appendString(Array(text.prefix(Quarantine.maxText)), to: &out)
        out += Array("}\n".utf8)
    }

    /// mkdir -p with the errno of the first failure (FileManager's error would lose it).
    static func makeDirectories(_ dir: String) -> Int32? {
        var st = stat()
        if stat(dir, &st) == 0 { return (st.st_mode & S_IFMT) == S_IFDIR ? nil : ENOTDIR }
        let parent = (dir as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != dir, let code = makeDirectories(parent) { return code }
        return mkdir(dir, 0o755) == 0 || errno == EEXIST ? nil : errno
    }

    /// Writes the file; returns the path it went to (nil when nothing was rejected).
    func write() throws -> String? {
        guard count > 0 else { return nil }
        let dir = (path as NSString).deletingLastPathComponent
        func failure(_ what: String, _ code: Int32) -> SourceError {
            SourceError(
                path: path, problem: "cannot \(what) the quarantine file: \(String(cString: strerror(code)))",
                isIO: true)
        }
        if !dir.isEmpty, let code = Quarantine.makeDirectories(dir) {
            throw SourceError(
                path: dir, problem: "cannot create the quarantine directory: \(String(cString: strerror(code)))",
                isIO: true)
        }
        let tmp = path + ".tmp-\(getpid())"
        guard let f = fopen(tmp, "wb") else { throw failure("create", errno) }
        let wrote = out.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        let flushed = fflush(f) == 0 && fsync(fileno(f)) == 0
        let code = errno
        fclose(f)
        defer { unlink(tmp) }
        guard wrote == out.count, flushed else { throw failure("write", code) }
        let stem = path.hasSuffix(".jsonl") ? String(path.dropLast(6)) : path
        for n in 1...10_000 {
            let candidate = n == 1 ? path : "\(stem)-\(n).jsonl"
            if link(tmp, candidate) == 0 { return candidate }
            guard errno == EEXIST else { throw failure("publish", errno) }
        }
        throw SourceError(path: path, problem: "10,000 quarantine files already exist beside it")
    }
}

/// Minimal JSON string escaping (bytes that are not valid UTF-8 are replaced by U+FFFD).
enum JSONText {
    static func appendString(_ bytes: [UInt8], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let s = String(decoding: bytes, as: UTF8.self)
        for u in s.utf8 {
            switch u {
            case UInt8(ascii: "\""): out += [92, 34]
            case UInt8(ascii: "\\"): out += [92, 92]
            case 0x0A: out += [92, 110]
            case 0x0D: out += [92, 114]
            case 0x09: out += [92, 116]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [92, 117, 48, 48, hex[Int(u >> 4)], hex[Int(u & 15)]]
            default: out.append(u)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
