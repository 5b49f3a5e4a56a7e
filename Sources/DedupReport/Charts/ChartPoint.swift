import DedupPipeline

/// One plotted value: the median of a metric over the ok runs of the cells at (series, x), with an
/// interval (bootstrap 95% for noisy metrics, min–max for deterministic ones).
struct ChartPoint {
    var x: String
    var median: Double
    var lower: Double
    var upper: Double
    var count: Int
}

/// A named line or bar group of a chart.
struct ChartSeries {
    var label: String
    var points: [ChartPoint]
}

/// Metric and parameter display names, used alike in chart titles, axis labels and table headers.
/// No chart axis shows a raw column or config key: every known name has a human label, and any other
/// key is spelled out from its last path component with the unit its suffix implies.
enum MetricInfo {
    static func label(_ metric: String) -> String {
        switch metric {
        case "throughput_rps": return "throughput (records/s)"
        case "table_bytes": return "size on disk before vacuum"
        case "live_bytes": return "live table size"
        case "bytes_written": return "bytes written"
        case "peak_rss_bytes": return "peak memory (RSS)"
        case "s3_storage_usd_month": return "S3 storage cost (USD/month)"
        case "s3_request_usd": return "S3 request cost (USD)"
        case "s3_total_usd": return "S3 cost, first month (USD)"
        case "wall_s": return "wall time (s)"
        case "total_s": return "total time (s)"
        case "cpu_s": return "CPU time (s)"
        case "gen_s": return "generation time (s)"
        case "hash_s": return "hashing time (s)"
        case "dedup_s": return "dedup time (s)"
        case "write_s": return "write time (s)"
        case "verify_s": return "verification time (s)"
        case "records_in": return "records delivered"
        case "unique_in": return "unique records delivered"
        case "duplicates_in": return "duplicates delivered"
        case "dropped_in": return "records dropped by the source"
        case "rows_written": return "rows written"
        case "duplicates_left": return "duplicates left in the table"
        case "lost_records": return "records lost"
        case "quarantined": return "records quarantined"
        case "files_written": return "data files written"
        case "commits": return "Delta commits"
        case "put_requests": return "PUT requests"
        case "get_requests": return "GET requests"
        case "attempts": return "attempts per run"
        default: return spelledOut(metric)
        }
    }

    /// A y-axis title: the metric's label, with "bytes" added for byte metrics (their ticks read
    /// "150 MB", decimal units), so every axis names its unit.
    static func axisTitle(_ metric: String) -> String {
        let name = label(metric)
        guard AxisUnit.of(metric) == .bytes, !name.contains("bytes") else { return name }
        return name.hasSuffix(")") ? String(name.dropLast()) + ", bytes)" : name + " (bytes)"
    }

    /// An x-axis (parameter) label with its unit, e.g. "duplicate rate (%)", "injected request
    /// latency (ms)". Dotted matrix keys are named by their last component(s).
    static func axisLabel(_ axis: String) -> String {
        let parts = axis.split(separator: ".").map(String.init)
        let last = parts.last ?? axis
        let lastTwo = parts.suffix(2).joined(separator: "_")
        return known[axis] ?? (parts.count >= 2 ? known[lastTwo] : nil) ?? known[last] ?? spelledOut(axis)
    }

    /// The parameter's name without its unit ("duplicate rate"), for hover texts and captions.
    static func axisName(_ axis: String) -> String {
        axisLabel(axis).components(separatedBy: " (").first ?? axis
    }

    /// Labels of parameter columns and of matrix keys that are not columns (by their last component,
    /// or the last two joined by `_`).
    private static let known: [String: String] = [
        "dup_prob": "duplicate rate (%)",
        "slow_prob": "late-delivery rate (%)",
        "drop_prob": "drop rate (%)",
        "scale": "records per run",
        "batches": "micro-batches per run",
        "strategy": "strategy",
        "source": "source",
        "mode": "generation mode",
        "hash_algorithm": "hash algorithm",
        "hash_encoding": "hash encoding",
        "codec": "compression codec",
        "storage_backend": "storage backend",
        "requests_source": "request counts",
        "latency_ms": "injected request latency (ms)",
        "mbps": "simulated bandwidth (Mbit/s)",
        "multipart_part_bytes": "multipart part size (bytes)",
    ]

    /// Any other key: its last path component in words, the unit from its suffix
    /// (`_ms` → ms, `_s` → s, `_bytes` → bytes, `_prob` → %, `_usd` → USD).
    static func spelledOut(_ key: String) -> String {
        var word = String(key.split(separator: ".").last ?? Substring(key))
        var unit: String?
        for (suffix, u) in [("_ms", "ms"), ("_s", "s"), ("_bytes", "bytes"), ("_prob", "%"), ("_usd", "USD"), ("_mbps", "Mbit/s")]
        where word.hasSuffix(suffix) && word.count > suffix.count {
            word.removeLast(suffix.count)
            unit = u
            break
        }
        let words = word.replacing("_", with: " ")
        return unit.map { "\(words) (\($0))" } ?? words
    }

