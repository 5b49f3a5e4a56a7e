import DedupFormats

extension YAMLNode {
    /// The node as block-style YAML text that composes back to the same tree (positions aside):
    /// plain scalars are written as they were, quoted ones as JSON strings (valid double-quoted
    /// YAML), empty collections as `[]` and `{}`. Used to hand an inline pipeline config to a child.
    public var yamlText: String {
        var out = ""
        write(to: &out, indent: 0, inSequence: false)
        if !out.hasSuffix("\n") { out += "\n" }
        return out
    }

    private static func scalarText(_ s: String, quoted: Bool) -> String {
        quoted || s.isEmpty ? JSONValue.quote(s) : s
    }

    private func write(to out: inout String, indent: Int, inSequence: Bool) {
        let pad = String(repeating: "  ", count: indent)
        switch kind {
        case .scalar(let s, let q):
            out += Self.scalarText(s, quoted: q) + "\n"
        case .sequence(let items):
            guard !items.isEmpty else {
                out += "[]\n"
                return
            }
            for (i, item) in items.enumerated() {
                if i > 0 || !inSequence { out += pad }
                out += "- "
                item.writeNested(to: &out, indent: indent + 1, inSequence: true)
            }
        case .mapping(let entries):
            guard !entries.isEmpty else {
                out += "{}\n"
                return
            }
            for (i, e) in entries.enumerated() {
                if i > 0 || !inSequence { out += pad }
                out += Self.scalarText(e.key, quoted: e.keyQuoted) + ":"
                out += e.value.isInline ? " " : "\n"
                e.value.write(to: &out, indent: indent + 1, inSequence: false)
            }
        }
    }

    /// Scalars and empty collections follow their key on the same line.
    private var isInline: Bool {
        switch kind {
        case .scalar: true
        case .sequence(let items): items.isEmpty
        case .mapping(let entries): entries.isEmpty
        }
    }

    /// A value after `- `: scalars inline, collections starting on the same line.
    private func writeNested(to out: inout String, indent: Int, inSequence: Bool) {
        write(to: &out, indent: indent, inSequence: inSequence)
    }
}
