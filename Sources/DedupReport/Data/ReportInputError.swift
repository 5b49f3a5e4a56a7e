/// Why a results file, manifest or result directory could not be used.
/// Every case names the file and, where it applies, the line, column, key and value.
public struct ReportInputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file or directory at fault.
    public var path: String
    /// 1-based line, when the problem is at a place in the file.
    public var line: Int?
    /// The CSV column name or the JSON key involved.
    public var key: String?
    /// A sentence saying what is wrong and what was expected.
    public var message: String

    public init(path: String, line: Int? = nil, key: String? = nil, message: String) {
        self.path = path
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var place = path
        if let line { place += ":\(line)" }
        if let key { place += " (\(key))" }
        return "\(place): \(message)"
    }
}
