/// Escaping for the HTML report, and the small subset of markdown the report's own sentences use.
public enum HTMLEscaping {
    /// Text safe as HTML element content and inside double-quoted attributes.
    public static func text(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for c in value.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters would make the XML of inline SVG invalid; they become spaces.
                let control = c.value < 0x20 && c != "\n" && c != "\t"
                out.unicodeScalars.append(control ? " " : c)
            }
        }
        return out
    }

    /// Converts the inline markdown the report generates (`**bold**`, `` `code` ``, backslash
    /// escapes from `TextEscaping.markdownCell`) into escaped HTML. Anything else stays literal text,
    /// so user labels can never become markup.
    static func inlineMarkdown(_ markdown: String) -> String {
        var out = "", bold = false, code = false
        var chars = Array(markdown)[...]
        while let c = chars.popFirst() {
            if code {
                if c == "`" { out += "</code>"; code = false } else { out += text(String(c)) }
                continue
            }
            switch c {
            case "\\":
                if let next = chars.popFirst() { out += text(String(next)) } else { out += "\\" }
            case "*" where chars.first == "*":
                chars.removeFirst()
                out += bold ? "</strong>" : "<strong>"
                bold.toggle()
            case "`":
                out += "<code>"
                code = true
            default:
                out += text(String(c))
            }
        }
        if code { out += "</code>" }
        if bold { out += "</strong>" }
        return out
    }

    /// An `id` attribute value from any text: the slug, prefixed so it never starts with a digit.
    static func id(_ text: String) -> String { "r-" + TextEscaping.slug(text) }
}
