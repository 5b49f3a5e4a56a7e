import DedupReport
import Foundation

/// Settings of `dedupbench serve`.
public struct ServeOptions: Sendable {
    /// Address to bind; loopback unless the user explicitly allowed another (`isLoopback`).
    public var host: String
    public var port: Int
    /// Folders searched for result sets (`--results`, repeatable). The first also receives the
    /// results of scheduled runs.
    public var resultRoots: [String]
    public var schedules: [ScheduledExperiment]
    /// The `dedupbench` binary scheduled runs launch (`<it> run FILE --results DIR`).
    public var executable: String
    /// Wall clock for progress, elapsed times and ETAs.
    public var clock: @Sendable () -> Date
    /// Clock the cron schedules follow (default: `clock`; tests move it to a fire time).
    public var scheduleClock: (@Sendable () -> Date)?
    /// gnuplot for the report's charts (nil: tables only, the page says so).
    public var gnuplot: GnuplotRunner?
    /// Private folder for rendered chart sources (default: a folder in the system temp directory).
    public var cacheDirectory: String?
    /// Seconds between schedule checks.
    public var scheduleInterval: Double
    /// Bootstrap resamples for the report's intervals.
    public var resamples: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, resultRoots: [String] = ["results"],
        schedules: [ScheduledExperiment] = [], executable: String = "dedupbench",
        clock: @escaping @Sendable () -> Date = { Date() }, gnuplot: GnuplotRunner? = GnuplotRunner.locate(),
        cacheDirectory: String? = nil, scheduleInterval: Double = 1, resamples: Int = 2000
    ) {
        self.host = host
        self.port = port
        self.resultRoots = resultRoots
        self.schedules = schedules
        self.executable = executable
        self.clock = clock
        self.scheduleClock = nil
        self.gnuplot = gnuplot
        self.cacheDirectory = cacheDirectory
        self.scheduleInterval = scheduleInterval
        self.resamples = resamples
    }

    /// Whether `host` is a loopback address or name (127.0.0.0/8, ::1, localhost).
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
