import DedupHarness

/// Cost at the user's volume: scales what each strategy measured (bytes, requests and CPU seconds
/// per record) to a stated volume and prices it for one month.
///
/// Model (every assumption is printed with the table):
/// - `eventsPerDay` unique events arrive per day; with duplicate rate d the pipeline receives
///   events × (1 + d) deliveries (the harness's `dup_prob` means the same).
/// - Live storage: the table keeps `retentionDays` of data; bytes per unique event = the measured
///   `live_bytes / unique_in`.
/// - Storage until vacuum: bytes a merge removed (`table_bytes − live_bytes`, per unique event) stay
///   billed for `vacuumRetentionDays` (Delta's default `deletedFileRetentionDuration`, 7 days).
/// - Requests: one micro-batch every `batchIntervalSeconds`, each making the measured PUTs and GETs
///   per batch (`put_requests / batches`).
/// - Compute: measured `cpu_s` per delivery × deliveries per month, at the compute table's price per
///   vCPU-hour (one busy vCPU-second = one CPU second).
/// - A month is 30 days. Per-record figures come from the largest measured scale at the duplicate
///   rate nearest to d; merge costs grow with the table (see the scale experiment), so a merge
///   strategy's projection is a lower bound.
public struct CostProjection: Sendable {
    public struct Assumptions: Sendable, Equatable {
        public var eventsPerDay: Double
        public var duplicateRate: Double
        public var retentionDays: Double
        public var batchIntervalSeconds: Double
        public var vacuumRetentionDays: Double
        public var storage: PriceTable
        public var compute: ComputePriceTable

        public init(eventsPerDay: Double = 100_000_000, duplicateRate: Double = 0.1, retentionDays: Double = 30,
                    batchIntervalSeconds: Double = 300, vacuumRetentionDays: Double = 7,
                    storage: PriceTable = .awsS3StandardUSEast1, compute: ComputePriceTable = .awsM7iLargeUSEast1) {
            self.eventsPerDay = eventsPerDay
            self.duplicateRate = duplicateRate
            self.retentionDays = retentionDays
            self.batchIntervalSeconds = batchIntervalSeconds
            self.vacuumRetentionDays = vacuumRetentionDays
            self.storage = storage
            self.compute = compute
        }

        /// Where each assumption came from, by `VolumeSpec` key (and `storage_prices`,
        /// `compute_prices`), as inline markdown; a key not listed is the built-in default.
        public var sources: [String: String] = [:]

        /// A volume setting by its `VolumeSpec` key (`events_per_day`, …).
        public subscript(key: String) -> Double? {
            get {
                switch key {
                case "events_per_day": eventsPerDay
                case "duplicate_rate": duplicateRate
                case "retention_days": retentionDays
                case "batch_interval_s": batchIntervalSeconds
                case "vacuum_retention_days": vacuumRetentionDays
                default: nil
                }
            }
            set {
                guard let v = newValue else { return }
                switch key {
                case "events_per_day": eventsPerDay = v
                case "duplicate_rate": duplicateRate = v
                case "retention_days": retentionDays = v
                case "batch_interval_s": batchIntervalSeconds = v
                case "vacuum_retention_days": vacuumRetentionDays = v
                default: break
                }
            }
        }

        func source(_ key: String) -> String { sources[key] ?? "built-in default" }

        /// `sources` key of a sentence closing the "where each assumption came from" line.
        static let noteKey = "note"
    }

    /// One strategy's monthly bill, in USD.
    public struct Row: Sendable {
        public var strategy: String
        public var liveStorage: Double
        public var vacuumStorage: Double
        public var requests: Double
        public var compute: Double
        public var total: Double { liveStorage + vacuumStorage + requests + compute }
        /// The cell the per-record figures came from, e.g. "scale 1M, dup_prob 10%".
        public var basis: String
    }

    public static let daysPerMonth = 30.0

    public let assumptions: Assumptions
    public let rows: [Row]

