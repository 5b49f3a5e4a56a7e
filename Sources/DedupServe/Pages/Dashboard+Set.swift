import DedupHarness
import DedupReport
import Foundation

extension Dashboard {
    /// Files of a set that may be downloaded, by name; nothing else in the folder is served.
    static let servedFiles: [String: String] = [
        "results.csv": "text/csv; charset=utf-8",
        "manifest.json": "application/json; charset=utf-8",
        "pipeline.yaml": "text/plain; charset=utf-8",
    ]

    /// `/sets/{id}`: provenance, links to the raw files and chart sources, the report (tables,
    /// findings, charts — the HTML report's own renderer) and every run.
    public func setPage(_ id: String) -> Reply {
        let found: (ResultSetEntry, ResultFile)
        switch lookup(id, api: false) {
        case .failure(let e): return e.reply
        case .success(let v): found = v
        }
        let (entry, file) = found
        let now = clock()
        let state = entry.state(now: now, staleAfter: catalog.staleAfter)
        let base = "/sets/\(HTML.urlComponent(entry.id))"
        var body =
            "<p>Experiment <b>\(HTML.escape(entry.experiment))</b> · <span class=\"\(Dashboard.statusClass(state))\">\(state)</span>"
        if state != "finished" { body += " · <a href=\"\(base)/progress\">live progress</a>" }
        body += "</p>\n"
        var facts: [[String]] = [
            ["folder", "<code>\(HTML.escape(entry.directory))</code>"],
            ["machine", HTML.escape([entry.machine, entry.host].compactMap { $0 }.joined(separator: " · "))],
            ["commit", HTML.escape(entry.commit ?? "—") + (entry.dirty == true ? " (dirty)" : "")],
            ["started / finished (UTC)", HTML.escape("\(entry.started ?? "—") / \(entry.finished ?? "—")")],
            [
                "runs",
                "\(entry.runs)" + (entry.planned.map { " of \($0) planned" } ?? "")
                    + ": <span class=\"ok\">\(entry.ok) ok</span>, \(entry.failed) failed, \(entry.timedOut) timed out",
            ],
            ["retry policy", HTML.escape(retryPolicy(file).text)],
        ]
        var links = Dashboard.servedFiles.keys.sorted().filter {
            FileManager.default.fileExists(atPath: entry.directory + "/" + $0)
        }
        .map { "<a href=\"\(base)/files/\($0)\">\($0)</a>" }
        links.append("<a href=\"/api/sets/\(HTML.urlComponent(entry.id))\">JSON</a>")
        links.append("<a href=\"/compare?candidate=\(HTML.urlComponent(entry.id))\">compare…</a>")
        facts.append(["files", links.joined(separator: " · ")])
        let view = sets.view(entry: entry, file: file)
        if !view.chartFiles.isEmpty {
            facts.append([
                "chart sources (gnuplot)",
                view.chartFiles.keys.sorted().filter { !$0.hasSuffix(".svg") && !$0.hasSuffix(".png") }
                    .map { "<a href=\"\(base)/charts/\(HTML.urlComponent($0))\">\(HTML.escape($0))</a>" }.joined(
                        separator: " · "),
            ])
        }
        body += HTML.table([], facts.map { ["<b>\(HTML.escape($0[0]))</b>", $0[1]] }, id: "facts")
        body += "<section id=\"report\">\n" + view.html + "\n</section>\n"
        body += "<h2>Runs</h2>\n" + runsTable(entry, file)
        return .html(HTML.page(title: "Result set \(entry.id)", body: body))
    }

