import DedupReport
import Foundation

extension Dashboard {
    /// The comparison of two sets with the library's `Comparator` (the rules of `dedupbench compare`),
    /// or a reply saying what is wrong with the request.
    func comparison(baseline: String?, candidate: String?, threshold: String?, api: Bool) -> Result<
        Comparison, ReplyError
    > {
        guard let baseline, let candidate, !baseline.isEmpty, !candidate.isEmpty else {
            return .failure(
                ReplyError(
                    reply: .badRequest("Give both baseline and candidate (result set ids from /api/sets).", api: api)))
        }
        var options = CompareOptions()
        if let threshold, !threshold.isEmpty {
            guard let t = CompareOptions.parseFraction(threshold) else {
                return .failure(
                    ReplyError(
                        reply: .badRequest(
                            "threshold '\(threshold)' is not a percentage like 10% or a fraction like 0.1.", api: api)))
            }
            options.threshold = t
        }
        let b: (ResultSetEntry, ResultFile)
        let c: (ResultSetEntry, ResultFile)
        switch lookup(baseline, api: api) {
        case .failure(let e): return .failure(e)
        case .success(let v): b = v
        }
        switch lookup(candidate, api: api) {
        case .failure(let e): return .failure(e)
        case .success(let v): c = v
        }
        // The bootstrap intervals make a comparison cost ~0.1–1 s: keep the last few per file version.
        let key = [b.0.id, ViewStamp.of(b.0, b.1), c.0.id, ViewStamp.of(c.0, c.1), String(options.threshold)].joined(
            separator: "|")
        if let hit = comparisons.get(key) { return .success(hit) }
        do {
            let result = try Comparator.compare(baseline: [b.1], candidate: [c.1], options: options)
            comparisons.put(key, result)
            return .success(result)
        } catch {
            return .failure(
                ReplyError(
                    reply: api
                        ? .json(.object([("error", .string(error.description))]), status: 422)
                        : .html(
                            HTML.page(
                                title: "Cannot compare",
                                body:
                                    "<p class=\"failed\">\(HTML.escape(error.description))</p><p><a href=\"/compare\">Back</a></p>"
                            ), status: 422)))
        }
    }

    /// `/compare?baseline=ID&candidate=ID[&threshold=10%]`: pick two sets, see the verdict and every
    /// finding that is not "unchanged" (the same content as `dedupbench compare`'s markdown).
    public func comparePage(baseline: String?, candidate: String?, threshold: String?) -> Reply {
        let all = catalog.sets(now: clock())
        func select(_ name: String, _ chosen: String?) -> String {
            "<label>\(name) <select name=\"\(name)\" id=\"\(name)\"><option value=\"\">—</option>"
                + all.map { e in
                    "<option value=\"\(HTML.escape(e.id))\"\(e.id == chosen ? " selected" : "")>\(HTML.escape(e.id)) (\(HTML.escape(e.experiment)), \(e.runs) runs)</option>"
                }.joined() + "</select></label>"
        }
        var body =
            "<form class=\"inline\" method=\"get\" action=\"/compare\">" + select("baseline", baseline)
            + select("candidate", candidate)
            + "<label>threshold <input name=\"threshold\" size=\"5\" value=\"\(HTML.escape(threshold ?? "10%"))\"></label>"
            + "<button type=\"submit\">Compare</button></form>\n"
        guard baseline?.isEmpty == false || candidate?.isEmpty == false else {
            body +=
                "<p class=\"muted\">Cells are matched by cell_id: pick two result sets of the same experiment. "
                + "Deterministic metrics must match run for run; noisy ones are judged by threshold and a Mann-Whitney test "
                + "(docs/COMPARE.md).</p>"
            return .html(HTML.page(title: "Compare", body: body))
        }
        let c: Comparison
        switch comparison(baseline: baseline, candidate: candidate, threshold: threshold, api: false) {
        case .failure(let e): return e.reply
        case .success(let v): c = v
        }
        let query =
            "baseline=\(HTML.urlComponent(baseline!))&candidate=\(HTML.urlComponent(candidate!))"
            + (threshold.map { "&threshold=\(HTML.urlComponent($0))" } ?? "")
        body +=
            "<h2 id=\"verdict\" class=\"\(c.hasRegression ? "regression" : "ok")\">Verdict: \(c.hasRegression ? "regression" : "no regression")</h2>\n"
        body +=
            "<p>\(c.commonCells) common cell(s), \(c.comparedRuns) run pair(s). "
            + "<a href=\"/api/compare?\(HTML.escape(query))\">JSON</a> · <a href=\"/api/compare?\(HTML.escape(query))&amp;format=markdown\">markdown</a></p>\n"
        for w in c.warnings { body += "<p class=\"note\">\(HTML.escape(w))</p>\n" }
        let counts = Comparison.Verdict.allCases.map { ($0, c.count($0)) }.filter { $0.1 > 0 }
        body +=
            "<p>Findings: "
            + (counts.isEmpty
                ? "none" : counts.map { "\($0.1) \($0.0.rawValue.replacing("_", with: " "))" }.joined(separator: ", "))
            + ".</p>\n"
        let shown = c.findings.filter { $0.verdict != .unchanged }
        if shown.isEmpty {
            body += "<p class=\"ok\">Every compared metric is unchanged.</p>\n"
        } else {
            body += HTML.table(
                ["verdict", "cell", "metric", "baseline", "candidate", "change", "evidence"],
                shown.map { f in
                    [
                        "<span class=\"\(f.verdict.fails ? "regression" : "")\">\(HTML.escape(f.verdict.rawValue.replacing("_", with: " ")))</span>",
                        HTML.escape(f.label), HTML.escape(f.metric), HTML.escape(f.baseline), HTML.escape(f.candidate),
                        HTML.escape(f.change), HTML.escape(f.evidence),
                    ]
                }, id: "findings")
        }
        if !c.onlyInBaseline.isEmpty {
            body +=
                "<p>Only in the baseline: " + c.onlyInBaseline.map { HTML.escape($0.label) }.joined(separator: "; ")
                + "</p>\n"
        }
        if !c.onlyInCandidate.isEmpty {
            body +=
                "<p>Only in the candidate: " + c.onlyInCandidate.map { HTML.escape($0.label) }.joined(separator: "; ")
                + "</p>\n"
        }
        return .html(HTML.page(title: "Compare", body: body))
    }
}
