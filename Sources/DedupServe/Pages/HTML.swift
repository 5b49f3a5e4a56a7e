import DedupReport

/// Small helpers for server-rendered pages. Every value that comes from a file or a request goes
/// through `escape` (text and attribute values alike), so result data can never inject markup.
enum HTML {
    /// Escapes `& < > " '` for text and double- or single-quoted attribute values.
    static func escape(_ text: String) -> String { HTMLEscaping.text(text) }  // the report's one escaper

    /// Percent-encodes a path segment or query value (RFC 3986 unreserved characters kept).
    static func urlComponent(_ text: String) -> String {
        var out = ""
        for b in text.utf8 {
            let c = Character(Unicode.Scalar(b))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c)) {
                out.append(c)
            } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }

    /// A table from a header (none when empty) and rows of already-escaped cell HTML.
    static func table(_ header: [String], _ rows: [[String]], id: String? = nil, numericFrom: Int = Int.max) -> String {
        var out = "<table" + (id.map { " id=\"\(escape($0))\"" } ?? "") + ">"
        if !header.isEmpty { out += "<thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>" }
        out += "<tbody>\n"
        for row in rows {
            out +=
                "<tr>"
                + row.enumerated().map { i, cell in
                    i >= numericFrom ? "<td class=\"num\">\(cell)</td>" : "<td>\(cell)</td>"
                }
                .joined() + "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1f24;background:#fafafa}
        header{background:#1f3b57;color:#fff;padding:.6em 1.2em;display:flex;gap:1.5em;align-items:baseline}
        header a{color:#fff;text-decoration:none}header .brand{font-weight:700;font-size:1.1em}
        main{padding:1em 1.5em;max-width:1200px}
        table{border-collapse:collapse;margin:.6em 0 1.2em;background:#fff;font-size:.92em}
        th,td{border:1px solid #d0d7de;padding:.3em .6em;text-align:left;vertical-align:top}
        th{background:#eef2f6}td.num{text-align:right;font-variant-numeric:tabular-nums}
        .ok{color:#116329}.failed,.timeout,.regression,.unreadable{color:#b3261e;font-weight:600}
        .running{color:#0b57d0;font-weight:600}.stopped{color:#8a6d00}
        .bar{background:#e3e8ee;height:1.1em;width:100%;max-width:520px;border-radius:3px;overflow:hidden}
        .bar>div{background:#2e7d32;height:100%}
        code,pre{background:#f0f2f4;padding:.1em .3em;border-radius:3px}
        pre{padding:.6em;overflow:auto}
        .muted{color:#57606a}.note{background:#fff8c5;border:1px solid #d4a72c;padding:.5em .8em}
        form.inline>*{margin-right:.6em}
        """

    /// The page frame: navigation, title, body. `refreshSeconds` adds a no-JavaScript reload (used by
    /// the live progress page inside `<noscript>`, so script-enabled browsers poll instead).
    static func page(title: String, body: String, refreshSeconds: Int? = nil, script: String? = nil) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<title>\(escape(title)) · dedupbench</title>"
        if let refreshSeconds {
            out += "<noscript><meta http-equiv=\"refresh\" content=\"\(refreshSeconds)\"></noscript>"
        }
        out += "<style>\(style)</style></head><body>\n"
        out +=
            "<header><a class=\"brand\" href=\"/\">dedupbench</a><a href=\"/\">Result sets</a>"
            + "<a href=\"/compare\">Compare</a><a href=\"/schedules\">Schedules</a><a href=\"/api\">API</a></header>\n"
        out += "<main>\n<h1>\(escape(title))</h1>\n\(body)\n</main>\n"
        if let script { out += "<script>\(script)</script>\n" }
        return out + "</body></html>\n"
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
