/// Escaping of user-supplied labels (experiment names, parameter values, error texts) for the two
/// languages the report writes.
public enum TextEscaping {
    /// One line of plain text: newlines, tabs and other control characters become spaces.
    public static func singleLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar == "\u{2028}" || scalar == "\u{2029}"
            out.append(isControl ? " " : scalar)
        }
        return String(out)
    }

    /// Text safe inside a markdown table cell: one line, with `|`, backticks, `\`, `*`, `[`, `]`,
    /// `<`, `>` and word-edge `_` escaped so the row stays one row and nothing turns into markup.
    public static func markdownCell(_ text: String) -> String {
        let chars = Array(singleLine(text))
        var out = ""
        for (i, c) in chars.enumerated() {
            switch c {
            case "\\", "|", "`", "*", "[", "]", "<", ">", "#", "~":
                out += "\\" + String(c)
            case "_":
                let before = i > 0 && (chars[i - 1].isLetter || chars[i - 1].isNumber)
                let after = i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1].isNumber)
                out += before && after ? "_" : "\\_"
            default:
                out.append(c)
            }
        }
        return out
    }

    /// A gnuplot string literal. Single-quoted strings are the only ones gnuplot does not expand
    /// (double quotes run backtick commands), so every label is single-quoted with `'` doubled.
    /// Control characters become spaces; backticks become `‘` so no command substitution can appear
    /// even if the quoting were lost; a run of quotes becomes one quote, because gnuplot 5.4
    /// misparses `''''` (two escaped quotes in a row) and silently drops the label.
    /// Terminals are set `noenhanced`, so `_`, `^`, `{}` and `@` print literally.
    public static func gnuplotString(_ text: String) -> String {
        var line = ""
        for c in gnuplotComment(text) where !(c == "'" && line.last == "'") { line.append(c) }
        // gnuplot reads `'''a'` as the empty string '' followed by junk: a leading quote is
        // concatenated as "'" (a string expression, accepted wherever a title or label is).
        if line.first == "'" { return "\"'\"." + gnuplotString(String(line.dropFirst())) }
        return "'" + line.replacing("'", with: "''") + "'"
    }

    /// Text for a `#` comment in a gnuplot script or data file: one line, no backticks.
    public static func gnuplotComment(_ text: String) -> String {
        singleLine(text).replacing("`", with: "‘")
    }

    /// A file-name slug: lowercase ASCII letters, digits and `-`, never empty.
    public static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            let ok = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if ok { out.unicodeScalars.append(scalar) } else if !out.hasSuffix("-") { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        while out.hasPrefix("-") { out.removeFirst() }
        return out.isEmpty ? "x" : String(out.prefix(60))
    }
}
