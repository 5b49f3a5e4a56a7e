import DedupPipeline
import Foundation

/// Progress on stderr: on a terminal, one redrawn line with a bar, counts, ETA and the current
/// cell; otherwise one plain log line per finished run.
final class Progress: @unchecked Sendable {
    enum Style: Sendable { case bar, lines, quiet }

    private let style: Style
    private let total: Int
    private let lock = NSLock()
    private let start = Monotonic.now()
    private var done = 0
    private var current = ""
    private var lastDraw = 0.0

    init(total: Int, style: Style) {
        self.total = total
        self.style = style
    }

    static func autoStyle() -> Style { isatty(2) == 1 ? .bar : .lines }

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
        let reason = error.isEmpty ? "" : "  \(run.runID) \(status): \(error.split(separator: "\n").first ?? "")\n"
        switch style {
        case .bar:
            if !reason.isEmpty { emit("\r\u{1B}[2K" + reason) }
            draw()
        case .lines:
            let retry = attempts > 1 ? " attempts=\(attempts)" : ""
            emit(
                "[\(done)/\(total)] \(status) \(String(format: "%.2f", seconds))s\(retry) \(Self.describe(run))\n"
                    + reason)
        case .quiet: break
        }
    }

    /// A diagnostic line that does not garble the bar.
    func message(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        guard style != .quiet else { return }
        if style == .bar { emit("\r\u{1B}[2K") }
        emit(text + "\n")
        if style == .bar, done > 0 || !current.isEmpty { draw() }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if style == .bar { emit("\r\u{1B}[2K") }
    }

    private func draw() {
        let width = 24
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let eta: String
        if done == 0 {
            eta = "--"
        } else {
            let perRun = (Monotonic.now() - start) / Double(done)
            eta = Self.duration(perRun * Double(total - done))
        }
        var line = "[\(bar)] \(done)/\(total) \(Int(fraction * 100))% ETA \(eta)  \(current)"
        if line.count > 160 { line = String(line.prefix(159)) + "…" }
        emit("\r\u{1B}[2K" + line)
    }

    private func emit(_ text: String) {
        _ = text.withCString { write(2, $0, strlen($0)) }
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
