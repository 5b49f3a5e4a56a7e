/// A problem with a user's file (experiment spec, price table, `--set` argument), located precisely:
/// `FILE:LINE:COLUMN: KEY: got VALUE; expected WHAT`.
public struct SpecError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file as the user named it (or `--set` for command-line overrides).
    public var file: String
    /// 1-based line and column of the offending node (0 when unknown).
    public var line: Int
    public var column: Int
    /// Dotted path of the key in the file, e.g. `matrix.chaos.dup_prob.step`.
    public var key: String
    /// The value given, as written (nil when the key is missing or the problem is not one value).
    public var value: String?
    /// What would have been accepted, phrased so a user can act on it.
    public var expected: String

    public init(file: String, line: Int, column: Int, key: String, value: String?, expected: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.value = value
        self.expected = expected
    }

    /// The message without the file name (what error-corpus fixtures record).
    public var message: String {
        let subject = key.isEmpty ? "" : "\(key): "
        guard let value else { return "\(subject)\(expected)" }
        return "\(subject)got \(value.isEmpty ? "an empty value" : quoteIfNeeded(value)); expected \(expected)"
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }

    private func quoteIfNeeded(_ v: String) -> String {
        let single = v.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? v
        let shown = single.count > 80 ? String(single.prefix(77)) + "..." : single
        return shown == v ? "'\(v)'" : "'\(shown)…'"
    }
}
