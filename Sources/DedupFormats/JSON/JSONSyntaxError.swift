/// Why a text is not JSON, and where: the byte offset (0-based) and its 1-based line and column.
public struct JSONSyntaxError: Error, CustomStringConvertible, Sendable, Equatable {
    public var offset: Int
    public var line: Int
    public var column: Int
    /// What was wrong and what was expected, e.g. "expected ',' or '}' in an object".
    public var message: String

    public init(offset: Int, line: Int, column: Int, message: String) {
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line L, column C: message`.
    public var description: String { "line \(line), column \(column): \(message)" }
}
