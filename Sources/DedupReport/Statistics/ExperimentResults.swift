import DedupPipeline

/// An axis of an experiment: a parameter whose value differs between cells.
public struct Axis: Equatable, Sendable {
    public var name: String
    /// Distinct values, ascending (numerically when every value is a number).
    public var values: [String]
    public var isNumeric: Bool
}

/// The cells of one experiment across the given result files, with the axes that vary.
public struct ExperimentResults: Sendable {
    public var name: String
    /// Cells sorted by their axis values (in axis order), then by cell id.
    public var cells: [CellSummary]
    /// Parameters that vary between cells, in `ResultColumns.parameters` order, then extra `params` keys.
    public var axes: [Axis]
    /// Parameters with a single value across all cells (name → value), in column order.
    public var fixed: [(String, String)]
    /// The files that contributed runs.
    public var files: [ResultFile]

    /// Groups the runs of `files` by experiment (in order of first appearance) and cell. When the
    /// files come from more than one machine (CPU model and cores, from the manifests), each
    /// experiment is split per machine and named "experiment @ machine", so figures measured on
    /// different hardware never land in one cell.
    public static func group(_ files: [ResultFile], resamples: Int = Bootstrap.defaultResamples) -> [ExperimentResults] {
        var order: [String] = []
        var runsByExperiment: [String: [RunRecord]] = [:]
        var filesByExperiment: [String: [ResultFile]] = [:]
        let split = machines(files).count > 1
        for file in files {
            var seen = Set<String>()
            let suffix = split ? " @ " + (file.manifest?.machineSignature ?? "unknown machine") : ""
            for row in file.table.rows {
                var run = RunRecord(table: file.table, row: row)
                if split { run.text["experiment"] = run.experiment + suffix }
                if runsByExperiment[run.experiment] == nil { order.append(run.experiment) }
                runsByExperiment[run.experiment, default: []].append(run)
                if seen.insert(run.experiment).inserted { filesByExperiment[run.experiment, default: []].append(file) }
            }
        }
        return order.map {
            build(name: $0, runs: runsByExperiment[$0]!, files: filesByExperiment[$0]!, resamples: resamples)
        }
    }

    /// The distinct machines of `files` (manifest CPU model and cores; "unknown machine" without a
    /// manifest), in order of first appearance, with the files measured on each.
    public static func machines(_ files: [ResultFile]) -> [(machine: String, files: [ResultFile])] {
        var out: [(machine: String, files: [ResultFile])] = []
        for file in files {
            let m = file.manifest?.machineSignature ?? "unknown machine"
            if let i = out.firstIndex(where: { $0.machine == m }) { out[i].files.append(file) } else { out.append((m, [file])) }
        }
        return out
    }

    static func build(name: String, runs: [RunRecord], files: [ResultFile], resamples: Int) -> ExperimentResults {
        var cellOrder: [String] = []
        var runsByCell: [String: [RunRecord]] = [:]
        for run in runs {
            if runsByCell[run.cellId] == nil { cellOrder.append(run.cellId) }
            runsByCell[run.cellId, default: []].append(run)
        }
        // Every cell's parameter values, from its first run.
        let columns = ResultColumns.parameters.filter { $0 != "params" }
        var values: [String: [(String, String)]] = [:]
        for id in cellOrder {
            let first = runsByCell[id]!.min { ($0.repeatIndex, $0.line) < ($1.repeatIndex, $1.line) }!
            var pairs: [(String, String)] = columns.compactMap { c in first.text[c].map { (c, $0) } }
            pairs += first.params.map { ("params." + $0.0, $0.1.text) }
            values[id] = pairs
        }
        let (axes, fixed) = findAxes(cellOrder: cellOrder, values: values, columns: columns)
        var cells = cellOrder.map { id in
            var axisValues: [String: String] = [:]
            for axis in axes {
                let key = columns.contains(axis.name) ? axis.name : "params." + axis.name
                axisValues[axis.name] = values[id]!.first { $0.0 == key }?.1 ?? ""
            }
            return CellSummary(experiment: name, cellId: id, axisValues: axisValues, runs: runsByCell[id]!,
                               resamples: resamples)
        }
        cells.sort { a, b in
            for axis in axes {
                let x = a.axisValues[axis.name] ?? "", y = b.axisValues[axis.name] ?? ""
                if x != y { return Axis.ascending(x, y, numeric: axis.isNumeric) }
            }
            return a.cellId < b.cellId
        }
        return ExperimentResults(name: name, cells: cells, axes: axes, fixed: fixed, files: files)
    }

    /// Columns whose value differs between cells are axes. A `params` key is an axis only when it
    /// separates cells that the columns do not (otherwise it repeats a column, e.g. `source.dup_prob`).
    private static func findAxes(cellOrder: [String], values: [String: [(String, String)]], columns: [String])
        -> ([Axis], [(String, String)])
    {
        var names: [String] = []
        for id in cellOrder { for (n, _) in values[id]! where !names.contains(n) { names.append(n) } }
        func value(_ id: String, _ name: String) -> String { values[id]!.first { $0.0 == name }?.1 ?? "" }
        var axes: [Axis] = [], fixed: [(String, String)] = []
        for name in names where !name.hasPrefix("params.") {
            let distinct = Set(cellOrder.map { value($0, name) })
            if distinct.count > 1 { axes.append(Axis(name: name, distinct: distinct)) }
            else if let only = distinct.first, !only.isEmpty { fixed.append((name, only)) }
        }
        for name in names where name.hasPrefix("params.") {
            var seen: [[String]: String] = [:]
            var separates = false
            for id in cellOrder {
                let key = axes.map { value(id, $0.name) }
                let v = value(id, name)
                if let previous = seen[key], previous != v { separates = true; break }
                seen[key] = v
            }
            if separates {
                axes.append(Axis(name: String(name.dropFirst("params.".count)),
                                 distinct: Set(cellOrder.map { value($0, name) })))
            }
        }
        return (axes, fixed)
    }
}

extension Axis {
    init(name: String, distinct: Set<String>) {
        let numeric = distinct.allSatisfy { Double($0) != nil }
        self.init(name: name, values: distinct.sorted { Axis.ascending($0, $1, numeric: numeric) }, isNumeric: numeric)
    }

    static func ascending(_ a: String, _ b: String, numeric: Bool) -> Bool {
        if numeric, let x = Double(a), let y = Double(b), x != y { return x < y }
        return a < b
    }
}
