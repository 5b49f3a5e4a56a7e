import DedupYAML

/// `maintenance:` — table maintenance run inside each strategy's run, timed as its own phase
/// (`maintenance_s`) with its requests and bytes counted, so its cost is part of the strategy's.
///
/// ```yaml
/// maintenance: {optimize_every: 5, vacuum_after: true, retain_hours: 0}
/// ```
public struct MaintenanceSettings: Sendable, Equatable {
    /// OPTIMIZE (bin-packing) after every N micro-batches; 0 = never.
    public var optimizeEvery: Int
    /// VACUUM once after the last batch.
    public var vacuumAfter: Bool
    /// Vacuum retention in hours (Delta's default is 168; 0 deletes every file the newest
    /// version does not need, which ends time travel to older versions).
    public var retainHours: Double
    /// OPTIMIZE target file size in bytes (nil = delta-rs's 100 MiB default).
    public var targetFileSize: Int?

    public init(
        optimizeEvery: Int = 0, vacuumAfter: Bool = false, retainHours: Double = 168, targetFileSize: Int? = nil
    ) {
        self.optimizeEvery = optimizeEvery
        self.vacuumAfter = vacuumAfter
        self.retainHours = retainHours
        self.targetFileSize = targetFileSize
    }

    /// Whether any maintenance runs.
    public var isEnabled: Bool { optimizeEvery > 0 || vacuumAfter }

    static let keys = ["optimize_every", "vacuum_after", "retain_hours", "target_file_size"]

    static func decode(_ r: YAMLReader) throws -> MaintenanceSettings {
        var s = MaintenanceSettings()
        let m = try r.mapping(allowed: keys)
        if let v = m["optimize_every"] { s.optimizeEvery = try v.int(in: 0...100_000) }
        if let v = m["vacuum_after"] { s.vacuumAfter = try v.bool() }
        if let v = m["retain_hours"] { s.retainHours = try v.double(in: 0...1_000_000) }
        if let v = m["target_file_size"] { s.targetFileSize = try v.byteSize(in: 1024...(1 << 40)) }
        return s
    }
}
