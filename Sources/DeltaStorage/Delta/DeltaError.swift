/// A Delta table failure. Every case names the table or file involved and reads as a sentence a
/// user can act on; the CLI maps the `kind` to an exit code.
public struct DeltaError: Error, CustomStringConvertible, Sendable {
    /// Broad classes of failure, stable enough to map to exit codes.
    public enum Kind: String, Sendable {
        /// The path holds no Delta table (no `_delta_log` with commits).
        case notATable
        /// `create` found an existing table.
        case tableExists
        /// A commit file is unreadable or malformed, or versions are not contiguous.
        case corruptLog
        /// The table uses something this implementation cannot read or write safely.
        case unsupported
        /// A batch or argument does not fit the table (schema, nulls, partition columns).
        case invalidInput
        /// A concurrent commit conflicts with ours (or retries were exhausted).
        case conflict
        /// A file-system call failed.
        case io
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    static func io(_ op: String, _ path: String, errno code: Int32) -> DeltaError {
        DeltaError(.io, "\(op) \(path) failed: \(String(cString: strerror(code))) (errno \(code))")
    }

    static func brokenLog(_ file: String, line: Int, _ why: String) -> DeltaError {
        DeltaError(.corruptLog, "\(file):\(line): \(why)")
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
