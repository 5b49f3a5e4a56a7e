/// RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled; records end with
/// LF (the reader also accepts CRLF). No comment lines: the schema version lives in the manifest.
public enum CSV {
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

    public static func quote(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        var out = "\""
        for ch in field.unicodeScalars {
            if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        return out + "\""
    }

    /// The result of parsing: complete records, and the byte length they span. Bytes after
    /// `completeLength` are a torn trailing record (no final newline, or an unclosed quote).
    public struct Parsed: Sendable {
        public var records: [[String]]
        public var completeLength: Int
        public var isTorn: Bool
    }

    public struct SyntaxError: Error, CustomStringConvertible, Sendable {
        public var line: Int
        public var problem: String
        public var description: String { "line \(line): \(problem)" }
    }

    /// Parses CSV bytes. A stray quote inside an unquoted field, or text after a closing quote, is
    /// a syntax error; an incomplete last record is reported as torn, not as an error.
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Parsed {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var i = 0
        var line = 1
        var completeLength = 0
        let n = bytes.count
        var atFieldStart = true
        while i < n {
            let b = bytes[i]
            if atFieldStart, b == 0x22 {
                // Quoted field: runs to the next lone quote.
                i += 1
                var closed = false
                while i < n {
                    let c = bytes[i]
                    if c == 0x22 {
                        if i + 1 < n, bytes[i + 1] == 0x22 {
                            field.append(0x22)
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    if c == 0x0A { line += 1 }
                    field.append(c)
                    i += 1
                }
                if !closed { return Parsed(records: records, completeLength: completeLength, isTorn: true) }
                guard i >= n || bytes[i] == 0x2C || bytes[i] == 0x0A || bytes[i] == 0x0D else {
                    throw SyntaxError(line: line, problem: "text after a closing quote")
                }
                atFieldStart = false
                continue
            }
            switch b {
            case 0x2C:
                record.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                atFieldStart = true
                i += 1
            case 0x0D where i + 1 < n && bytes[i + 1] == 0x0A:
                i += 1
            case 0x0A:
                record.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                records.append(record)
                record.removeAll(keepingCapacity: true)
                atFieldStart = true
                i += 1
                line += 1
                completeLength = i
            case 0x22:
                throw SyntaxError(line: line, problem: "a quote inside an unquoted field")
            default:
                field.append(b)
                atFieldStart = false
                i += 1
            }
        }
        let torn = completeLength < n
        return Parsed(records: records, completeLength: completeLength, isTorn: torn)
    }
}
