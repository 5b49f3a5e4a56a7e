/// The per-cell results table of one experiment: the varying parameters, then throughput with its
/// interval, wall time, correctness, storage, cost and the run status counts.
struct SummaryTable {
    let experiment: ExperimentResults

    func render() -> String {
        let axes = experiment.axes.map(\.name)
        let keyHeaders = axes.isEmpty ? ["cell"] : axes
        let headers = keyHeaders.map(TextEscaping.markdownCell) + [
            "throughput rec/s [95% CI]", "wall s (min–max)", "rows written", "dups left", "lost (max)",
            "live MB", "on disk MB", "S3 USD/month", "ok/failed/timeout",
        ]
        var md = "| " + headers.joined(separator: " | ") + " |\n"
        md += "|" + String(repeating: "---|", count: keyHeaders.count) + String(repeating: "---:|", count: 9) + "\n"
        for cell in experiment.cells {
            let keys = axes.isEmpty ? [String(cell.cellId.prefix(12))] : axes.map { cell.axisValues[$0] ?? "" }
            var fields = keys.map(TextEscaping.markdownCell)
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
            md += "| " + fields.joined(separator: " | ") + " |\n"
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
