#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How many records a run can hold, estimated before anything is allocated, so an oversized
/// `--scale` (or `lake bench --rows`) is refused with the estimate and the limit (exit 2) instead
/// of dying in the allocator.
///
/// The estimate is the measured worst case per record plus a fixed base: the published results peak
/// at 603 bytes/record all included (eager_dedup, 1M, dup-sweep; about 570 without the process's
/// ~35 MB base) and 412 at 10M, so 600 bytes/record + 64 MiB bounds every published run. The limit is the physical memory, or the cgroup's
/// `memory.max` when that is lower; `DEDUPBENCH_MEMORY_LIMIT` (bytes) overrides it (tests, or a
/// machine shared with other work).
public enum MemoryBudget {
    public static let bytesPerRecord = 600
    public static let baseBytes = 64 << 20

    /// Estimated peak bytes for `records` records (saturating, never wraps).
    public static func estimate(records: Int) -> Int {
        let (perRecord, o1) = max(0, records).multipliedReportingOverflow(by: bytesPerRecord)
        let (total, o2) = perRecord.addingReportingOverflow(baseBytes)
        return o1 || o2 ? Int.max : total
    }

    /// The memory a run may use, in bytes.
    public static func limit(environment: [String: String]? = nil) -> Int {
        let env = environment ?? currentEnvironment()
        if let text = env["DEDUPBENCH_MEMORY_LIMIT"], let v = Int(text), v > 0 { return v }
        var limit = Int(sysconf(Int32(_SC_PHYS_PAGES))) &* Int(sysconf(Int32(_SC_PAGESIZE)))
        if limit <= 0 { limit = Int.max }
        if let cgroup = cgroupLimit(), cgroup < limit { limit = cgroup }
        return limit
    }

    /// The most records `limit` holds.
    public static func maxRecords(limit: Int) -> Int { max(0, (limit - baseBytes) / bytesPerRecord) }

    /// nil when `records` fits, else a sentence with the estimate and the limit.
    public static func problem(records: Int, limit: Int = MemoryBudget.limit()) -> String? {
        let need = estimate(records: records)
        guard need > limit else { return nil }
        return "\(records) records need an estimated \(gib(need)) of memory (\(bytesPerRecord) bytes per record + "
            + "64 MiB), more than the \(gib(limit)) this machine allows (at most \(maxRecords(limit: limit)) records; "
            + "DEDUPBENCH_MEMORY_LIMIT overrides the limit)"
    }

    static func gib(_ bytes: Int) -> String {
        let g = Double(bytes) / Double(1 << 30)
        return g >= 1e6 ? "\(Int(g)) GiB" : "\(Double(Int(g * 10)) / 10) GiB"
    }

    static func cgroupLimit() -> Int? {
        guard let f = fopen("/sys/fs/cgroup/memory.max", "r") else { return nil }
        defer { fclose(f) }
        var buf = [CChar](repeating: 0, count: 64)
        guard fgets(&buf, Int32(buf.count), f) != nil else { return nil }
        let text = String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Int(text.trimmingNewline)
    }

    static func currentEnvironment() -> [String: String] {
        var out: [String: String] = [:]
        if let v = getenv("DEDUPBENCH_MEMORY_LIMIT") { out["DEDUPBENCH_MEMORY_LIMIT"] = String(cString: v) }
        return out
    }
}

extension String {
    fileprivate var trimmingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
