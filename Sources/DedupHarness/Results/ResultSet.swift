import DedupPipeline
import DedupFormats
import Foundation

/// The rows of one or more runs of an experiment, with the manifest beside them (if any).
/// This is what `report`, `compare` and `merge` read.
public struct ResultSet: Sendable {
    /// The header of the CSV (ResultColumns.all for files written by this build).
    public var columns: [String]
    public var rows: [ResultRow]
    public var manifest: Manifest?
    /// The results.csv path the rows came from (nil for sets built in memory).
    public var csvPath: String?
    /// The line of a torn last row that `load` left out (a run killed while writing), if any:
    /// readers that combine sets say so instead of dropping it silently.
    public var tornLine: Int?

    public init(
        columns: [String] = ResultColumns.all, rows: [ResultRow] = [], manifest: Manifest? = nil,
        csvPath: String? = nil
    ) {
        self.columns = columns
        self.rows = rows
        self.manifest = manifest
        self.csvPath = csvPath
    }

    /// The columns every results file must have to be read.
    public static let requiredColumns = ["experiment", "cell_id", "run_id", "repeat", "status"]

    /// Loads `path`: a results.csv, or a directory holding results.csv and (optionally) manifest.json.
    /// A torn last line (a run killed while writing) is ignored. Errors name the file and line.
    public static func load(path: String) throws(ResultsError) -> ResultSet {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw .notFound(path: path) }
        let csvPath = isDir.boolValue ? (path as NSString).appendingPathComponent("results.csv") : path
        let manifestPath = ((csvPath as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: csvPath) else {
            throw isDir.boolValue ? .notFound(path: path) : .unreadable(path: csvPath, reason: "not a readable file")
        }
        let parsed: CSV.Document
        do { parsed = try CSV.parse(Array(data), tornTail: .set) } catch {
            throw .badCSV(path: csvPath, line: error.line, problem: error.message)
        }
        guard let header = parsed.records.first?.fields else {
            throw .badHeader(path: csvPath, missing: requiredColumns)
        }
        let missing = requiredColumns.filter { !header.contains($0) }
        guard missing.isEmpty else { throw .badHeader(path: csvPath, missing: missing) }
        var rows: [ResultRow] = []
        rows.reserveCapacity(parsed.records.count - 1)
        for record in parsed.records.dropFirst() {
            guard record.fields.count == header.count else {
                throw .badCSV(
                    path: csvPath, line: record.line,
                    problem: "\(record.fields.count) fields; expected \(header.count) like the header")
            }
            rows.append(ResultRow(columns: header, fields: record.fields))
        }
        let manifest =
            FileManager.default.fileExists(atPath: manifestPath) ? try Manifest.load(path: manifestPath) : nil
        var set = ResultSet(columns: header, rows: rows, manifest: manifest, csvPath: csvPath)
        if parsed.isTorn { set.tornLine = parsed.records.count + 1 }
        return set
    }

    /// The rows sorted by run key (experiment, cell id, repeat, run id).
    public func sortedByRunKey() -> ResultSet {
        var copy = self
        copy.rows.sort(by: ResultRow.runKeyOrder)
        return copy
    }

    /// Rows grouped by cell id, in order of each cell's first row.
    public var cells: [(cellID: String, rows: [ResultRow])] {
        var order: [String] = []
        var groups: [String: [ResultRow]] = [:]
        for row in rows {
            if groups[row.cellID] == nil { order.append(row.cellID) }
            groups[row.cellID, default: []].append(row)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// The CSV text of the set (header + rows in `columns` order).
    public func csvText() -> String {
        var out = CSV.line(columns)
        for row in rows { out += CSV.line(ColumnTypes.normalise(row.fields(columns), columns: columns)) }
        return out
    }

    /// Writes `results.csv` and (if present) `manifest.json` into `directory`, creating it. The CSV is
    /// written to a temporary file and renamed, so a reader never sees half of it.
    public func write(directory: String) throws(ResultsError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch { throw .unreadable(path: directory, reason: "cannot create directory: \(SystemErrorText.describe(error))") }
        let csvPath = (directory as NSString).appendingPathComponent("results.csv")
        let tmp = csvPath + ".tmp"
        guard FileManager.default.createFile(atPath: tmp, contents: Data(csvText().utf8)) else {
            throw .io(path: tmp, operation: "write", errno: errno)
        }
        guard rename(tmp, csvPath) == 0 else { throw .io(path: csvPath, operation: "rename", errno: errno) }
        try manifest?.write(path: (directory as NSString).appendingPathComponent("manifest.json"))
    }
}
