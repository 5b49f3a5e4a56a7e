#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Monotonic wall time and process resource usage, without Foundation.
public enum ResourceClock {
    /// Seconds on the monotonic clock (an arbitrary origin; use differences).
    @inline(__always)
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// User + system CPU seconds used by this process so far (all threads).
    public static func cpuSeconds() -> Double {
        var u = rusage()
        getrusage(rusageSelf, &u)
        return seconds(u.ru_utime) + seconds(u.ru_stime)
    }

    /// Peak resident set size of this process so far, bytes (`ru_maxrss`; KiB on Linux, bytes on macOS).
    public static func peakRSSBytes() -> Int {
        var u = rusage()
        getrusage(rusageSelf, &u)
        #if canImport(Darwin)
            return Int(u.ru_maxrss)
        #else
            return Int(u.ru_maxrss) * 1024
        #endif
    }

    #if canImport(Glibc)
        private static let rusageSelf = RUSAGE_SELF.rawValue
    #else
        private static let rusageSelf = RUSAGE_SELF
    #endif

    private static func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
}

/// Accumulates wall and CPU time per phase of a run. Only time spent inside `measure` counts, so
/// verification bookkeeping between phases stays out of `wall_s`.
public struct PhaseTimer: Sendable {
    public enum Phase: Int, Sendable, CaseIterable { case hash, dedup, write, other, maintenance }

    public private(set) var seconds: [Double] = Array(repeating: 0, count: Phase.allCases.count)
    public private(set) var cpuSeconds = 0.0

    public init() {}

    public subscript(_ p: Phase) -> Double { seconds[p.rawValue] }

    /// Sum of all phases.
    public var total: Double { seconds.reduce(0, +) }

    /// Runs `body`, charging its wall and CPU time to `phase`.
    public mutating func measure<R>(_ phase: Phase, _ body: () throws -> R) rethrows -> R {
        let c0 = ResourceClock.cpuSeconds()
        let t0 = ResourceClock.now()
        defer {
            seconds[phase.rawValue] += ResourceClock.now() - t0
            cpuSeconds += ResourceClock.cpuSeconds() - c0
        }
        return try body()
    }
}
