/// Prepares a gnuplot SVG for inlining in an HTML page.
///
/// - drops the XML declaration and DOCTYPE (not allowed inside HTML);
/// - prefixes every `id` and `#` reference with the chart's name, so several charts on one page
///   never share ids (gnuplot names its point shapes `gpPt0`… in every file);
/// - turns gnuplot's hypertext labels (`onmousemove="gnuplot_svg.showHypertext(evt,'text')"`, which
///   need gnuplot's external JavaScript) into SVG `<title>` elements, which browsers show on hover
///   with no script at all.
///
/// The result is deterministic text: the same SVG always gives the same bytes.
public enum SVGInliner {
    /// The inline form of `svg` (the text gnuplot wrote), with ids prefixed by `prefix`.
    public static func inline(_ svg: String, idPrefix prefix: String) -> String {
        var s = svg
        if let start = s.range(of: "<svg") { s = String(s[start.lowerBound...]) }
        s = hoverTitles(s)
        let p = TextEscaping.slug(prefix) + "-"
        s = s.replacing("id='", with: "id='" + p).replacing("id=\"", with: "id=\"" + p)
            .replacing("href='#", with: "href='#" + p).replacing("href=\"#", with: "href=\"#" + p)
            .replacing("url(#", with: "url(#" + p)
        // A class and an accessible role, so the page's stylesheet can size every chart.
        s = s.replacing("<svg ", with: "<svg class=\"chart\" role=\"img\" ", maxReplacements: 1)
        return s.trimmingSuffixNewlines() + "\n"
    }

    /// Replaces gnuplot's script-driven hypertext with `<title>` tooltips; the standalone SVG files
    /// are rewritten the same way, so they need no script either.
    public static func hoverTitles(_ svg: String) -> String {
        let open = "<g onmousemove=\"gnuplot_svg.showHypertext(evt,'"
        let close = "')\" onmouseout=\"gnuplot_svg.hideHypertext()\"><title> </title>"
        var out = "", rest = Substring(svg)
        while let start = rest.range(of: open) {
            guard let end = rest[start.upperBound...].range(of: close) else { break }
            out += rest[..<start.lowerBound]
            let label = unescapeJS(String(rest[start.upperBound..<end.lowerBound]))
            out += "<g class=\"point\"><title>" + HTMLEscaping.text(label) + "</title>"
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    /// gnuplot writes hypertext as a JavaScript string in an attribute: `\'` for quotes, `\n` for
    /// line breaks, and XML entities for `<`, `&`, `"`.
    private static func unescapeJS(_ text: String) -> String {
        var t = text.replacing("\\'", with: "'").replacing("\\n", with: "\n")
        for (entity, c) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            t = t.replacing(entity, with: c)
        }
        return t
    }
}

extension String {
    fileprivate func trimmingSuffixNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
