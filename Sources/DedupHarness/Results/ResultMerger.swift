import DedupPipeline

/// Combines result sets (shards of one experiment, or repeated sessions) into one: rows sorted by
/// run key, each run id kept once (an `ok` row wins over a failed one, otherwise the first input
/// wins), manifests merged (sessions concatenated, inputs listed under `merged_from`).
public enum ResultMerger {
    public struct Merged: Sendable {
        public var set: ResultSet
        /// Things a user should know: duplicate runs that disagree, different spec versions or hosts.
        public var warnings: [String]
    }

    public static func merge(paths: [String]) throws(ResultsError) -> Merged {
        var sets: [ResultSet] = []
        for p in paths { sets.append(try ResultSet.load(path: p)) }
        return try merge(sets)
    }

    public static func merge(_ sets: [ResultSet]) throws(ResultsError) -> Merged {
        guard let first = sets.first else { return Merged(set: ResultSet(), warnings: []) }
        var warnings: [String] = []
        for s in sets.dropFirst() where s.columns != first.columns {
            throw .schemaMismatch(path: s.csvPath ?? "input", found: s.columns, expected: first.columns)
        }
        // Shards of one experiment merge; different experiments never do (their cells and seeds
        // mean different things). The name comes from the rows, else the manifest.
        var experiments: [(name: String, path: String)] = []
        for s in sets {
            let names = Set(s.rows.map(\.experiment)).union(s.manifest.map { [$0.experiment.name] } ?? [])
            for n in names.sorted() where !experiments.contains(where: { $0.name == n }) {
                experiments.append((n, s.csvPath ?? "input"))
            }
        }
        if experiments.count > 1 {
            throw .mixedExperiments(experiments.map { "'\($0.name)' (\($0.path))" })
        }
        for s in sets {
            if let line = s.tornLine {
                warnings.append(
                    "\(s.csvPath ?? "input"):\(line): left out a torn last row (a run killed while writing; rerun it with --resume)")
            }
        }
        var chosen: [String: ResultRow] = [:]
        var order: [String] = []
        for s in sets {
            for row in s.rows {
                let key = row.experiment + "\u{0}" + row.runID
                guard let kept = chosen[key] else {
                    chosen[key] = row
                    order.append(key)
                    continue
                }
                if !kept.isOK, row.isOK {
                    chosen[key] = row
                } else if kept.isOK, row.isOK {
                    let differs = ResultColumns.deterministic.filter { kept[$0] != row[$0] }
                    if !differs.isEmpty {
                        warnings.append(
                            "run \(row.runID) appears twice with different \(differs.joined(separator: ", ")); kept the first"
                        )
                    }
                }
            }
        }
        var rows = order.map { chosen[$0]! }
        rows.sort(by: ResultRow.runKeyOrder)

        let manifests = sets.compactMap(\.manifest)
        var manifest = manifests.first
        if var m = manifest {
            m.sessions = manifests.flatMap(\.sessions)
            m.mergedFrom = manifests
            m.started = manifests.map(\.started).min() ?? m.started
            m.finished = manifests.allSatisfy { $0.finished != nil } ? manifests.compactMap(\.finished).max() : nil
            let shas = Set(manifests.map(\.experiment.sha256))
            if shas.count > 1 {
                warnings.append("the inputs were run from \(shas.count) different versions of the experiment file")
            }
            let hosts = Set(manifests.map(\.provenance.host))
            if hosts.count > 1 {
                warnings.append(
                    "the inputs come from \(hosts.count) hosts (\(hosts.sorted().joined(separator: ", "))): compare timings with care"
                )
            }
            if Set(manifests.map(\.schemaVersion)).count > 1 {
                warnings.append("the inputs have different schema versions")
            }
            manifest = m
        }
        if manifests.count < sets.count {
            warnings.append("\(sets.count - manifests.count) input(s) had no manifest.json")
        }
        return Merged(set: ResultSet(columns: first.columns, rows: rows, manifest: manifest), warnings: warnings)
    }
}
