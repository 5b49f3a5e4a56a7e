import DedupReport
import Foundation

extension Dashboard {
    /// `/`: every result set with experiment, machine, commit, when, runs ok/failed, and state;
    /// then the schedules (when any).
    public func indexPage() -> Reply {
        let now = clock()
        let all = catalog.sets(now: now)
        var body =
            "<p class=\"muted\">Result sets found under "
            + catalog.roots.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: ", ")
            + ". Newest first. The same data as JSON: <a href=\"/api/sets\">/api/sets</a>.</p>\n"
        if all.isEmpty {
            body +=
                "<p class=\"note\">No results.csv found yet. Run <code>dedupbench run experiments/ci.yaml --results "
                + HTML.escape(catalog.roots.first ?? "results") + "/ci/now</code> and reload.</p>\n"
        }
        let rows: [[String]] = all.map { e in
            let state = e.state(now: now, staleAfter: catalog.staleAfter)
            var stateCell = "<span class=\"\(Dashboard.statusClass(state))\">\(state)</span>"
            if state == "running" || state == "stopped" {
                stateCell += " · <a href=\"/sets/\(HTML.urlComponent(e.id))/progress\">progress</a>"
            }
            return [
                "<a href=\"/sets/\(HTML.urlComponent(e.id))\">\(HTML.escape(e.id))</a>",
                HTML.escape(e.experiment),
                HTML.escape([e.machine, e.host].compactMap { $0 }.joined(separator: " · ")),
                e.commit.map {
                    "<code>\(HTML.escape(String($0.prefix(12))))</code>" + (e.dirty == true ? " (dirty)" : "")
                } ?? "—",
                HTML.escape(e.finished ?? e.started ?? Dashboard.iso(e.modified)),
                "\(e.runs)" + (e.planned.map { " / \($0)" } ?? ""),
                "<span class=\"ok\">\(e.ok)</span>",
                e.failed + e.timedOut > 0 ? "<span class=\"failed\">\(e.failed + e.timedOut)</span>" : "0",
                stateCell + (e.loadError.map { "<br><small>\(HTML.escape($0))</small>" } ?? ""),
            ]
        }
        body += HTML.table(
            ["result set", "experiment", "machine", "commit", "when (UTC)", "runs", "ok", "failed", "state"],
            rows, id: "sets")
        if let scheduler {
            body += "<h2>Schedules</h2>\n" + schedulesTable(scheduler.status())
        }
        body += "<p><a href=\"/compare\">Compare two result sets →</a></p>\n"
        return .html(HTML.page(title: "Result sets", body: body))
    }
}
