import DedupFormats
import DedupPipeline
import Foundation

/// The rows of one `results.csv`, addressed by column name, validated on load.
///
/// Numeric columns (every `ResultColumns` column that is not text) must hold a finite number ≥ 0 or
/// be empty; `status` must be `ok`, `failed` or `timeout`; `params` must be a JSON object; a run
/// (experiment + run id) appears once. Every refusal names the file, line and column.
public struct ResultTable: Sendable {
    /// One run: its values by column position, plus the line it came from.
    public struct Row: Sendable {
        /// 1-based line of the record in the file.
        public var line: Int
        public var values: [String]
        /// Parsed numbers for numeric columns; nil for text columns and empty cells.
        public var numbers: [Double?]
    }

    /// Columns that hold text; all other known columns are numeric.
    public static let textColumns: Set<String> = [
        "experiment", "cell_id", "run_id", "seed", "strategy", "source", "mode", "hash_algorithm",
        "hash_encoding", "codec", "storage_backend", "requests_source", "params", "checksum", "status", "error",
    ]

    /// Columns the report and compare cannot work without.
    public static let requiredColumns = ["experiment", "cell_id", "repeat", "status"]

    public var path: String
    public var columns: [String]
    public var rows: [Row]
    /// Comment lines before the header (`# key=value`), e.g. a schema version.
    public var comments: [String]
    private var index: [String: Int]

    /// Reads and validates a results CSV.
    public static func load(path: String) throws(ReportInputError) -> ResultTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReportInputError(path: path, message: "cannot read the results file (missing or unreadable)")
        }
        return try parse(bytes: Array(data), path: path)
    }

    /// Parses CSV text already in memory; `path` is used in error messages.
    public static func parse(bytes: [UInt8], path: String) throws(ReportInputError) -> ResultTable {
        let parsed: CSV.Document
        do { parsed = try CSV.parse(bytes, tornTail: .reject) } catch {
            throw ReportInputError(path: path, line: error.line, message: error.message)
        }
        guard let header = parsed.records.first else {
            throw ReportInputError(path: path, message: "the results file is empty; expected a header row")
        }
        var index: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() {
            if index[name] != nil {
                throw ReportInputError(path: path, line: header.line, key: name, message: "column appears twice in the header")
            }
            index[name] = i
        }
        for name in requiredColumns where index[name] == nil {
            throw ReportInputError(
                path: path, line: header.line, key: name,
                message: "the header has no '\(name)' column; expected the results.csv columns (\(ResultColumns.all.prefix(4).joined(separator: ",")),…)")
        }
        let numeric = header.fields.map { !textColumns.contains($0) && ResultColumns.all.contains($0) }
        var rows: [Row] = []
        rows.reserveCapacity(parsed.records.count - 1)
        var seen: [String: Int] = [:]  // run key → line
        for record in parsed.records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                throw ReportInputError(
                    path: path, line: record.line,
                    message: "has \(record.fields.count) fields; the header has \(header.fields.count)")
            }
            var numbers = [Double?](repeating: nil, count: header.fields.count)
            for (i, value) in record.fields.enumerated() where numeric[i] && !value.isEmpty {
                guard let number = Double(value), number.isFinite else {
                    throw ReportInputError(
                        path: path, line: record.line, key: header.fields[i],
                        message: "value '\(value)' is not a number; expected a finite decimal number or an empty cell")
                }
                // Every numeric column is a count, a size, a duration, a rate, a probability or a cost.
                guard number >= 0 else {
                    throw ReportInputError(
                        path: path, line: record.line, key: header.fields[i],
                        message: "value '\(value)' is negative; expected a count, size, duration or cost ≥ 0")
                }
                numbers[i] = number
            }
            let row = Row(line: record.line, values: record.fields, numbers: numbers)
            try validate(row, index: index, path: path)
            let run = runKey(row, index)
            if let first = seen[run] {
                throw ReportInputError(
                    path: path, line: record.line, key: index["run_id"] != nil ? "run_id" : "cell_id",
                    message: "run '\(run.split(separator: "\u{0}").last ?? "")' appears twice (first on line \(first)); expected each run once — merge shards with `dedupbench merge`")
            }
            seen[run] = record.line
            rows.append(row)
        }
        return ResultTable(path: path, columns: header.fields, rows: rows, comments: parsed.comments, index: index)
    }

    private static func validate(_ row: Row, index: [String: Int], path: String) throws(ReportInputError) {
        let status = row.values[index["status"]!]
        let allowed = [ResultColumns.statusOK, ResultColumns.statusFailed, ResultColumns.statusTimeout]
        guard allowed.contains(status) else {
            throw ReportInputError(
                path: path, line: row.line, key: "status",
                message: "value '\(status)' is not a run status; expected one of \(allowed.joined(separator: ", "))")
        }
        if row.values[index["cell_id"]!].isEmpty {
            throw ReportInputError(path: path, line: row.line, key: "cell_id", message: "is empty; every run needs its cell id")
        }
        if let p = index["params"], !row.values[p].isEmpty {
            guard case .object? = try? JSONParser.parse(row.values[p]) else {
                throw ReportInputError(
                    path: path, line: row.line, key: "params",
                    message: "value '\(row.values[p])' is not a JSON object of the swept parameters")
            }
        }
    }

    /// Experiment and run id (or cell id and repeat in files without `run_id`): one run.
    private static func runKey(_ row: Row, _ index: [String: Int]) -> String {
        let experiment = row.values[index["experiment"]!]
        if let r = index["run_id"] { return experiment + "\u{0}" + row.values[r] }
        return experiment + "\u{0}" + row.values[index["cell_id"]!] + "-" + row.values[index["repeat"]!]
    }

    /// Whether the file has the column.
    public func has(_ column: String) -> Bool { index[column] != nil }

    /// The text of `column` in `row` ("" when the column is absent).
    public func text(_ row: Row, _ column: String) -> String {
        guard let i = index[column] else { return "" }
        return row.values[i]
    }

    /// The number in `column` of `row`, nil when empty, absent or a text column.
    public func number(_ row: Row, _ column: String) -> Double? {
        guard let i = index[column] else { return nil }
        return row.numbers[i]
    }

    /// The schema version from a `# schema_version=N` comment line, if the file carries one.
    public var schemaVersionComment: Int? {
        for comment in comments {
            let parts = comment.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "schema_version" || parts[0] == "schema" { return Int(parts[1]) }
        }
        return nil
    }
}
