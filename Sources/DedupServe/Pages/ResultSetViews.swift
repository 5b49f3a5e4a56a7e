import DedupReport
import Foundation

/// The report part of a result-set page, made by the report library (no second renderer here):
/// `HTMLReport.renderBody` for the tables, findings and inline SVG charts, and
/// `PerformanceReport.write` (without gnuplot) into a private cache folder for the gnuplot scripts
/// and data files the page links to. Both are cached per set until its results.csv or manifest changes.
public final class ResultSetViews: @unchecked Sendable {
    public struct View: Sendable {
        /// HTML to embed in the page (the report's scoped stylesheet included).
        public var html: String
        /// Downloadable chart files by name (`*.gp`, `*.dat`) → absolute path in the cache.
        public var chartFiles: [String: String]
    }

    /// A private folder for chart sources (outside the served results folders).
    public let cacheDirectory: String
    public let gnuplot: GnuplotRunner?
    /// Bootstrap resamples (the report's default is 10,000; fewer keeps first page loads quick).
    public let resamples: Int

    private let lock = NSLock()
    private var cache: [String: (stamp: String, view: View)] = [:]
    private var inFlight: [String: NSCondition] = [:]

    public init(cacheDirectory: String, gnuplot: GnuplotRunner?, resamples: Int = 2000) {
        self.cacheDirectory = cacheDirectory
        self.gnuplot = gnuplot
        self.resamples = resamples
    }

    /// The view of a set, rendered once per version of its files (concurrent requests wait for the
    /// one rendering instead of starting gnuplot again).
    func view(entry: ResultSetEntry, file: ResultFile) -> View {
        let stamp = ViewStamp.of(entry, file)
        lock.lock()
        while true {
            if let hit = cache[entry.id], hit.stamp == stamp {
                lock.unlock()
                return hit.view
            }
            if let waiting = inFlight[entry.id] {
                lock.unlock()
                waiting.lock()
                waiting.wait(until: Date().addingTimeInterval(0.05))
                waiting.unlock()
                lock.lock()
                continue
            }
            break
        }
        let condition = NSCondition()
        inFlight[entry.id] = condition
        lock.unlock()
        let view = render(entry: entry, file: file)
        lock.lock()
        cache[entry.id] = (stamp, view)
        inFlight[entry.id] = nil
        lock.unlock()
        condition.broadcast()
        return view
    }

    private func render(entry: ResultSetEntry, file: ResultFile) -> View {
        let folder = cacheDirectory + "/" + entry.id
        var chartFiles: [String: String] = [:]
        var notes = ""
        do {
            _ = try PerformanceReport.write(
                files: [file], to: folder + "/report.md",
                options: .init(title: entry.id, png: false, gnuplot: nil, resamples: resamples))
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder + "/charts")) ?? []
            where name.hasSuffix(".gp") || name.hasSuffix(".dat") {
                chartFiles[name] = folder + "/charts/" + name
            }
        } catch {
            notes += "<p class=\"note\">Chart sources could not be written: \(HTML.escape(error.description))</p>"
        }
        let report: String
        do {
            report = try HTMLReport.renderBody(
                files: [file],
                options: .init(title: entry.id, gnuplot: gnuplot, resamples: resamples, baseDirectory: entry.root))
        } catch {
            report = "<p class=\"failed\">The report could not be rendered: \(HTML.escape(error.description))</p>"
        }
        return View(html: "<style>\(HTMLReport.stylesheet)</style>\n" + notes + report, chartFiles: chartFiles)
    }
}

/// What identifies one version of a set's files (rows, results.csv time, manifest finish time).
enum ViewStamp {
    static func of(_ entry: ResultSetEntry, _ file: ResultFile) -> String {
        "\(file.table.rows.count)|\(entry.modified.timeIntervalSince1970)|\(entry.finished ?? "")"
    }
}

/// A small thread-safe cache that forgets the oldest entry past `limit`.
final class SmallCache<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(String, Value)] = []
    let limit: Int

    init(limit: Int) { self.limit = limit }

    func get(_ key: String) -> Value? { lock.withLock { items.first { $0.0 == key }?.1 } }

    func put(_ key: String, _ value: Value) {
        lock.withLock {
            items.removeAll { $0.0 == key }
            items.append((key, value))
            if items.count > limit { items.removeFirst(items.count - limit) }
        }
    }
}
