/// The per-cell results table of one experiment: the varying parameters, then throughput with its
/// interval, wall time, correctness, storage, cost and the run status counts. `headers` and `rows`
/// are plain text shared by the markdown and HTML renderers.
struct SummaryTable {
    let experiment: ExperimentResults

    var keyHeaders: [String] {
        let axes = experiment.axes.map(\.name)
        return axes.isEmpty ? ["cell"] : axes
    }

    /// Value columns (after the key columns), right-aligned.
    static let valueHeaders = [
        "throughput rec/s [95% CI]", "wall s (min–max)", "rows written", "dups left", "lost (max)",
        "live MB", "on disk MB", "S3 USD/month", "ok/failed/timeout",
    ]

    /// One row per cell: the key columns, then `valueHeaders.count` values.
    func rows() -> [[String]] {
        let axes = experiment.axes.map(\.name)
        return experiment.cells.map { cell in
            var fields = axes.isEmpty ? [String(cell.cellId.prefix(12))] : axes.map { cell.axisValues[$0] ?? "" }
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
            fields.append("\(cell.okCount)/\(cell.failedCount)/\(cell.timeoutCount)")
            return fields
        }
    }

    func render() -> String {
        let keys = keyHeaders
        var md = "| " + (keys.map(TextEscaping.markdownCell) + Self.valueHeaders).joined(separator: " | ") + " |\n"
        md += "|" + String(repeating: "---|", count: keys.count) + String(repeating: "---:|", count: Self.valueHeaders.count) + "\n"
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
