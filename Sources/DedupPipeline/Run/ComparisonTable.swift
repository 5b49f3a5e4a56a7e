/// The human summary `dedupbench pipeline` prints after its runs, like the seed's comparison
/// table: one row per strategy run.
public enum ComparisonTable {
    /// `total s` (end to end: source, batches, verification) leads; `ingest s` is `wall_s`.
    static let headers = [
        "strategy", "records", "quarantined", "rows written", "dup left", "lost", "total s", "ingest s", "verify s",
        "records/s", "peak RSS MB", "table MB", "status",
    ]

    /// The table as text lines (no trailing newline), columns aligned; errors listed below it.
    public static func render(_ runs: [RunMetrics]) -> String {
        let rows: [[String]] = runs.map { m in
            [
                m.strategy, String(m.recordsIn), String(m.quarantined), String(m.rowsWritten),
                String(m.duplicatesLeft), String(m.lostRecords), fixed(m.totalS, 3), fixed(m.wallS, 3),
                fixed(m.verifyS, 3), fixed(m.throughputRps, 0), fixed(Double(m.peakRssBytes) / 1e6, 0),
                fixed(Double(m.tableBytes) / 1e6, 1), m.status,
            ]
        }
        let widths = headers.indices.map { c in ([headers[c]] + rows.map { $0[c] }).map(\.count).max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, s in
                let pad = String(repeating: " ", count: widths[c] - s.count)
                return c == 0 || c == cells.count - 1 ? s + pad : pad + s  // text left, numbers right
            }.joined(separator: "  ")
        }
        var out = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        for m in runs where !m.succeeded { out.append("\(m.strategy): \(m.error)") }
        return out.joined(separator: "\n")
    }

    /// `x` with `digits` decimals (no Foundation formatting in the library).
    static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let v = (abs(x) * scale).rounded()
        let whole = Int(v / scale)
        let frac = Int(v - Double(whole) * scale)
        let sign = x < 0 && v != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let f = String(frac)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - f.count) + f
    }
}
