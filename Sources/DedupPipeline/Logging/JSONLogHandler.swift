import DedupFormats
import Foundation
import Logging

/// `logging.structured: true` (the seed's `prefect.logging.structured`): one JSON object per log
/// record on stderr, keys `ts` (ISO-8601 UTC, µs), `level`, `logger`, `message`, then the
/// record's metadata (strings), so a log shipper can parse every line.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let label: String
    let write: @Sendable (String) -> Void

    public init(label: String, level: Logger.Level, write: @escaping @Sendable (String) -> Void = JSONLogHandler.stderr)
    {
        self.label = label
        logLevel = level
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = metadataProvider?.get() { merged.merge(extra) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        write(Self.line(level: event.level, label: label, message: "\(event.message)", metadata: merged, at: Date()))
    }

    /// The JSON line for one record (no trailing newline); metadata keys sorted.
    public static func line(
        level: Logger.Level, label: String, message: String, metadata: Logger.Metadata, at date: Date
    ) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1e6).rounded(.down))
        var fields: [(String, JSONValue)] = [
            ("ts", .string(Timestamp.formatISO8601(micros: micros))), ("level", .string(level.rawValue)),
            ("logger", .string(label)), ("message", .string(message)),
        ]
        for key in metadata.keys.sorted() where !["ts", "level", "logger", "message"].contains(key) {
            fields.append((key, .string("\(metadata[key]!)")))
        }
        return JSONValue.object(fields).serialized
    }

    @Sendable public static func stderr(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
