/// A problem with a user's input file, located: `FILE:LINE:COLUMN: KEY: got VALUE; expected WHAT`.
///
/// The one located error shape for every reader (experiment specs, price tables, pipeline configs,
/// results CSVs, manifests, `--set` arguments). Areas keep their own error types where they carry
/// more (an I/O errno, a schema diff) and convert to this for the message.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file as the user named it (or e.g. `--set` for command-line overrides).
    public var file: String
    /// 1-based line and column of the offending text (0 when unknown).
    public var line: Int
    public var column: Int
    /// Dotted path of the key (`matrix.chaos.dup_prob.step`) or the CSV column; "" when none.
    public var key: String
    /// The value given, as written (nil when the key is missing or the problem is not one value).
    public var value: String?
    /// What would have been accepted, phrased so a user can act on it.
    public var expected: String

    public init(file: String, line: Int = 0, column: Int = 0, key: String = "", value: String? = nil, expected: String)
    {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.value = value
        self.expected = expected
    }

    /// `FILE:LINE:COLUMN` (as much of it as is known).
    public var location: String {
        guard line > 0 else { return file }
        guard column > 0 else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    /// The message without the location: `KEY: got 'VALUE'; expected WHAT`.
    public var message: String {
        let subject = key.isEmpty ? "" : "\(key): "
        guard let value else { return "\(subject)\(expected)" }
        return "\(subject)got \(value.isEmpty ? "an empty value" : Self.quoted(value)); expected \(expected)"
    }

    public var description: String { "\(location): \(message)" }

    /// `'v'`, shortened to its first line and 80 characters.
    public static func quoted(_ v: String) -> String {
        let single = v.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? v
        let shown = single.count > 80 ? String(single.prefix(77)) + "..." : single
        return shown == v ? "'\(v)'" : "'\(shown)…'"
    }
}
