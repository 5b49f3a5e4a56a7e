import Foundation

/// One results file with the manifest found beside it.
public struct ResultFile: Sendable {
    public var table: ResultTable
    /// nil when no `manifest.json` sits beside the CSV.
    public var manifest: RunManifest?

    public init(table: ResultTable, manifest: RunManifest?) {
        self.table = table
        self.manifest = manifest
    }

    /// The schema version declared by the manifest or a `# schema_version=` line, if any.
    public var schemaVersion: Int? { manifest?.schemaVersion ?? table.schemaVersionComment }

    /// Loads the CSV at `csvPath` and `manifest.json` from the same directory (when present).
    public static func load(csvPath: String) throws(ReportInputError) -> ResultFile {
        let table = try ResultTable.load(path: csvPath)
        let manifestPath = (csvPath as NSString).deletingLastPathComponent
            .appendingPathComponentOrSelf("manifest.json")
        let manifest = FileManager.default.fileExists(atPath: manifestPath)
            ? try RunManifest.load(path: manifestPath) : nil
        return ResultFile(table: table, manifest: manifest)
    }

    /// Refuses a run (experiment, cell id, repeat) that appears in two of `files`: a report must not
    /// count it twice (`compare` checks the same per side). Names both places.
    public static func checkDistinctRuns(_ files: [ResultFile]) throws(ReportInputError) {
        var seen: [String: (path: String, line: Int)] = [:]
        for file in files {
            for row in file.table.rows {
                let t = file.table
                let key = [t.text(row, "experiment"), t.text(row, "cell_id"), t.text(row, "repeat")].joined(separator: "\u{0}")
                if let first = seen[key] {
                    throw ReportInputError(
                        path: t.path, line: row.line, key: "repeat",
                        message: "cell \(t.text(row, "cell_id")) repeat \(t.text(row, "repeat")) also appears at \(first.path):\(first.line); merge shards with `dedupbench merge` first")
                }
                seen[key] = (t.path, row.line)
            }
        }
    }

    /// Resolves command-line arguments to CSV files: a file is taken as is; a directory means its
    /// `results.csv`, or else every `results.csv` below it (sorted by path).
    public static func resolve(_ arguments: [String]) throws(ReportInputError) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw ReportInputError(path: argument, message: "no such file or directory; expected a results.csv or a result directory")
            }
            guard isDirectory.boolValue else { out.append(argument); continue }
            let direct = argument.appendingPathComponentOrSelf("results.csv")
            if fm.fileExists(atPath: direct) { out.append(direct); continue }
            let found = (fm.enumerator(atPath: argument)?.allObjects as? [String] ?? [])
                .filter { ($0 as NSString).lastPathComponent == "results.csv" }
                .sorted()
                .map { argument.appendingPathComponentOrSelf($0) }
            guard !found.isEmpty else {
                throw ReportInputError(path: argument, message: "the directory holds no results.csv")
            }
            out.append(contentsOf: found)
        }
        return out
    }
}

extension String {
    /// `self/component`, without doubling a trailing slash; just `component` when self is empty.
    func appendingPathComponentOrSelf(_ component: String) -> String {
        if isEmpty { return component }
        return hasSuffix("/") ? self + component : self + "/" + component
    }
}
