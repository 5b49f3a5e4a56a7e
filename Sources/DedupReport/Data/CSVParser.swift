/// A strict RFC 4180 reader: comma separated, `"`-quoted fields with `""` for a quote inside,
/// LF or CRLF record ends, newlines allowed inside quoted fields.
///
/// Internal to the report module so it works before (and independently of) the harness's reader.
/// Blank lines are skipped; lines starting with `#` before the header are returned as comments.
struct CSVParser {
    /// One record and the 1-based line on which it starts.
    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    struct Output: Equatable {
        var comments: [String]
        var records: [Record]
    }

    let path: String

    func parse(_ bytes: [UInt8]) throws(ReportInputError) -> Output {
        var out = Output(comments: [], records: [])
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        var line = 1
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")

        while index < bytes.count {
            // Blank lines, and comments before the first record.
            if bytes[index] == lf || (bytes[index] == cr && index + 1 < bytes.count && bytes[index + 1] == lf) {
                index += bytes[index] == cr ? 2 : 1
                line += 1
                continue
            }
            if out.records.isEmpty && bytes[index] == UInt8(ascii: "#") {
                let end = bytes[index...].firstIndex(of: lf) ?? bytes.count
                var text = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                if text.hasSuffix("\r") { text.removeLast() }
                out.comments.append(text)
                index = end + 1
                line += 1
                continue
            }

            let startLine = line
            var fields: [String] = []
            var recordDone = false
            while !recordDone {
                var field: [UInt8] = []
                let column = fields.count + 1
                if index < bytes.count && bytes[index] == quote {
                    let openLine = line
                    index += 1
                    var closed = false
                    while index < bytes.count {
                        let b = bytes[index]
                        if b == quote {
                            if index + 1 < bytes.count && bytes[index + 1] == quote {
                                field.append(quote)
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        if b == lf { line += 1 }
                        field.append(b)
                        index += 1
                    }
                    if !closed {
                        throw ReportInputError(
                            path: path, line: openLine,
                            message: "field \(column) opens a quote that is never closed (RFC 4180 CSV expected)")
                    }
                } else {
                    while index < bytes.count {
                        let b = bytes[index]
                        if b == comma || b == lf || (b == cr && index + 1 < bytes.count && bytes[index + 1] == lf) {
                            break
                        }
                        if b == quote {
                            throw ReportInputError(
                                path: path, line: line,
                                message: "field \(column) has a quote inside an unquoted value; quote the whole field and double inner quotes")
                        }
                        field.append(b)
                        index += 1
                    }
                }
                fields.append(String(decoding: field, as: UTF8.self))

                // After a field: a comma, a record end, or the end of the file.
                if index >= bytes.count {
                    recordDone = true
                } else if bytes[index] == comma {
                    index += 1
                    if index >= bytes.count { fields.append("") ; recordDone = true }
                } else if bytes[index] == lf {
                    index += 1
                    line += 1
                    recordDone = true
                } else if bytes[index] == cr && index + 1 < bytes.count && bytes[index + 1] == lf {
                    index += 2
                    line += 1
                    recordDone = true
                } else {
                    throw ReportInputError(
                        path: path, line: line,
                        message: "unexpected text after the closing quote of field \(column); expected a comma or a line end")
                }
            }
            out.records.append(Record(line: startLine, fields: fields))
        }
        return out
    }
}
