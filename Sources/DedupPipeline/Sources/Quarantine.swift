#if canImport(Glibc)
    import Glibc
#endif
import Foundation

/// Rejected input lines, written as JSON lines `{"file", "line", "reason", "text"}` only when
/// there is at least one, via a temporary file renamed into place (never half-written).
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

    func write() throws {
        guard count > 0 else { return }
        let dir = (path as NSString).deletingLastPathComponent
        do {
            if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            let tmp = path + ".tmp-\(getpid())"
            try Data(out).write(to: URL(fileURLWithPath: tmp))
            guard rename(tmp, path) == 0 else {
                unlink(tmp)
                throw SourceError(path: path, problem: "cannot move the quarantine file into place")
            }
        } catch let e as SourceError {
            throw e
        } catch {
            throw SourceError(path: path, problem: "cannot write the quarantine file (\(error.localizedDescription))")
        }
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
