/// When to write checkpoints and which tombstones they keep, from the table properties
/// (PROTOCOL.md, "Table Properties"; defaults as in Delta Spark's DeltaConfigs):
/// `delta.checkpointInterval` (default 10: a checkpoint after every version divisible by it) and
/// `delta.deletedFileRetentionDuration` (default `interval 1 week`: removes younger than that stay
/// in checkpoints as tombstones for VACUUM).
public struct CheckpointPolicy: Sendable, Equatable {
    public static let intervalKey = "delta.checkpointInterval"
    public static let retentionKey = "delta.deletedFileRetentionDuration"

    public var interval: Int
    /// Tombstone retention in milliseconds.
    public var tombstoneRetentionMillis: Int64

    public init(interval: Int = 10, tombstoneRetentionMillis: Int64 = 7 * 86_400_000) {
        self.interval = interval
        self.tombstoneRetentionMillis = tombstoneRetentionMillis
    }

    /// The policy of a table; a malformed property is an `.invalidInput` error naming it.
    public init(configuration: [String: String]) throws(DeltaError) {
        self.init()
        if let raw = configuration[Self.intervalKey] {
            guard let n = Int(raw.trimmingSpaces), n > 0 else {
                throw DeltaError(.invalidInput, "\(Self.intervalKey) is '\(raw)'; expected a positive integer")
            }
            interval = n
        }
        if let raw = configuration[Self.retentionKey] {
            guard let ms = Self.intervalMillis(raw) else {
                throw DeltaError(
                    .invalidInput,
                    "\(Self.retentionKey) is '\(raw)'; expected an interval such as 'interval 1 week' or 'interval 168 hours'"
                )
            }
            tombstoneRetentionMillis = ms
        }
    }

    /// Whether committing `version` should be followed by a checkpoint (never for version 0).
    public func isDue(_ version: Int) -> Bool { version > 0 && version % interval == 0 }

    /// Parses Spark's calendar-interval text `interval <n> <unit>` (units from nanoseconds to
    /// weeks, singular or plural, case-insensitive; several `<n> <unit>` pairs add up).
    static func intervalMillis(_ text: String) -> Int64? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.first == "interval", words.count >= 3, (words.count - 1) % 2 == 0 else { return nil }
        var total: Double = 0
        var i = 1
        while i < words.count {
            guard let n = Double(words[i]), n >= 0 else { return nil }
            var unit = String(words[i + 1])
            if unit.hasSuffix("s") { unit.removeLast() }
            let ms: Double
            switch unit {
            case "nanosecond": ms = 1e-6
            case "microsecond": ms = 1e-3
            case "millisecond": ms = 1
            case "second": ms = 1000
            case "minute": ms = 60_000
            case "hour": ms = 3_600_000
            case "day": ms = 86_400_000
            case "week": ms = 604_800_000
            default: return nil
            }
            total += n * ms
            i += 2
        }
        return total < 9e18 ? Int64(total) : nil
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
