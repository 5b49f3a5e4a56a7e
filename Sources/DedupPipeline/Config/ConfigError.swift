/// One configuration problem, located: file, line and column (1-based, from the YAML parser),
/// the dotted key path, the value given and what was expected. `description` is a full sentence.
public struct ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var keyPath: String
    public var value: String?
    public var expected: String

    public init(
        file: String?, line: Int? = nil, column: Int? = nil, keyPath: String, value: String? = nil, expected: String
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.value = value
        self.expected = expected
    }

    /// e.g. `config/pipeline.yaml:12:15: generation.chaos.dup_prob: got 1.5, expected a probability in [0, 1].`
    public var description: String {
        var where_ = file ?? "<config>"
        if let line { where_ += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        let key = keyPath.isEmpty ? "" : " \(keyPath):"
        let got = value.map { " got \(ConfigError.quote($0))," } ?? ""
        return "\(where_):\(key)\(got) expected \(expected)."
    }

    static func quote(_ s: String) -> String {
        let short = s.count > 80 ? String(s.prefix(77)) + "..." : s
        return "'" + short + "'"
    }
}
