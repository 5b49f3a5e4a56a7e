/// A source that cannot start: a missing input, an empty glob, an unreadable file, or a
/// quarantine file that cannot be written. Reads like a sentence naming the path.
public struct SourceError: Error, CustomStringConvertible, Sendable, Equatable {
    public var path: String
    public var problem: String
    /// The file system failed (unreadable input, quarantine not writable): exit 3, not 2.
    public var isIO: Bool

    public init(path: String, problem: String, isIO: Bool = false) {
        self.path = path
        self.problem = problem
        self.isIO = isIO
    }

    public var description: String { "\(path): \(problem)." }
}
