/// The per-cell results table of one experiment: the varying parameters, then throughput with its
/// interval, wall time, correctness, storage, cost and the run status counts. `headers` and `rows`
/// are plain text shared by the markdown and HTML renderers.
struct SummaryTable {
    let experiment: ExperimentResults
    /// Metrics a chart of this experiment plots that the fixed columns do not show (e.g.
    /// `s3_total_usd`), appended so every charted figure is in the table under the same name.
    var extraMetrics: [String] = []

    /// Metrics the fixed columns show.
    static let shownMetrics = ["throughput_rps", "wall_s", "rows_written", "duplicates_left", "lost_records",
                               "live_bytes", "table_bytes", "s3_storage_usd_month"]

    var keyHeaders: [String] {
        let axes = experiment.axes.map(\.name)
        return axes.isEmpty ? ["cell"] : axes
    }

    /// Value columns (after the key columns), right-aligned.
    static let valueHeaders = [
        "throughput (records/s) [95% CI]", "wall time (s) (min–max)", "rows written", "dups left", "lost (max)",
        "live table size (MB)", "size on disk before vacuum (MB)", "S3 storage cost (USD/month)", "ok/failed/timeout",
    ]

    /// `total_s` (the whole run, when the results have it) leads the value columns.
    var leadsWithTotal: Bool { experiment.cells.contains { $0.median("total_s") != nil } }

    var valueHeaders: [String] {
        (leadsWithTotal ? ["total time (s) (min–max)"] : []) + Self.valueHeaders.dropLast() + extraMetrics.map { m in
            MetricInfo.label(m) + (AxisUnit.of(m) == .bytes ? " (MB)" : "")
        } + [Self.valueHeaders.last!]
    }

    /// One row per cell: the key columns, then `valueHeaders.count` values.
    func rows() -> [[String]] {
        let axes = experiment.axes.map(\.name)
        return experiment.cells.map { cell in
            var fields = axes.isEmpty ? [String(cell.cellId.prefix(12))] : axes.map { cell.axisValues[$0] ?? "" }
            if leadsWithTotal {
                fields.append(cell.metrics["total_s"].map {
                    "\(NumberFormat.fixed($0.stats.median, 3)) (\(NumberFormat.fixed($0.stats.min, 3))–\(NumberFormat.fixed($0.stats.max, 3)))"
                } ?? "—")
            }
            fields.append(throughput(cell))
            fields.append(cell.metrics["wall_s"].map {
                "\(NumberFormat.fixed($0.stats.median, 3)) (\(NumberFormat.fixed($0.stats.min, 3))–\(NumberFormat.fixed($0.stats.max, 3)))"
            } ?? "—")
            fields.append(cell.median("rows_written").map(NumberFormat.grouped) ?? "—")
            fields.append(cell.median("duplicates_left").map(NumberFormat.grouped) ?? "—")
            fields.append(cell.metrics["lost_records"].map { NumberFormat.grouped($0.stats.max) } ?? "—")
            fields.append(cell.median("live_bytes").map(NumberFormat.megabytes) ?? "—")
            fields.append(cell.median("table_bytes").map(NumberFormat.megabytes) ?? "—")
            fields.append(cell.median("s3_storage_usd_month").map(NumberFormat.usd) ?? "—")
            for m in extraMetrics {
                fields.append(cell.median(m).map { v in
                    switch AxisUnit.of(m) {
                    case .bytes: return NumberFormat.megabytes(v)
                    case .usd: return NumberFormat.usd(v)
                    case .seconds: return NumberFormat.fixed(v, 3)
                    default: return NumberFormat.significant(v)
                    }
                } ?? "—")
            }
            fields.append("\(cell.okCount)/\(cell.failedCount)/\(cell.timeoutCount)")
            return fields
        }
    }

    func render() -> String {
        let keys = keyHeaders
        var md = "| " + (keys.map(TextEscaping.markdownCell) + valueHeaders).joined(separator: " | ") + " |\n"
        md += "|" + String(repeating: "---|", count: keys.count) + String(repeating: "---:|", count: valueHeaders.count) + "\n"
        for row in rows() {
            // Values are numbers this table formatted; only the keys come from user input.
            let cells = row.prefix(keys.count).map(TextEscaping.markdownCell) + row.dropFirst(keys.count)
            md += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return md
    }

    private func throughput(_ cell: CellSummary) -> String {
        guard let m = cell.metrics["throughput_rps"] else { return "—" }
        let median = NumberFormat.si(m.stats.median)
        guard let ci = m.interval, m.stats.count > 1 else { return median }
        return "\(median) [\(NumberFormat.si(ci.lower))–\(NumberFormat.si(ci.upper))]"
    }
}
