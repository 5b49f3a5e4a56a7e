import DedupPipeline
import DedupReport
import DeltaStorage
import Foundation

extension Dashboard {
    /// Delta tables of a run kept by `dedupbench run --keep-tables`: `<set>/tables/<run_id>/<table>`
    /// folders holding a `_delta_log`, by table name.
    func keptTables(_ entry: ResultSetEntry, _ runId: String) -> [String: String] {
        let folder = entry.directory + "/tables/" + runId
        var out: [String: String] = [:]
        if FileManager.default.fileExists(atPath: folder + "/_delta_log") { out[runId] = folder }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where FileManager.default.fileExists(atPath: folder + "/" + name + "/_delta_log") {
            out[name] = folder + "/" + name
        }
        return out
    }

    /// `/sets/{id}/runs/{run_id}`: parameters, metrics, status and error, attempts against the retry
    /// policy, and links to the run's kept Delta tables.
    public func runPage(_ id: String, _ runId: String) -> Reply {
        let found: (ResultSetEntry, ResultFile)
        switch lookup(id, api: false) {
        case .failure(let e): return e.reply
        case .success(let v): found = v
        }
        let (entry, file) = found
        guard let row = run(file, runId) else { return .notFound("\(id) has no run '\(runId)'.", api: false) }
        let t = file.table
        let status = t.text(row, "status")
        let base = "/sets/\(HTML.urlComponent(entry.id))"
        var body =
            "<p>Result set <a href=\"\(base)\">\(HTML.escape(entry.id))</a> · status "
            + "<span class=\"\(Dashboard.statusClass(status))\">\(HTML.escape(status))</span>"
            + " · <a href=\"/api/sets/\(HTML.urlComponent(entry.id))/runs/\(HTML.urlComponent(runId))\">JSON</a></p>\n"
        let error = t.text(row, "error")
        if !error.isEmpty { body += "<h2>Error</h2>\n<pre id=\"error\">\(HTML.escape(error))</pre>\n" }
        let policy = retryPolicy(file)
        let attempts = t.text(row, "attempts")
        body +=
            "<h2>Attempts</h2>\n<p id=\"attempts\">\(HTML.escape(attempts.isEmpty ? "not recorded" : attempts)) attempt(s); policy: \(HTML.escape(policy.text))</p>\n"
        let params = RunRecord(path: t.path, line: row.line, text: ["params": t.text(row, "params")], numbers: [:])
            .params
        body += "<h2>Parameters</h2>\n"
        var paramRows = params.map { [HTML.escape($0.0), HTML.escape($0.1.text)] }
        for c in ResultColumns.identity + ResultColumns.parameters where c != "params" && t.has(c) {
            paramRows.append([HTML.escape(c), HTML.escape(t.text(row, c))])
        }
        body += HTML.table(["name", "value"], paramRows, id: "params")
        body += "<h2>Metrics</h2>\n"
        let known = Set(ResultColumns.identity + ResultColumns.parameters + ["status", "error", "attempts"])
        body += HTML.table(
            ["column", "value"],
            t.columns.filter { !known.contains($0) }.map { c in
                [HTML.escape(c), HTML.escape(t.text(row, c))]
            }, id: "metrics", numericFrom: 1)
        body += "<h2>Tables</h2>\n"
        let tables = keptTables(entry, runId)
        if tables.isEmpty {
            body +=
                "<p class=\"muted\">The run's Delta tables were not kept (runs delete them unless "
                + "<code>dedupbench run --keep-tables</code>), so there is nothing to inspect.</p>\n"
        } else {
            body +=
                "<ul>"
                + tables.keys.sorted().map { name in
                    "<li><a href=\"\(base)/runs/\(HTML.urlComponent(runId))/tables/\(HTML.urlComponent(name))\">\(HTML.escape(name))</a> (lake inspect)</li>"
                }.joined() + "</ul>\n"
        }
        return .html(HTML.page(title: "Run \(runId)", body: body))
    }

    /// `/sets/{id}/runs/{run_id}/tables/{name}`: the `dedupbench lake inspect` view of a kept table.
    public func tablePage(_ id: String, _ runId: String, _ name: String) -> Reply {
        guard let entry = catalog.set(id: id) else { return .notFound("No result set '\(id)'.", api: false) }
        guard let path = keptTables(entry, runId)[name], let safe = PathGuard.contained(path, in: catalog.roots) else {
            return .notFound("Run \(runId) of \(id) has no kept table '\(name)'.", api: false)
        }
        let text: String
        do {
            text = try TableDescription.describe(path: safe).text(maxFiles: 50)
        } catch {
            return .html(
                HTML.page(title: "Table \(name)", body: "<p class=\"failed\">\(HTML.escape("\(error)"))</p>"),
                status: 422)
        }
        let body =
            "<p>Run <a href=\"/sets/\(HTML.urlComponent(id))/runs/\(HTML.urlComponent(runId))\">\(HTML.escape(runId))</a>"
            + " · the same text as <code>dedupbench lake inspect \(HTML.escape(safe))</code></p>\n<pre id=\"inspect\">\(HTML.escape(text))</pre>\n"
        return .html(HTML.page(title: "Table \(name)", body: body))
    }
}