    /// Values are divided by this before plotting. 1: charts plot raw values and label ticks in
    /// human units (`AxisUnit`).
    static func divisor(_ metric: String) -> Double { 1 }
}

extension ExperimentResults {
    /// Groups cells into series (by `seriesAxes`) and points (by `x`; one point per series when nil).
    func series(metric: String, x: String?, seriesAxes: [String], seedPrefix: String) -> [ChartSeries] {
        var order: [String] = []
        var byLabel: [String: [String: [CellSummary]]] = [:]
        var xOrder: [String] = []
        for cell in cells {
            let label = seriesLabel(cell, seriesAxes)
            let xValue = x.map { cell.axisValues[$0] ?? "" } ?? ""
            if byLabel[label] == nil { order.append(label) }
            if !xOrder.contains(xValue) { xOrder.append(xValue) }
            byLabel[label, default: [:]][xValue, default: []].append(cell)
        }
        let numeric = xOrder.allSatisfy { Double($0) != nil }
        xOrder.sort { Axis.ascending($0, $1, numeric: numeric) }
        let noisy = ResultColumns.noisy.contains(metric)
        let divisor = MetricInfo.divisor(metric)
        return order.map { label in
            let points: [ChartPoint] = xOrder.compactMap { xValue in
                guard let group = byLabel[label]?[xValue] else { return nil }
                let values = group.flatMap { $0.metrics[metric]?.values ?? [] }
                guard let stats = SampleStatistics(values) else { return nil }
                var lower = stats.min, upper = stats.max
                if noisy {
                    let interval = group.count == 1
                        ? group[0].metrics[metric]?.interval
                        : Bootstrap.medianInterval(values, seed: ResampleGenerator.stableSeed("\(seedPrefix)/\(label)/\(xValue)"))
                    if let interval { lower = interval.lower; upper = interval.upper }
                }
                return ChartPoint(x: xValue, median: stats.median / divisor, lower: lower / divisor,
                                  upper: upper / divisor, count: stats.count)
            }
            return ChartSeries(label: label, points: points)
        }.filter { !$0.points.isEmpty }
    }

    /// "value" for one series axis, "a=x, b=y" for several, "all runs" for none.
    func seriesLabel(_ cell: CellSummary, _ axes: [String]) -> String {
        if axes.isEmpty { return "all runs" }
        if axes.count == 1 { return cell.axisValues[axes[0]] ?? "" }
        return axes.map { "\($0)=\(cell.axisValues[$0] ?? "")" }.joined(separator: ", ")
    }

    /// A short label naming a cell by its axis values (or its id when nothing varies).
    func cellLabel(_ cell: CellSummary) -> String {
        if axes.isEmpty { return String(cell.cellId.prefix(12)) }
        if axes.count == 1 { return cell.axisValues[axes[0].name] ?? "" }
        return axes.map { cell.axisValues[$0.name] ?? "" }.joined(separator: " / ")
    }

    func axis(named name: String) -> Axis? { axes.first { $0.name == name } }
}

extension ExperimentResults {
    /// The axis a chart key names: an axis name, a matrix key's dotted path whose last part(s) name a
    /// result column (`generation.chaos.dup_prob` → `dup_prob`, `hash.algorithm` → `hash_algorithm`),
    /// or the axis whose values pair one-to-one with that `params` key across cells.
    func resolveAxis(_ key: String) -> String? {
        if axis(named: key) != nil { return key }
        let parts = key.split(separator: ".").map(String.init)
        var candidates: [String] = []
        if let last = parts.last { candidates.append(last) }
        if parts.count >= 2 { candidates.append(parts.suffix(2).joined(separator: "_")) }
        if let hit = candidates.first(where: { axis(named: $0) != nil }) { return hit }
        let values = cells.map { cell in cell.runs.first?.params.first { $0.0 == key }?.1.text }
        guard values.allSatisfy({ $0 != nil }) else { return nil }
        for a in axes {
            var forward: [String: String] = [:], backward: [String: String] = [:]
            var consistent = true
            for (cell, v) in zip(cells, values) {
                let av = cell.axisValues[a.name] ?? ""
                if forward[v!, default: av] != av || backward[av, default: v!] != v! { consistent = false; break }
                forward[v!] = av
                backward[av] = v!
            }
            if consistent { return a.name }
        }
        return nil
    }
}
