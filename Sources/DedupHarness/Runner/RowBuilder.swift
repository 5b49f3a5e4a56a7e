import DedupPipeline
import DedupFormats
import Foundation

/// Builds a results row from a run's identity, the pipeline's metrics (its `--json` object) and the
/// outcome; fills the cost columns from the price table.
struct RowBuilder: Sendable {
    var experiment: String
    var prices: PriceTable

    func row(for run: PlannedRun, metrics: [String: JSONValue]?, status: String, error: String, attempts: Int)
        -> ResultRow
    {
        var row = ResultRow()
        if let metrics {
            for column in ResultColumns.all { if let v = metrics[column] { row[column] = Self.cell(v) } }
        } else {
            fillParameters(&row, from: run.cell)
        }
        row["experiment"] = experiment
        row["cell_id"] = run.cell.id
        row["run_id"] = run.runID
        row["repeat"] = String(run.repeatIndex)
        row["seed"] = String(run.seed)
        row["strategy"] = run.cell.strategy
        row["params"] = run.cell.paramsJSON
        fillCost(&row)
        row["status"] = status
        row["error"] = error
        row["attempts"] = String(attempts)
        return row
    }

    /// Without pipeline output (a crash or timeout), the parameter columns come from the cell: a
    /// swept key whose last path component names the column (`generation.chaos.dup_prob` → dup_prob).
    private func fillParameters(_ row: inout ResultRow, from cell: Cell) {
        for key in cell.keys {
            let last = key.split(separator: ".").last.map(String.init) ?? key
            if ResultColumns.parameters.contains(last), let v = cell.params[key] { row[last] = v.text }
        }
    }

    /// s3_storage_usd_month from live bytes; s3_request_usd from PUT and GET counts; their sum.
    private func fillCost(_ row: inout ResultRow) {
        guard let live = row.double("live_bytes") else { return }
        let storage = prices.storageUSDPerMonth(bytes: live)
        row["s3_storage_usd_month"] = Self.usd(storage)
        guard let puts = row.double("put_requests"), let gets = row.double("get_requests") else { return }
        let requests = prices.requestUSD(puts: puts, gets: gets)
        row["s3_request_usd"] = Self.usd(requests)
        row["s3_total_usd"] = Self.usd(storage + requests)
    }

    /// Dollars to 10 significant digits: far below a cent at any scale, and free of binary noise
    /// such as 3.540000000000001e-05.
    static func usd(_ x: Double) -> String {
        JSONNumber.canonical(Double(String(format: "%.10g", x)) ?? x)
    }

    /// A metric value as CSV text: numbers in shortest round-trip form, null as empty.
    static func cell(_ v: JSONValue) -> String {
        if case .null = v { return "" }
        return v.text
    }
}
