import DedupFormats

/// The one ordered JSON value (DedupFormats), under a short name for the API builders.
typealias JSON = JSONValue

extension JSONValue {
    /// A number from its decimal text (CSV cells, formatted figures): an exact integer when the
    /// text is one, else a double; text that is not a number stays a string.
    static func number(_ text: String) -> JSONValue {
        if let i = Int64(text) { return .int(i) }
        if let d = Double(text), d.isFinite { return .double(d) }
        return .string(text)
    }
}
