import DedupFormats

/// Markdown (for a PR comment or `$GITHUB_STEP_SUMMARY`) and JSON renderings of a comparison.
extension Comparison {
    /// A markdown summary: verdict line, warnings, a table of everything that is not unchanged,
    /// cells on one side only, and the settings used.
    public func markdown() -> String {
        let regressions = findings.filter { $0.verdict.fails }.count
        var md = "### dedupbench compare: " + (hasRegression ? "**regression**" : "no regression") + "\n\n"
        md += "Baseline " + describe(baselinePaths, baselineCommit) + " vs candidate " + describe(candidatePaths, candidateCommit)
            + ": \(commonCells) common cell(s), \(comparedRuns) run pair(s).\n\n"
        for warning in warnings { md += "> **Warning:** \(TextEscaping.markdownCell(warning))\n\n" }
        let counts = [Verdict.regression, .changed, .timingWarning, .improvement, .inconclusive, .notSignificant, .withinTolerance, .noData, .unchanged]
            .map { (v: $0, n: count($0)) }.filter { $0.n > 0 }
        md += "Findings: " + (counts.isEmpty ? "none" : counts.map { "\($0.n) \($0.v.rawValue.replacing("_", with: " "))" }
            .joined(separator: ", ")) + (regressions > 0 ? " — \(regressions) fail the comparison" : "") + ".\n\n"
        let shown = findings.filter { $0.verdict != .unchanged }
        if !shown.isEmpty {
            md += "| verdict | cell | metric | baseline | candidate | change | evidence |\n"
            md += "|---|---|---|---:|---:|---:|---|\n"
            for f in shown {
                md += "| " + [f.verdict.fails ? "**\(f.verdict.rawValue)**" : f.verdict.rawValue.replacing("_", with: " "),
                              TextEscaping.markdownCell(f.label), TextEscaping.markdownCell(f.metric),
                              TextEscaping.markdownCell(f.baseline), TextEscaping.markdownCell(f.candidate),
                              TextEscaping.markdownCell(f.change), TextEscaping.markdownCell(f.evidence)]
                    .joined(separator: " | ") + " |\n"
            }
            md += "\n"
        }
        if !onlyInBaseline.isEmpty {
            md += "**Only in the baseline** (\(onlyInBaseline.count)\(options.failOnMissing ? ", fails the comparison" : "")): "
                + onlyInBaseline.map { "\(TextEscaping.markdownCell($0.label)) (`\(String($0.cellId.prefix(16)))`)" }.joined(separator: "; ") + "\n\n"
        }
        if !onlyInCandidate.isEmpty {
            md += "**Only in the candidate** (\(onlyInCandidate.count)): "
                + onlyInCandidate.map { "\(TextEscaping.markdownCell($0.label)) (`\(String($0.cellId.prefix(16)))`)" }.joined(separator: "; ") + "\n\n"
        }
        md += "Rules: deterministic metrics must match run for run\(toleranceText); noisy metrics are a regression only when the median moves by at least "
            + "\(NumberFormat.shortest(options.threshold * 100))%\(overrideText) in the worse direction and "
            + (options.test == .mannWhitney
                ? "a two-sided Mann-Whitney U test over the repeats gives p < \(NumberFormat.shortest(options.alpha))"
                : "the bootstrap 95% interval of the ratio of medians excludes 1")
            + ". Exit codes: 0 no regression, 1 regression, 2 unreadable or mismatched input.\n"
        return md
    }

    private var toleranceText: String {
        guard !options.tolerances.isEmpty else { return "" }
        return " (tolerances: " + options.tolerances.keys.sorted().map { "\($0) ±\(options.tolerances[$0]!.text)" }.joined(separator: ", ") + ")"
    }

    private var overrideText: String {
        guard !options.metricThresholds.isEmpty else { return "" }
        return " (" + options.metricThresholds.keys.sorted()
            .map { "\($0) \(NumberFormat.shortest(options.metricThresholds[$0]! * 100))%" }.joined(separator: ", ") + ")"
    }

    private func describe(_ paths: [String], _ commit: String?) -> String {
        paths.map { "`\(TextEscaping.singleLine($0).replacing("`", with: "'"))`" }.joined(separator: ", ")
            + (commit.map { " (commit `\(String(TextEscaping.singleLine($0).prefix(12)).replacing("`", with: "'"))`)" } ?? "")
    }

    /// Machine-readable form (stable key order; every finding, including unchanged ones).
    public func json() -> String {
        func number(_ v: Double?) -> JSONValue { v.map(JSONValue.number) ?? .null }
        func string(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        let cellRefs: ([CellRef]) -> JSONValue = { refs in
            .array(refs.map { .object([("cell_id", .string($0.cellId)), ("label", .string($0.label))]) })
        }
        let items: [JSONValue] = findings.map { f in
            var members: [(String, JSONValue)] = [
                ("cell_id", .string(f.cellId)), ("label", .string(f.label)), ("metric", .string(f.metric)),
                ("kind", .string(f.kind.rawValue)), ("verdict", .string(f.verdict.rawValue)),
                ("baseline", .string(f.baseline)), ("candidate", .string(f.candidate)), ("change", .string(f.change)),
            ]
            if f.kind == .noisy {
                members += [("relative_change", number(f.relativeChange)), ("p_value", number(f.pValue)), ("u", number(f.u)),
                            ("n_baseline", number(f.baselineCount.map(Double.init))),
                            ("n_candidate", number(f.candidateCount.map(Double.init))),
                            ("ratio_ci", f.ratioInterval.map { .array([.number($0.lower), .number($0.upper)]) } ?? .null)]
            }
            members.append(("evidence", .string(f.evidence)))
            return .object(members)
        }
        let summary: JSONValue = .object(Verdict.allCases.map { ($0.rawValue, .number(Double(count($0)))) })
        let root: JSONValue = .object([
            ("format", .string("dedupbench-compare/1")),
            ("verdict", .string(hasRegression ? "regression" : "no_regression")),
            ("exit_code", .number(Double(exitStatus.rawValue))),
            ("baseline", .object([("paths", .array(baselinePaths.map(JSONValue.string))), ("commit", string(baselineCommit))])),
            ("candidate", .object([("paths", .array(candidatePaths.map(JSONValue.string))), ("commit", string(candidateCommit))])),
            ("warnings", .array(warnings.map(JSONValue.string))),
            ("settings", .object([
                ("threshold", .number(options.threshold)),
                ("metric_thresholds", .object(options.metricThresholds.keys.sorted().map { ($0, .number(options.metricThresholds[$0]!)) })),
                ("tolerances", .object(options.tolerances.keys.sorted().map { ($0, .string(options.tolerances[$0]!.text)) })),
                ("alpha", .number(options.alpha)), ("test", .string(options.test.rawValue)),
                ("fail_on_missing", .bool(options.failOnMissing)),
            ])),
            ("common_cells", .number(Double(commonCells))), ("compared_runs", .number(Double(comparedRuns))),
            ("summary", summary),
            ("only_in_baseline", cellRefs(onlyInBaseline)), ("only_in_candidate", cellRefs(onlyInCandidate)),
            ("findings", .array(items)),
        ])
        return root.serialized(pretty: true) + "\n"
    }
}