    /// nil when the experiment lacks what the model needs (strategies with cpu_s, bytes, requests).
    init?(experiment e: ExperimentResults, assumptions a: Assumptions) {
        self.assumptions = a
        var byStrategy: [String: [CellSummary]] = [:]
        var order: [String] = []
        for cell in e.cells {
            let s = cell.axisValues["strategy"] ?? cell.runs.first?.text["strategy"] ?? ""
            guard !s.isEmpty else { continue }
            if byStrategy[s] == nil { order.append(s) }
            byStrategy[s, default: []].append(cell)
        }
        let needed = ["unique_in", "live_bytes", "table_bytes", "put_requests", "get_requests", "cpu_s", "records_in"]
        var rows: [Row] = []
        for s in order {
            let usable = byStrategy[s]!.filter { c in needed.allSatisfy { c.median($0) != nil } && (c.median("unique_in") ?? 0) > 0 }
            func scale(_ c: CellSummary) -> Double { c.runs.first?.numbers["scale"] ?? 0 }
            func dup(_ c: CellSummary) -> Double { c.runs.first?.numbers["dup_prob"] ?? 0 }
            guard let biggest = usable.map(scale).max(),
                let cell = usable.filter({ scale($0) == biggest }).min(by: {
                    (abs(dup($0) - a.duplicateRate), dup($0)) < (abs(dup($1) - a.duplicateRate), dup($1))
                })
            else { continue }
            let unique = cell.median("unique_in")!, deliveries = cell.median("records_in")!
            let batches = max(1, cell.runs.first?.numbers["batches"] ?? 1)
            let liveBytes = cell.median("live_bytes")! / unique * a.eventsPerDay * a.retentionDays
            let removedBytes = max(0, cell.median("table_bytes")! - cell.median("live_bytes")!) / unique
                * a.eventsPerDay * a.vacuumRetentionDays
            let batchesPerMonth = Self.daysPerMonth * 86_400 / a.batchIntervalSeconds
            let requests = a.storage.requestUSD(puts: cell.median("put_requests")! / batches * batchesPerMonth,
                                                gets: cell.median("get_requests")! / batches * batchesPerMonth)
            let cpuSeconds = cell.median("cpu_s")! / deliveries * a.eventsPerDay * (1 + a.duplicateRate) * Self.daysPerMonth
            let live = a.storage.storageUSDPerMonth(bytes: liveBytes)
            let vacuum = a.storage.storageUSDPerMonth(bytes: liveBytes + removedBytes) - live
            rows.append(Row(strategy: s, liveStorage: live, vacuumStorage: vacuum, requests: requests,
                            compute: cpuSeconds / 3600 * a.compute.usdPerVCPUHour,
                            basis: "scale \(AxisUnit.count.label(biggest)), dup_prob \(AxisUnit.percent.label(dup(cell)))"))
        }
        guard !rows.isEmpty else { return nil }
        self.rows = rows
    }

    /// The sentence a reader acts on: the two strategies users weigh (bronze_append and delta_merge
    /// when present, else the cheapest and the dearest), compared by storage and compute.
    public func headline() -> String {
        let a = assumptions
        let volume = "At \(AxisUnit.count.label(a.eventsPerDay)) events/day with \(AxisUnit.percent.label(a.duplicateRate)) duplicates "
            + "and \(days(a.retentionDays)) days retention"
        let sorted = rows.sorted { ($0.total, $0.strategy) < ($1.total, $1.strategy) }
        guard let cheapest = sorted.first else { return "" }
        guard rows.count >= 2 else {
            return "\(volume), **\(TextEscaping.markdownCell(cheapest.strategy))** costs about \(Self.usd(cheapest.total)) USD/month."
        }
        let x = rows.first { $0.strategy == "bronze_append" } ?? cheapest
        let y = rows.first { $0.strategy == "delta_merge" && $0.strategy != x.strategy } ?? sorted.last { $0.strategy != x.strategy }!
        func diff(_ d: Double, _ what: String) -> String {
            "\(Self.usd(abs(d))) USD/month \(d >= 0 ? "more" : "less") in \(what)"
        }
        return "\(volume), **\(TextEscaping.markdownCell(x.strategy))** costs \(diff(x.liveStorage + x.vacuumStorage - y.liveStorage - y.vacuumStorage, "storage")) "
            + "and \(diff(x.compute - y.compute, "compute")) than **\(TextEscaping.markdownCell(y.strategy))** "
            + "(totals \(Self.usd(x.total)) vs \(Self.usd(y.total)) USD/month; cheapest overall: **\(TextEscaping.markdownCell(cheapest.strategy))**)."
    }

