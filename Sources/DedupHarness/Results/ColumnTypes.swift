import DedupPipeline

/// The type of every `results.csv` column, published in docs/RESULTS.md and `results.schema.json`.
///
/// Float columns are always written with a fraction (`0.0`, `1.0`), so polars, pandas and duckdb
/// infer the same dtype from every file (a sweep whose first rows say `dup_prob = 0` would
/// otherwise read as an integer column and refuse to concatenate with one that says `0.1`).
public enum ColumnTypes {
    public enum Kind: String, Sendable { case string, integer, float }

    /// Float columns: rates, dollars, seconds, throughput.
    public static let float: Set<String> = [
        "dup_prob", "slow_prob", "drop_prob", "s3_storage_usd_month", "s3_request_usd", "s3_total_usd",
        "wall_s", "gen_s", "hash_s", "dedup_s", "write_s", "maintenance_s", "throughput_rps", "cpu_s", "total_s",
    ]
    /// String columns; every other column is an integer.
    public static let string: Set<String> = [
        "experiment", "cell_id", "run_id", "strategy", "source", "mode", "hash_algorithm", "hash_encoding",
        "codec", "storage_backend", "requests_source", "params", "checksum", "status", "error",
    ]

    /// The type of `column` (an unknown column ending in `_s`, `_usd` or `_prob` is a float).
    public static func kind(_ column: String) -> Kind {
        if float.contains(column) || column.hasSuffix("_s") || column.hasSuffix("_usd") || column.hasSuffix("_prob") { return .float }
        return string.contains(column) ? .string : .integer
    }

    /// `fields` (in `columns` order) with every integral float written as `N.0`; empty stays empty.
    public static func normalise(_ fields: [String], columns: [String]) -> [String] {
        zip(columns, fields).map { column, field in
            guard kind(column) == .float, !field.isEmpty, field.allSatisfy({ $0.isNumber || $0 == "-" }) else { return field }
            return field + ".0"
        } + fields.dropFirst(columns.count)
    }

    /// A JSON Schema-like description of the columns, in order (`results.schema.json`).
    public static func schemaJSON(columns: [String] = ResultColumns.all) -> String {
        var out = "{\n  \"schema_version\": \(ResultColumns.schemaVersion),\n  \"columns\": [\n"
        out += columns.map { "    {\"name\": \"\($0)\", \"type\": \"\(kind($0).rawValue)\"}" }.joined(separator: ",\n")
        return out + "\n  ]\n}\n"
    }
}
