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
        default: return metric.hasSuffix("_s") ? "\(metric) (seconds)" : metric
        }
    }

    /// An axis (parameter) label naming its column, e.g. "duplicate rate (dup_prob)".
    static func axisLabel(_ axis: String) -> String {
        switch axis {
        case "dup_prob": return "duplicate rate (dup_prob)"
        case "slow_prob": return "late-delivery rate (slow_prob)"
        case "drop_prob": return "drop rate (drop_prob)"
        case "scale": return "records per run (scale)"
        case "batches": return "micro-batches per run (batches)"
        default: return axis
        }
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
