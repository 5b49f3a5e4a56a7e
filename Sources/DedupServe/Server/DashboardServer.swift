import DedupReport
import Foundation
import Hummingbird

/// The HTTP server: Hummingbird routes GET requests to `Dashboard` handlers, which run on a
/// dispatch queue (they read files and may start gnuplot, which must not block Swift's small
/// cooperative thread pool). Scheduled experiments tick beside it and stop with it.
public final class DashboardServer: Sendable {
    public let options: ServeOptions
    public let dashboard: Dashboard
    private let stopping = StopFlag()

    public init(options: ServeOptions) {
        self.options = options
        let catalog = ResultCatalog(roots: options.resultRoots)
        let cache =
            options.cacheDirectory
            ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("dedupbench-serve-\(getpid())")
        let flag = stopping
        let scheduler =
            options.schedules.isEmpty
            ? nil
            : ExperimentScheduler(
                schedules: options.schedules, resultsRoot: options.resultRoots.first ?? "results",
                launcher: DedupbenchRunLauncher(executable: options.executable, shouldAbort: { flag.isSet }),
                now: (options.scheduleClock ?? options.clock)(), onChange: { catalog.invalidate() })
        dashboard = Dashboard(
            catalog: catalog, scheduler: scheduler,
            renderer: ResultSetViews(cacheDirectory: cache, gnuplot: options.gnuplot, resamples: options.resamples),
            clock: options.clock)
    }

    /// Serves until the task is cancelled or, with `handleSignals`, until SIGINT/SIGTERM; then kills
    /// a scheduled run still in flight. `onRunning` is called once the socket is listening.
    public func run(handleSignals: Bool = true, onRunning: @escaping @Sendable () async -> Void = {}) async throws {
        let app = Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "dedupbench"),
            onServerRunning: { _ in await onRunning() })
        let scheduler = dashboard.scheduler
        let clock = options.scheduleClock ?? options.clock
        let interval = options.scheduleInterval
        defer { stopping.set() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                if handleSignals { try await app.runService() } else { try await app.run() }
            }
            if let scheduler {
                group.addTask { await scheduler.run(clock: clock, interval: interval) }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        let d = dashboard
        let loopback = ServeOptions.isLoopback(options.host)
        let port = options.port
        func route(_ path: String, _ handler: @escaping @Sendable (Request, BasicRequestContext) -> Reply) {
            router.get(RouterPath(path)) { request, context -> Response in
                if loopback, !Self.allowedHost(request.head.authority, port: port) {
                    // A page on another site must not read this one through DNS rebinding.
                    return Self.response(.text("Host header not allowed: use http://127.0.0.1:\(port)/\n", status: 403))
                }
                let reply = await withCheckedContinuation { continuation in
                    DispatchQueue.global().async { continuation.resume(returning: handler(request, context)) }
                }
                return Self.response(reply)
            }
        }
        let p = Self.parameter
        let q = Self.query
        route("/") { _, _ in d.indexPage() }
        route("/sets/:set") { _, c in d.setPage(p(c, "set")) }
        route("/sets/:set/files/:name") { _, c in d.setFile(p(c, "set"), p(c, "name")) }
        route("/sets/:set/charts/:name") { _, c in d.chartFile(p(c, "set"), p(c, "name")) }
        route("/sets/:set/progress") { r, c in d.progressPage(p(c, "set"), fragment: q(r, "fragment") == "1") }
        route("/sets/:set/runs/:run") { _, c in d.runPage(p(c, "set"), p(c, "run")) }
        route("/sets/:set/runs/:run/tables/:table") { _, c in d.tablePage(p(c, "set"), p(c, "run"), p(c, "table")) }
        route("/compare") { r, _ in
            d.comparePage(baseline: q(r, "baseline"), candidate: q(r, "candidate"), threshold: q(r, "threshold"))
        }
        route("/schedules") { _, _ in d.schedulesPage() }
        route("/api") { _, _ in d.apiIndex() }
        route("/api/sets") { _, _ in d.apiSets() }
        route("/api/sets/:set") { _, c in d.apiSet(p(c, "set")) }
        route("/api/sets/:set/runs") { _, c in d.apiRuns(p(c, "set")) }
        route("/api/sets/:set/runs/:run") { _, c in d.apiRun(p(c, "set"), p(c, "run")) }
        route("/api/sets/:set/progress") { _, c in d.apiProgress(p(c, "set")) }
        route("/api/compare") { r, _ in
            d.apiCompare(
                baseline: q(r, "baseline"), candidate: q(r, "candidate"), threshold: q(r, "threshold"),
                format: q(r, "format"))
        }
        route("/api/schedules") { _, _ in d.apiSchedules() }
        return router
    }

    /// A path parameter, percent-decoded (so `..%2f` is compared as `../`, and never matches an id).
    @Sendable static func parameter(_ c: BasicRequestContext, _ name: String) -> String {
        let raw = c.parameters.get(name) ?? ""
        return raw.removingPercentEncoding ?? raw
    }

    @Sendable static func query(_ r: Request, _ name: String) -> String? {
        r.uri.queryParameters.get(name).map { String($0).removingPercentEncoding ?? String($0) }
    }

    static func allowedHost(_ header: String?, port: Int) -> Bool {
        guard let header else { return true }  // HTTP/1.0 clients send none
        let name =
            header.hasPrefix("[")
            ? String(header.prefix { $0 != "]" }) + "]"
            : String(header.split(separator: ":").first ?? "")
        return ["127.0.0.1", "localhost", "[::1]"].contains(name.lowercased())
    }

    static func response(_ reply: Reply) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = reply.contentType
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        // Pages load nothing from other origins; inline styles, the progress script and SVG only.
        headers[.init("Content-Security-Policy")!] =
            "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; base-uri 'none'"
        return Response(
            status: .init(code: reply.status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}

/// Set once when the server stops (scheduled children are killed then).
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
