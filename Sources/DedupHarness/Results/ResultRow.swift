import DedupPipeline
import DedupFormats

/// One row of `results.csv`: one run of one cell. Values are kept as the text written in the CSV
/// (numbers in shortest round-trip form); typed accessors parse on demand.
public struct ResultRow: Sendable, Equatable {
    /// Column name → cell text. Columns absent from the file read as "".
    public var values: [String: String]

    public init(values: [String: String] = [:]) { self.values = values }

    /// Builds a row from fields in the order of `columns`.
    public init(columns: [String], fields: [String]) {
        var v: [String: String] = [:]
        v.reserveCapacity(columns.count)
        for (c, f) in zip(columns, fields) { v[c] = f }
        values = v
    }

    public subscript(column: String) -> String {
        get { values[column] ?? "" }
        set { values[column] = newValue }
    }

    /// The fields in `columns` order (missing columns as "").
    public func fields(_ columns: [String] = ResultColumns.all) -> [String] { columns.map { values[$0] ?? "" } }

    /// A numeric column, nil when empty or not a number.
    public func double(_ column: String) -> Double? { Double(self[column]) }
    public func int(_ column: String) -> Int64? { Int64(self[column]) }

    public var experiment: String { self["experiment"] }
    public var cellID: String { self["cell_id"] }
    public var runID: String { self["run_id"] }
    /// The 0-based repeat index (-1 if the column is missing or malformed).
    public var repeatIndex: Int { Int(self["repeat"]) ?? -1 }
    public var seed: UInt64? { UInt64(self["seed"]) }
    public var strategy: String { self["strategy"] }
    /// `ok`, `failed` or `timeout` (see `ResultColumns.status*`).
    public var status: String { self["status"] }
    public var isOK: Bool { status == ResultColumns.statusOK }

    /// The cell's swept parameters, decoded from the `params` column (empty if absent or invalid).
    public var params: [String: JSONValue] {
        (try? JSONParser.parse(self["params"]))?.objectMembers ?? [:]
    }

    /// Sort key that puts a result set in run order: experiment, cell, repeat, run id.
    public static func runKeyOrder(_ a: ResultRow, _ b: ResultRow) -> Bool {
        if a.experiment != b.experiment { return a.experiment < b.experiment }
        if a.cellID != b.cellID { return a.cellID < b.cellID }
        if a.repeatIndex != b.repeatIndex { return a.repeatIndex < b.repeatIndex }
        return a.runID < b.runID
    }
}
