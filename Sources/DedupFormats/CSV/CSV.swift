/// The package's one CSV reader and writer (RFC 4180): comma separated, fields with a comma,
/// quote, CR or LF are quoted and inner quotes doubled; records end with LF when written, LF or
/// CRLF when read; quoted fields may span lines.
///
/// Reading also skips a UTF-8 byte-order mark, blank lines, and `#` comment lines before the
/// first record (returned in `Document.comments`).
public enum CSV {
    // MARK: writing

    /// One record as a complete line, newline included (written with a single write(2)).
    public static func line(_ fields: [String]) -> String {
        var out = ""
        for (i, f) in fields.enumerated() {
            if i > 0 { out += "," }
            out += quote(f)
        }
        out += "\n"
        return out
    }

    /// The field as written: unchanged, or quoted when it holds a comma, quote, CR or LF.
    public static func quote(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        var out = "\""
        for ch in field.unicodeScalars {
            if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        return out + "\""
    }

    // MARK: reading

    /// One record and the 1-based line on which it starts.
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// What a parse found.
    public struct Document: Sendable, Equatable {
        /// `#` lines before the first record, without the `#`.
        public var comments: [String]
        public var records: [Record]
        /// Bytes up to the end of the last complete record (its line end included).
        public var completeLength: Int
        /// The input ends with an incomplete record (no final line end, or an unclosed quote),
        /// which is not in `records`. Only set when parsing with `tornTail: .set`.
        public var isTorn: Bool
    }

    /// What to do with a last record that has no line end or an unclosed quote.
    public enum TornTail: Sendable {
        /// Keep a last record without a line end; an unclosed quote is a syntax error (files that
        /// must be complete: `report`, `compare`).
        case reject
        /// Leave it out and set `isTorn` (an append-only file whose writer may have been killed).
        case set
    }

    /// A CSV syntax problem: the 1-based line and field (column number), and what was expected.
    public struct SyntaxError: Error, CustomStringConvertible, Sendable, Equatable {
        public var line: Int
        public var field: Int
        public var message: String

        public init(line: Int, field: Int, message: String) {
            self.line = line
            self.field = field
            self.message = message
        }

        public var description: String { "line \(line): \(message)" }
    }

    /// Parses CSV bytes. A quote inside an unquoted field, or text after a closing quote, is a
    /// syntax error.
    public static func parse(_ bytes: [UInt8], tornTail: TornTail = .reject) throws(SyntaxError) -> Document {
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        var doc = Document(comments: [], records: [], completeLength: 0, isTorn: false)
        let n = bytes.count
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        func isLineEnd(_ at: Int) -> Bool { bytes[at] == lf || (bytes[at] == cr && at + 1 < n && bytes[at + 1] == lf) }

        while i < n {
            if isLineEnd(i) {
                i += bytes[i] == cr ? 2 : 1
                line += 1
                if doc.records.isEmpty || tornTail == .set { doc.completeLength = i }
                continue
            }
            if doc.records.isEmpty, bytes[i] == UInt8(ascii: "#") {
                var end = i
                while end < n, bytes[end] != lf { end += 1 }
                guard end < n || tornTail == .reject else { break }
                var text = String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
                if text.hasSuffix("\r") { text.removeLast() }
                doc.comments.append(text)
                i = min(end + 1, n)
                line += 1
                doc.completeLength = i
                continue
            }

            let startLine = line
            var fields: [String] = []
            var field: [UInt8] = []
            while true {
                field.removeAll(keepingCapacity: true)
                let column = fields.count + 1
                if i < n, bytes[i] == quote {
                    let openLine = line
                    i += 1
                    var closed = false
                    while i < n {
                        let b = bytes[i]
                        if b == quote {
                            if i + 1 < n, bytes[i + 1] == quote {
                                field.append(quote)
                                i += 2
                                continue
                            }
                            i += 1
                            closed = true
                            break
                        }
                        if b == lf { line += 1 }
                        field.append(b)
                        i += 1
                    }
                    if !closed {
                        if tornTail == .set {
                            doc.isTorn = true
                            return doc
                        }
                        throw SyntaxError(
                            line: openLine, field: column,
                            message: "field \(column) opens a quote that is never closed (RFC 4180 CSV expected)")
                    }
                } else {
                    while i < n, bytes[i] != comma, !isLineEnd(i) {
                        if bytes[i] == quote {
                            throw SyntaxError(
                                line: line, field: column,
                                message:
                                    "field \(column) has a quote inside an unquoted value; quote the whole field and double inner quotes"
                            )
                        }
                        field.append(bytes[i])
                        i += 1
                    }
                }
                fields.append(String(decoding: field, as: UTF8.self))

                // After a field: a comma, a record end, or the end of the input.
                if i >= n {
                    if tornTail == .set {
                        doc.isTorn = true
                        return doc
                    }
                    break
                }
                if bytes[i] == comma {
                    i += 1
                    continue
                }
                if isLineEnd(i) {
                    i += bytes[i] == cr ? 2 : 1
                    line += 1
                    break
                }
                throw SyntaxError(
                    line: line, field: column,
                    message:
                        "unexpected text after the closing quote of field \(column); expected a comma or a line end")
            }
            doc.records.append(Record(line: startLine, fields: fields))
            doc.completeLength = i
        }
        return doc
    }
}
