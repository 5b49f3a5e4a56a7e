import DedupFormats

/// A configuration problem: the package's located `InputError` (file, line, column, dotted key
/// path, the value given, what was expected).
public typealias ConfigError = InputError

extension InputError {
    /// A config error at an optional position (`file` nil for defaults and overrides).
    init(
        file: String?, line: Int? = nil, column: Int? = nil, keyPath: String, value: String? = nil, expected: String
    ) {
        self.init(
            file: file ?? "<config>", line: line ?? 0, column: column ?? 0, key: keyPath, value: value,
            expected: expected)
    }

    /// The dotted key path (`key`).
    public var keyPath: String { key }
}
