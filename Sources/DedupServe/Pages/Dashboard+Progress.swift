import DedupReport
import Foundation

extension Dashboard {
    func progress(_ entry: ResultSetEntry, _ file: ResultFile) -> SweepProgress {
        SweepProgress.compute(entry: entry, file: file, now: clock(), staleAfter: catalog.staleAfter)
    }

    /// `/sets/{id}/progress`: done/total with a bar, elapsed, ETA, the cell in flight and the failures
    /// so far. Without JavaScript the page reloads every 5 s; with it, the progress block is replaced
    /// every second by `?fragment=1` (the same server-side rendering).
    public func progressPage(_ id: String, fragment: Bool) -> Reply {
        let found: (ResultSetEntry, ResultFile)
        switch lookup(id, api: false) {
        case .failure(let e): return e.reply
        case .success(let v): found = v
        }
        let (entry, file) = found
        let html = progressFragment(progress(entry, file))
        if fragment { return .html(html) }
        let path = "/sets/\(HTML.urlComponent(entry.id))/progress?fragment=1"
        let script = """
            (function(){var el=document.getElementById('progress');
            function poll(){fetch('\(path)',{cache:'no-store'}).then(function(r){return r.ok?r.text():null})
            .then(function(t){if(t!==null){el.innerHTML=t;}if(el.querySelector('[data-state=running]')){setTimeout(poll,1000);}})
            .catch(function(){setTimeout(poll,3000);});}
            if(el.querySelector('[data-state=running]')){setTimeout(poll,1000);}})();
            """
        let body =
            "<p>Result set <a href=\"/sets/\(HTML.urlComponent(entry.id))\">\(HTML.escape(entry.id))</a> · experiment "
            + "\(HTML.escape(entry.experiment)) · JSON: <a href=\"/api/sets/\(HTML.urlComponent(entry.id))/progress\">progress</a></p>\n"
            + "<div id=\"progress\">\(html)</div>\n"
        return .html(HTML.page(title: "Progress of \(entry.id)", body: body, refreshSeconds: 5, script: script))
    }

    func progressFragment(_ p: SweepProgress) -> String {
        let fraction = p.total.map { $0 == 0 ? 1 : min(1, Double(p.done) / Double($0)) }
        var html =
            "<p data-state=\"\(p.state)\">State: <span class=\"\(Dashboard.statusClass(p.state))\">\(p.state)</span></p>\n"
        html +=
            "<div class=\"bar\" role=\"progressbar\" aria-valuenow=\"\(p.done)\" aria-valuemax=\"\(p.total ?? 0)\">"
            + "<div style=\"width:\(Int(((fraction ?? 0) * 100).rounded()))%\"></div></div>\n"
        html += HTML.table(
            ["done", "total", "ok", "failed", "timed out", "elapsed", "ETA", "current cell"],
            [
                [
                    "<span id=\"done\">\(p.done)</span>", p.total.map(String.init) ?? "?", "\(p.ok)", "\(p.failed)",
                    "\(p.timedOut)",
                    Dashboard.duration(p.elapsed), p.state == "running" ? Dashboard.duration(p.eta) : "—",
                    p.currentCell.map { "<code>\(HTML.escape(p.currentRun ?? ""))</code> \(HTML.escape($0))" }
                        ?? HTML.escape(p.currentNote ?? (p.state == "running" ? "—" : "none (not running)")),
                ]
            ], id: "progress-table")
        if p.failures.isEmpty {
            html += "<p class=\"muted\">No failed run so far.</p>\n"
        } else {
            html +=
                "<h2>Failures</h2>\n"
                + HTML.table(
                    ["run_id", "cell", "status", "attempts", "error"],
                    p.failures.map { f in
                        [
                            HTML.escape(f.runId), HTML.escape(f.cell),
                            "<span class=\"failed\">\(HTML.escape(f.status))</span>",
                            HTML.escape(f.attempts), HTML.escape(f.error),
                        ]
                    }, id: "failures")
        }
        return html
    }

    static func progressJSON(_ p: SweepProgress, id: String) -> JSON {
        func num(_ v: Double?) -> JSON { v.map { .number(NumberFormat.fixed($0, 1)) } ?? .null }
        return .object([
            ("id", .string(id)), ("state", .string(p.state)), ("done", .number(String(p.done))),
            ("total", p.total.map { .number(String($0)) } ?? .null), ("ok", .number(String(p.ok))),
            ("failed", .number(String(p.failed))), ("timeout", .number(String(p.timedOut))),
            ("elapsed_s", num(p.elapsed)), ("eta_s", num(p.eta)),
            ("current_run_id", p.currentRun.map(JSON.string) ?? .null),
            ("current_cell", p.currentCell.map(JSON.string) ?? .null),
            ("current_note", p.currentNote.map(JSON.string) ?? .null),
            (
                "failures",
                .array(
                    p.failures.map { f in
                        .object([
                            ("run_id", .string(f.runId)), ("cell", .string(f.cell)), ("status", .string(f.status)),
                            ("attempts", Dashboard.cell("attempts", f.attempts)), ("error", .string(f.error)),
                        ])
                    })
            ),
        ])
    }
}