    func runsTable(_ entry: ResultSetEntry, _ file: ResultFile) -> String {
        let t = file.table
        let base = "/sets/\(HTML.urlComponent(entry.id))/runs/"
        let rows: [[String]] = t.rows.map { row in
            let status = t.text(row, "status")
            let params = RunRecord(path: t.path, line: row.line, text: ["params": t.text(row, "params")], numbers: [:])
                .params
            let error = t.text(row, "error")
            return [
                "<a href=\"\(base)\(HTML.urlComponent(t.text(row, "run_id")))\">\(HTML.escape(t.text(row, "run_id")))</a>",
                HTML.escape(params.map { "\($0.0)=\($0.1.text)" }.joined(separator: ", ")),
                "<span class=\"\(Dashboard.statusClass(status))\">\(HTML.escape(status))</span>",
                HTML.escape(t.text(row, "attempts")),
                HTML.escape(t.text(row, "wall_s")),
                HTML.escape(t.text(row, "rows_written")),
                HTML.escape(error.count > 160 ? String(error.prefix(160)) + "…" : error),
            ]
        }
        return HTML.table(
            ["run_id", "params", "status", "attempts", "wall_s", "rows_written", "error"], rows, id: "runs")
    }

    /// The retry policy the runs were executed with: the manifest's `retries` and `timeout`, and the
    /// backoff from the manifest or, when the manifest lacks it, from the experiment file it names
    /// (only if that file still has the recorded SHA-256).
    func retryPolicy(_ file: ResultFile) -> (retries: Int?, timeout: Double?, backoff: Double?, text: String) {
        let m = file.manifest
        let retries = m?.json.lookup("experiment.retries")?.numberValue.map { Int($0) }
        let timeout = m?.json.lookup("experiment.timeout")?.numberValue
        var backoff = m?.json.lookup("experiment.retry_backoff")?.numberValue
        if backoff == nil, let m, let path = m.string(["experiment.file"]),
            let data = FileManager.default.contents(atPath: path),
            RunIdentity.sha256Hex(Array(data)) == m.string(["experiment.sha256"]),
            let spec = try? ExperimentSpec.load(path: path)
        {
            backoff = spec.retryBackoff
        }
        guard let retries else { return (nil, timeout, backoff, "not recorded (no manifest with experiment.retries)") }
        var text =
            "up to \(retries + 1) attempt(s) per run (\(retries) retr\(retries == 1 ? "y" : "ies")) after a crash or timeout"
        if let backoff {
            text += ", first retry after \(NumberFormat.shortest(backoff)) s (doubling each time, capped at 60 s)"
        } else {
            text += ", retry delay not recorded"
        }
        if let timeout { text += "; per-run timeout \(NumberFormat.shortest(timeout)) s" }
        return (retries, timeout, backoff, text + ". A run that completes but fails verification is not retried.")
    }

    /// `/sets/{id}/files/{name}`: one of `servedFiles`, read from the set's own folder.
    public func setFile(_ id: String, _ name: String) -> Reply {
        guard let type = Dashboard.servedFiles[name] else {
            return .notFound(
                "'\(name)' is not a file this server serves (results.csv, manifest.json, pipeline.yaml).", api: false)
        }
        guard let entry = catalog.set(id: id) else { return .notFound("No result set '\(id)'.", api: false) }
        guard let path = PathGuard.contained(entry.directory + "/" + name, in: catalog.roots),
            let data = FileManager.default.contents(atPath: path)
        else { return .notFound("\(id) has no \(name).", api: false) }
        return Reply(contentType: type, body: Array(data))
    }

    /// `/sets/{id}/charts/{name}`: a chart SVG, gnuplot script or data file made for this set.
    public func chartFile(_ id: String, _ name: String) -> Reply {
        guard let entry = catalog.set(id: id) else { return .notFound("No result set '\(id)'.", api: false) }
        let loaded = catalog.load(entry)
        guard let file = loaded.file else { return .notFound("\(id) is unreadable.", api: false) }
        let view = sets.view(entry: entry, file: file)
        guard let path = view.chartFiles[name], let data = FileManager.default.contents(atPath: path) else {
            return .notFound("\(id) has no chart file '\(name)'.", api: false)
        }
        let type =
            name.hasSuffix(".svg")
            ? "image/svg+xml" : name.hasSuffix(".png") ? "image/png" : "text/plain; charset=utf-8"
        return Reply(contentType: type, body: Array(data))
    }
}
