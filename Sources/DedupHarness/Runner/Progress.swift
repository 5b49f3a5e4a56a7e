import DedupPipeline
import Foundation

/// Progress on stderr: on a terminal, one line redrawn in place (bar, counts, elapsed, ETA, the
/// current cell) that always fits the terminal's width, read again at every redraw so a resize is
/// followed; otherwise one plain log line per finished run, with elapsed time and ETA too.
/// Statuses are coloured on a terminal unless `NO_COLOR` is set (https://no-color.org) or the
/// caller turns colour off (`--no-color`).
final class Progress: @unchecked Sendable {
    enum Style: Sendable { case bar, lines, quiet }

    private let style: Style
    private let total: Int
    private let color: Bool
    private let width: @Sendable () -> Int
    private let lock = NSLock()
    private let start = Monotonic.now()
    private var done = 0
    private var current = ""
    private let sink: @Sendable (String) -> Void

    /// - Parameters:
    ///   - color: nil = automatic (stderr is a terminal and `NO_COLOR` is unset).
    ///   - width: columns available; default: the terminal's (`TIOCGWINSZ`), else `COLUMNS`, else 80.
    ///   - sink: where text goes (default: stderr, one `write(2)` per call).
    init(total: Int, style: Style, color: Bool? = nil, width: (@Sendable () -> Int)? = nil,
         sink: (@Sendable (String) -> Void)? = nil) {
        self.total = total
        self.style = style
        self.color = color ?? Self.autoColor()
        self.width = width ?? { Progress.terminalWidth() }
        self.sink = sink ?? { text in _ = text.withCString { write(2, $0, strlen($0)) } }
    }

    static func autoStyle() -> Style { isatty(2) == 1 ? .bar : .lines }

    static func autoColor(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        isatty(2) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// The width of the terminal on stderr (or stdout), else `COLUMNS`, else 80.
    static func terminalWidth(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        var size = winsize()
        for fd in [Int32(2), 1] where ioctl(fd, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 80
    }

    func started(_ run: PlannedRun) {
        lock.lock()
        defer { lock.unlock() }
        current = Self.describe(run)
        if style == .bar { draw() }
    }

    func finished(_ run: PlannedRun, status: String, seconds: Double, attempts: Int, error: String = "") {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let firstLine = error.split(separator: "\n").first.map(String.init) ?? ""
        let reason = firstLine.isEmpty ? "" : "  \(run.runID) \(paint(status)): \(firstLine)\n"
        switch style {
        case .bar:
            if !reason.isEmpty { sink("\r\u{1B}[2K" + reason) }
            draw()
        case .lines:
            let retry = attempts > 1 ? " attempts=\(attempts)" : ""
            sink("[\(done)/\(total)] \(paint(status)) \(String(format: "%.2f", seconds))s\(retry) "
                + "elapsed \(Self.duration(elapsed())) ETA \(eta())  \(Self.describe(run))\n" + reason)
        case .quiet: break
        }
    }

    /// A diagnostic line that does not garble the bar.
    func message(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        guard style != .quiet else { return }
        if style == .bar { sink("\r\u{1B}[2K") }
        sink(text + "\n")
        if style == .bar, done > 0 || !current.isEmpty { draw() }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if style == .bar { sink("\r\u{1B}[2K") }
    }

    private func elapsed() -> Double { Monotonic.now() - start }

    private func eta() -> String {
        guard done > 0 else { return "--" }
        return Self.duration(elapsed() / Double(done) * Double(total - done))
    }

    /// The bar line for `columns` columns: never wider than `columns - 1`, so the terminal never
    /// wraps it (a wrapped line cannot be redrawn with `\r` and would scroll).
    func line(columns: Int) -> String {
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let counts = "\(done)/\(total) \(Int(fraction * 100))%"
        let times = "\(Self.duration(elapsed())) ETA \(eta())"
        let budget = max(10, columns - 1)
        // The bar shrinks first, then the cell description, then the times.
        let barWidth = max(0, min(30, budget - counts.count - times.count - 6 - 20))
        let filled = Int(fraction * Double(barWidth))
        var line = barWidth >= 5
            ? "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "] " : ""
        line += counts + " " + times
        if line.count + 2 < budget { line += "  " + current }
        return line.count > budget ? String(line.prefix(budget - 1)) + "…" : line
    }

    private func draw() { sink("\r\u{1B}[2K" + line(columns: width())) }

    private func paint(_ status: String) -> String {
        guard color else { return status }
        let code: String
        switch status {
        case "ok": code = "32"
        case "failed": code = "31"
        case "timeout", "warmup": code = status == "timeout" ? "33" : "2"
        default: return status
        }
        return "\u{1B}[\(code)m\(status)\u{1B}[0m"
    }

    static func describe(_ run: PlannedRun) -> String {
        let which = run.isWarmup ? "warmup \(run.repeatIndex + 1)" : "repeat \(run.repeatIndex + 1)"
        return "\(run.cell.id) \(which): \(run.cell.label)"
    }

    static func duration(_ s: Double) -> String {
        let t = Int(s.rounded())
        if t >= 3600 { return "\(t / 3600)h\(String(format: "%02d", (t % 3600) / 60))m" }
        if t >= 60 { return "\(t / 60)m\(String(format: "%02d", t % 60))s" }
        return "\(t)s"
    }
}
