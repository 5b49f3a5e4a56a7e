import Foundation

extension Dashboard {
    /// `/schedules`: each scheduled experiment, its cron expression, next fire time, the command it
    /// launches and its recent outcomes.
    public func schedulesPage() -> Reply {
        guard let scheduler else {
            return .html(
                HTML.page(
                    title: "Schedules",
                    body: "<p class=\"muted\">No schedule: start the server with "
                        + "<code>dedupbench serve --experiment FILE --cron \"0 */6 * * *\"</code> to run an experiment on a schedule.</p>"
                ))
        }
        var body =
            "<p class=\"muted\">Times are UTC. Each firing runs <code>dedupbench run FILE --results DIR</code> as a child "
            + "process into a new folder under <code>\(HTML.escape(scheduler.resultsRoot))</code>; a firing while the previous "
            + "run of the same experiment is still going is skipped.</p>\n"
        let status = scheduler.status()
        body += schedulesTable(status)
        for s in status where !s.outcomes.isEmpty {
            body += "<h2>\(HTML.escape(s.schedule.experimentName)) (\(HTML.escape(s.schedule.cron.text)))</h2>\n"
            body += HTML.table(
                ["scheduled for", "started", "finished", "status", "results", "message"],
                s.outcomes.reversed().map { o in
                    [
                        Dashboard.iso(o.scheduledFor), Dashboard.iso(o.started), Dashboard.iso(o.finished),
                        "<span class=\"\(Dashboard.statusClass(o.status))\">\(o.status)</span>",
                        o.resultsDirectory.map { setLink(forDirectory: $0) } ?? "—", HTML.escape(o.message),
                    ]
                }, id: "outcomes-\(s.index)")
        }
        return .html(HTML.page(title: "Schedules", body: body))
    }

    func schedulesTable(_ status: [ScheduleStatus]) -> String {
        HTML.table(
            ["experiment", "file", "cron (UTC)", "next run", "last outcome", "last results"],
            status.map { s in
                [
                    HTML.escape(s.schedule.experimentName), "<code>\(HTML.escape(s.schedule.experimentFile))</code>",
                    "<code>\(HTML.escape(s.schedule.cron.text))</code>",
                    s.nextFire.map { Dashboard.iso($0) } ?? "never",
                    s.last.map { "<span class=\"\(Dashboard.statusClass($0.status))\">\($0.status)</span>" }
                        ?? "not run yet",
                    s.last?.resultsDirectory.map { setLink(forDirectory: $0) } ?? "—",
                ]
            }, id: "schedules")
    }

    /// A link to the set in `directory` once the catalog has it, else the folder as text.
    func setLink(forDirectory directory: String) -> String {
        let absolute = ResultCatalog.absolute(directory)
        if let e = catalog.sets(now: clock()).first(where: { $0.directory == absolute }) {
            return "<a href=\"/sets/\(HTML.urlComponent(e.id))\">\(HTML.escape(e.id))</a>"
        }
        return "<code>\(HTML.escape(directory))</code>"
    }

    static func outcomeJSON(_ o: ScheduleOutcome) -> JSON {
        .object([
            ("status", .string(o.status)), ("scheduled_for", .string(iso(o.scheduledFor))),
            ("started", o.started.map { .string(iso($0)) } ?? .null),
            ("finished", o.finished.map { .string(iso($0)) } ?? .null),
            ("results_directory", o.resultsDirectory.map(JSON.string) ?? .null),
            ("exit_code", o.exitCode.map { .number(String($0)) } ?? .null), ("message", .string(o.message)),
        ])
    }
}
