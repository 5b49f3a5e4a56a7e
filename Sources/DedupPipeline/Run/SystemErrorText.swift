import Foundation

/// A Foundation or POSIX error in words a user can act on: the operating system's text for the
/// underlying errno ("Permission denied", "No space left on device"), never a dump such as
/// `Error Domain=NSCocoaErrorDomain Code=513 "(null)" UserInfo={…}`. Callers put the path and the
/// operation in front: `"\(path): cannot write: \(SystemErrorText.describe(error))"`.
public enum SystemErrorText {
    public static func describe(_ error: any Error) -> String {
        let foundation = error is CocoaError || type(of: error) == NSError.self
        if !foundation, let e = error as? CustomStringConvertible { return e.description }
        let ns = error as NSError
        if let code = posixCode(ns) { return String(cString: strerror(code)) }
        if ns.domain == NSCocoaErrorDomain, let text = cocoaText[ns.code] { return text }
        return "error \(ns.code) (\(ns.domain))"
    }

    /// The errno behind an error: its own code in the POSIX domain, or its underlying error's.
    public static func posixCode(_ ns: NSError) -> Int32? {
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let under = ns.userInfo[NSUnderlyingErrorKey] as? NSError { return posixCode(under) }
        return nil
    }

    /// Whether the error is the file system failing (rather than the input being wrong).
    public static func isIO(_ error: any Error) -> Bool {
        let ns = error as NSError
        return posixCode(ns) != nil || ns.domain == NSCocoaErrorDomain
    }

    static let cocoaText: [Int: String] = [
        CocoaError.fileNoSuchFile.rawValue: "no such file or directory",
        CocoaError.fileReadNoSuchFile.rawValue: "no such file or directory",
        CocoaError.fileReadNoPermission.rawValue: "permission denied",
        CocoaError.fileWriteNoPermission.rawValue: "permission denied",
        CocoaError.fileWriteOutOfSpace.rawValue: "no space left on device",
        CocoaError.fileWriteVolumeReadOnly.rawValue: "read-only file system",
        CocoaError.fileWriteFileExists.rawValue: "file exists",
        CocoaError.fileReadCorruptFile.rawValue: "the file is corrupt",
        CocoaError.fileLocking.rawValue: "the file is locked",
        CocoaError.fileReadUnknown.rawValue: "read error",
        CocoaError.fileWriteUnknown.rawValue: "write error",
    ]
}
