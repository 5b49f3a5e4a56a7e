import DedupReport
import Foundation

/// The JSON API under `/api/` (docs/SERVE.md). Run objects use the results.csv column names.
extension Dashboard {
    func setJSON(_ e: ResultSetEntry, now: Date) -> JSON {
        func str(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
        return .object([
            ("id", .string(e.id)), ("experiment", .string(e.experiment)), ("directory", .string(e.directory)),
            ("state", .string(e.state(now: now, staleAfter: catalog.staleAfter))),
            ("machine", str(e.machine)), ("host", str(e.host)), ("commit", str(e.commit)),
            ("dirty", e.dirty.map(JSON.bool) ?? .null), ("started", str(e.started)), ("finished", str(e.finished)),
            ("runs", .number(String(e.runs))), ("ok", .number(String(e.ok))), ("failed", .number(String(e.failed))),
            ("timeout", .number(String(e.timedOut))), ("planned", e.planned.map { .number(String($0)) } ?? .null),
            ("error", str(e.loadError)),
            (
                "links",
                .object([
                    ("page", .string("/sets/\(HTML.urlComponent(e.id))")),
                    ("runs", .string("/api/sets/\(HTML.urlComponent(e.id))/runs")),
                    ("progress", .string("/api/sets/\(HTML.urlComponent(e.id))/progress")),
                    ("results_csv", .string("/sets/\(HTML.urlComponent(e.id))/files/results.csv")),
                    ("manifest", .string("/sets/\(HTML.urlComponent(e.id))/files/manifest.json")),
                ])
            ),
        ])
    }

    /// `GET /api/`: the routes.
    public func apiIndex() -> Reply {
        .json(
            .object([
                ("format", .string("dedupbench-serve/1")),
                (
                    "routes",
                    .array(
                        [
                            "/api/sets", "/api/sets/{id}", "/api/sets/{id}/runs", "/api/sets/{id}/runs/{run_id}",
                            "/api/sets/{id}/progress",
                            "/api/compare?baseline={id}&candidate={id}[&threshold=10%][&format=markdown]",
                            "/api/schedules",
                        ].map(JSON.string))
                ),
            ]))
    }

    /// `GET /api/sets`.
    public func apiSets() -> Reply {
        let now = clock()
        return .json(.object([("sets", .array(catalog.sets(now: now).map { setJSON($0, now: now) }))]))
    }

    /// `GET /api/sets/{id}`: the summary, retry policy and manifest.
    public func apiSet(_ id: String) -> Reply {
        switch lookup(id, api: true) {
        case .failure(let e): return e.reply
        case .success(let (entry, file)):
            guard case .object(var members) = setJSON(entry, now: clock()) else { return .json(.null) }
            let policy = retryPolicy(file)
            members.append(
                (
                    "retry_policy",
                    .object([
                        ("retries", policy.retries.map { .number(String($0)) } ?? .null),
                        ("retry_backoff_s", policy.backoff.map { .number(NumberFormat.shortest($0)) } ?? .null),
                        ("timeout_s", policy.timeout.map { .number(NumberFormat.shortest($0)) } ?? .null),
                        ("text", .string(policy.text)),
                    ])
                ))
            members.append(("columns", .array(file.table.columns.map(JSON.string))))
            members.append(("manifest", file.manifest?.json ?? .null))
            return .json(.object(members))
        }
    }

    /// `GET /api/sets/{id}/runs`: every row, keyed by column name.
    public func apiRuns(_ id: String) -> Reply {
        switch lookup(id, api: true) {
        case .failure(let e): return e.reply
        case .success(let (_, file)):
            return .json(
                .object([
                    ("id", .string(id)), ("runs", .array(file.table.rows.map { Dashboard.runJSON(file.table, $0) })),
                ]))
        }
    }

    /// `GET /api/sets/{id}/runs/{run_id}`.
    public func apiRun(_ id: String, _ runId: String) -> Reply {
        switch lookup(id, api: true) {
        case .failure(let e): return e.reply
        case .success(let (entry, file)):
            guard let row = run(file, runId) else { return .notFound("\(id) has no run '\(runId)'", api: true) }
            guard case .object(var members) = Dashboard.runJSON(file.table, row) else { return .json(.null) }
            members.append(("tables", .array(keptTables(entry, runId).keys.sorted().map(JSON.string))))
            return .json(.object(members))
        }
    }

    /// `GET /api/sets/{id}/progress`.
    public func apiProgress(_ id: String) -> Reply {
        switch lookup(id, api: true) {
        case .failure(let e): return e.reply
        case .success(let (entry, file)): return .json(Dashboard.progressJSON(progress(entry, file), id: entry.id))
        }
    }

    /// `GET /api/compare?baseline=&candidate=[&threshold=][&format=markdown]`: `dedupbench compare --format json`.
    public func apiCompare(baseline: String?, candidate: String?, threshold: String?, format: String?) -> Reply {
        switch comparison(baseline: baseline, candidate: candidate, threshold: threshold, api: true) {
        case .failure(let e): return e.reply
        case .success(let c):
            if format == "markdown" { return .text(c.markdown(), contentType: "text/markdown; charset=utf-8") }
            return Reply(contentType: "application/json; charset=utf-8", body: Array(c.json().utf8))
        }
    }

    /// `GET /api/schedules`.
    public func apiSchedules() -> Reply {
        let status = scheduler?.status() ?? []
        return .json(
            .object([
                (
                    "schedules",
                    .array(
                        status.map { s in
                            .object([
                                ("experiment", .string(s.schedule.experimentName)),
                                ("file", .string(s.schedule.experimentFile)),
                                ("cron", .string(s.schedule.cron.text)),
                                ("next_fire", s.nextFire.map { .string(Dashboard.iso($0)) } ?? .null),
                                ("last", s.last.map(Dashboard.outcomeJSON) ?? .null),
                                ("outcomes", .array(s.outcomes.map(Dashboard.outcomeJSON))),
                            ])
                        })
                )
            ]))
    }
}
