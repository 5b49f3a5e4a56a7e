import DedupFormats
import DedupYAML
import Foundation

/// The volume an experiment's results are projected to in the report's "Cost at your volume"
/// section: the `volume:` section of an experiment file, recorded in the manifest
/// (`experiment.volume`). Every field is optional; `dedupbench report` takes a field from its
/// command line first, then from here, then from its built-in default, and says which.
///
/// ```yaml
/// volume:
///   events_per_day: 100M       # unique events per day: a number, or k/M/G/B suffixed text (> 0)
///   duplicate_rate: 0.1        # duplicates per unique event, 0…10 (deliveries = events × (1 + rate))
///   retention_days: 30         # days of data the live table keeps (> 0)
///   batch_interval_s: 300      # seconds between micro-batches (> 0)
///   vacuum_retention_days: 7   # days a file a merge removed stays billed until vacuum (≥ 0)
/// ```
public struct VolumeSpec: Sendable, Equatable, Codable {
    public var eventsPerDay: Double?
    public var duplicateRate: Double?
    public var retentionDays: Double?
    public var batchIntervalSeconds: Double?
    public var vacuumRetentionDays: Double?
    /// Where each field was written: YAML key (`events_per_day`, …) → line in the experiment file.
    public var lines: [String: Int]

    /// The keys of the section, in documentation order.
    public static let keys = [
        "events_per_day", "duplicate_rate", "retention_days", "batch_interval_s", "vacuum_retention_days",
    ]

    public init(
        eventsPerDay: Double? = nil, duplicateRate: Double? = nil, retentionDays: Double? = nil,
        batchIntervalSeconds: Double? = nil, vacuumRetentionDays: Double? = nil, lines: [String: Int] = [:]
    ) {
        self.eventsPerDay = eventsPerDay
        self.duplicateRate = duplicateRate
        self.retentionDays = retentionDays
        self.batchIntervalSeconds = batchIntervalSeconds
        self.vacuumRetentionDays = vacuumRetentionDays
        self.lines = lines
    }

    enum CodingKeys: String, CodingKey {
        case eventsPerDay = "events_per_day"
        case duplicateRate = "duplicate_rate"
        case retentionDays = "retention_days"
        case batchIntervalSeconds = "batch_interval_s"
        case vacuumRetentionDays = "vacuum_retention_days"
        case lines
    }

    /// The value of one field by its YAML key (nil when unset or unknown).
    public subscript(key: String) -> Double? {
        switch key {
        case "events_per_day": eventsPerDay
        case "duplicate_rate": duplicateRate
        case "retention_days": retentionDays
        case "batch_interval_s": batchIntervalSeconds
        case "vacuum_retention_days": vacuumRetentionDays
        default: nil
        }
    }

    /// The rule each field must meet: what error messages say is expected, and the test.
    static func rule(_ key: String) -> (expected: String, accepts: (Double) -> Bool)? {
        switch key {
        case "events_per_day": ("a positive number of unique events per day, e.g. 100000000 or 100M", { $0 > 0 })
        case "duplicate_rate": ("a number from 0 to 10 (0.1 = 10% duplicates)", { (0...10).contains($0) })
        case "retention_days": ("a number of days > 0", { $0 > 0 })
        case "batch_interval_s": ("a number of seconds > 0", { $0 > 0 })
        case "vacuum_retention_days": ("a number of days ≥ 0", { $0 >= 0 })
        default: nil
        }
    }

    /// Checks one value against its key's rule; the expected text when it fails (for flags).
    public static func check(_ key: String, _ value: Double) -> String? {
        guard let check = rule(key) else { return "one of: \(keys.joined(separator: ", "))" }
        return value.isFinite && check.accepts(value) ? nil : check.expected
    }

    /// "100M" → 1e8, "2.5k" → 2500, "1G"/"1B" → 1e9, "100_000_000" → 1e8; nil when not a number.
    public static func parseCount(_ text: String) -> Double? {
        let multipliers: [Character: Double] = ["k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "B": 1e9]
        var digits = Substring(text)
        var factor = 1.0
        if let last = digits.last, let m = multipliers[last] {
            factor = m
            digits = digits.dropLast()
        }
        guard let plain = YAMLScalar.withoutSeparators(String(digits)), !plain.isEmpty,
            plain.allSatisfy({ $0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-" }),
            let v = Double(plain), v.isFinite
        else { return nil }
        return v * factor
    }

    /// Parses the `volume:` mapping of an experiment file: known keys only, each value checked.
    static func parse(_ r: SpecReader, _ node: YAMLNode) throws(SpecError) -> VolumeSpec {
        let pairs = try r.mapping(node, "volume")
        try r.checkKeys(pairs, allowed: keys, prefix: "volume")
        var v = VolumeSpec()
        for pair in pairs {
            let key = "volume.\(pair.key)"
            let expected = rule(pair.key)!.expected
            let accepts = rule(pair.key)!.accepts
            let value: Double
            if pair.key == "events_per_day", case .scalar(let text, let quoted) = pair.value.kind,
                case .string = YAMLScalar.resolve(text, quoted: quoted)
            {
                guard let n = parseCount(text) else { throw r.mismatch(pair.value, key, expected: expected) }
                value = n
            } else {
                value = try r.number(pair.value, key, expected: expected)
            }
            guard value.isFinite, accepts(value) else { throw r.mismatch(pair.value, key, expected: expected) }
            switch pair.key {
            case "events_per_day": v.eventsPerDay = value
            case "duplicate_rate": v.duplicateRate = value
            case "retention_days": v.retentionDays = value
            case "batch_interval_s": v.batchIntervalSeconds = value
            default: v.vacuumRetentionDays = value
            }
            v.lines[pair.key] = pair.keyNode.origin.line ?? 0
        }
        return v
    }

    /// The experiment name and `volume:` section of an experiment file, read without the rest of
    /// the spec (for reports on results recorded before the manifest carried the volume). The
    /// section is validated exactly as `ExperimentSpec.load` does; a missing file is `SpecError`.
    public static func load(experimentFile path: String) throws(SpecError) -> (name: String?, volume: VolumeSpec?) {
        let (r, root, _) = try SpecReader.load(path: path)
        let pairs = try r.mapping(root, "")
        let name = pairs.first { $0.key == "name" }.flatMap { try? r.string($0.value, "name") }
        guard let node = pairs.first(where: { $0.key == "volume" })?.value else { return (name, nil) }
        return (name, try parse(r, node))
    }
}
