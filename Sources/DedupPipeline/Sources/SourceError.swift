/// A source that cannot start: a missing input, an empty glob, an unreadable file, or a
/// quarantine file that cannot be written. Reads like a sentence naming the path.
public struct SourceError: Error, CustomStringConvertible, Sendable, Equatable {
    public var path: String
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)." }
}