    /// The assumptions, one inline-markdown line each.
    public func assumptionLines() -> [String] {
        let a = assumptions
        return [
            "Volume: \(NumberFormat.grouped(a.eventsPerDay)) unique events/day; duplicate rate \(AxisUnit.percent.label(a.duplicateRate)) → \(NumberFormat.grouped(a.eventsPerDay * (1 + a.duplicateRate))) deliveries/day; a month is 30 days.",
            "Retention: the live table holds \(days(a.retentionDays)) days; files a merge removed stay billed \(days(a.vacuumRetentionDays)) days until vacuum (Delta's default `deletedFileRetentionDuration` is 7 days).",
            "Micro-batches: one every \(days(a.batchIntervalSeconds)) s (\(NumberFormat.grouped(Self.daysPerMonth * 86_400 / a.batchIntervalSeconds)) a month), each making the PUTs and GETs a measured batch made.",
            "Storage and requests: \(a.storage.name) v\(a.storage.version) (\(a.storage.asOf); \(a.storage.storageClass) in \(a.storage.region); \(a.storage.source)).",
            "Compute: measured CPU seconds per delivery × deliveries, at \(a.compute.instance) on-demand in \(a.compute.region), \(Self.usd(a.compute.usdPerHour)) USD/hour for \(a.compute.vcpus) vCPUs = \(Self.usd(a.compute.usdPerVCPUHour)) USD per vCPU-hour (\(a.compute.name) v\(a.compute.version), \(a.compute.asOf); \(a.compute.source)). This bills only the CPU the pipeline used; an always-on \(a.compute.instance) would cost \(Self.usd(a.compute.usdPerHour * 24 * Self.daysPerMonth)) USD/month whatever the load.",
            "Per-record figures come from each strategy's largest measured scale at the duplicate rate nearest \(AxisUnit.percent.label(a.duplicateRate)); merges rewrite more as a table grows, so merge strategies' figures are lower bounds.",
            "Where each assumption came from: events/day \(AxisUnit.count.label(a.eventsPerDay)) — \(a.source("events_per_day")); duplicate rate \(AxisUnit.percent.label(a.duplicateRate)) — \(a.source("duplicate_rate")); retention \(days(a.retentionDays)) days — \(a.source("retention_days")); micro-batch interval \(days(a.batchIntervalSeconds)) s — \(a.source("batch_interval_s")); until-vacuum retention \(days(a.vacuumRetentionDays)) days — \(a.source("vacuum_retention_days")); storage and request prices — \(a.sources["storage_prices"] ?? "built-in table"); compute prices — \(a.sources["compute_prices"] ?? "built-in table"). Set the volume in the experiment file's `volume:` section (docs/EXPERIMENTS.md) or with `dedupbench report --events-per-day N --dup-rate R --retention-days D --batch-interval S --vacuum-retention-days V` (the command line wins)." + (a.sources[Assumptions.noteKey].map { " " + $0 } ?? ""),
        ]
    }

    private func days(_ v: Double) -> String { NumberFormat.significant(v).trimmingZeros() }

    static let headers = ["strategy", "live storage", "storage until vacuum", "requests", "compute", "total USD/month", "per-record figures from"]

    func tableRows() -> [[String]] {
        rows.map { r in [r.strategy, Self.usd(r.liveStorage), Self.usd(r.vacuumStorage), Self.usd(r.requests), Self.usd(r.compute), Self.usd(r.total), r.basis] }
    }

    /// Dollars for people: "1,234", "56.70", "0.0042".
    static func usd(_ v: Double) -> String {
        abs(v) >= 1000 ? NumberFormat.grouped(v) : NumberFormat.usd(v)
    }
}
