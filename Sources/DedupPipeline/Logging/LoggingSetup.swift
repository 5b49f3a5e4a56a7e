import Foundation
import Logging

/// Process-wide logging through swift-log, to stderr. The level comes from an explicit override
/// (`--log-level`, or the config's `logging.level`), else `LOG_LEVEL` (the seed's `.envrc` uses
/// INFO), else `info`. `structured` writes JSON lines (`JSONLogHandler`) instead of text.
public enum LoggingSetup {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var bootstrapped = false

    /// Accepted level names (case-insensitive; Python's WARNING/CRITICAL spellings included).
    public static let levelNames = ["trace", "debug", "info", "notice", "warning", "warn", "error", "critical"]

    public static func level(named name: String) -> Logger.Level? {
        switch name.lowercased() {
        case "warn": .warning
        case "fatal": .critical
        default: Logger.Level(rawValue: name.lowercased())
        }
    }

    /// The level `bootstrap` would use.
    public static func resolveLevel(
        _ explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Logger.Level {
        explicit.flatMap(level(named:)) ?? environment["LOG_LEVEL"].flatMap(level(named:)) ?? .info
    }

    /// Installs the stderr handler once per process (later calls only change nothing and return
    /// the level in force). Returns the level used.
    @discardableResult
    public static func bootstrap(level explicit: String? = nil, structured: Bool = false) -> Logger.Level {
        let level = resolveLevel(explicit)
        lock.lock()
        defer { lock.unlock() }
        if !bootstrapped {
            bootstrapped = true
            LoggingSystem.bootstrap { label in
                if structured { return JSONLogHandler(label: label, level: level) }
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
        return level
    }

    /// A logger for the pipeline's components.
    public static func logger(_ label: String) -> Logger { Logger(label: "dedupbench.\(label)") }
}
