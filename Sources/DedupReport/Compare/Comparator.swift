import DedupPipeline

/// Compares a candidate result set against a baseline, cell by cell (matched by `cell_id`).
///
/// - Deterministic metrics (`ResultColumns.deterministic`) are compared run by run (same cell and
///   repeat, hence the same seed) and must be equal, or within a configured tolerance.
/// - Noisy metrics (`ResultColumns.noisy`) compare the medians of the ok repeats: a regression needs
///   the relative change to pass the threshold AND the significance test to reject noise.
/// - A run that was ok in the baseline and failed or timed out in the candidate is a regression.
public enum Comparator {
    /// Higher is better only for throughput; every other noisy metric is a cost.
    public static let higherIsBetter: Set<String> = ["throughput_rps"]

    public static func compare(baseline: [ResultFile], candidate: [ResultFile], options: CompareOptions = .init())
        throws(ReportInputError) -> Comparison
    {
        try checkSchemas(baseline, candidate)
        let base = try index(baseline), cand = try index(candidate)
        let common = base.order.filter { cand.runs[$0] != nil }
        guard !common.isEmpty else {
            throw ReportInputError(
                path: candidate.first?.table.path ?? "candidate",
                message: "shares no cell_id with the baseline (\(baseline.map(\.table.path).joined(separator: ", "))); "
                    + "expected results of the same experiment")
        }
        var findings: [Comparison.Finding] = []
        var comparedRuns = 0
        for cellId in common {
            let b = base.runs[cellId]!, c = cand.runs[cellId]!
            let label = cellLabel(b.values.first ?? c.values.first!)
            comparedRuns += Set(b.keys).intersection(c.keys).count
            findings += statusFindings(cellId, label, b, c)
            findings += deterministicFindings(cellId, label, b, c, options)
            findings += noisyFindings(cellId, label, b, c, options)
        }
        // Timings judge a regression only on the baseline's machine (like asv's per-machine
        // results); elsewhere a slower median is a warning. Deterministic metrics stay exact.
        if !options.timingAcrossMachines && !sameMachine(baseline, candidate) {
            for i in findings.indices where findings[i].kind == .noisy && findings[i].verdict == .regression {
                findings[i].verdict = .timingWarning
                findings[i].evidence += "; different or unknown machine, so a warning, not a failure"
            }
        }
        let order: [Comparison.Verdict] = [.regression, .changed, .timingWarning, .inconclusive, .notSignificant, .improvement,
                                           .withinTolerance, .noData, .unchanged]
        findings.sort { (order.firstIndex(of: $0.verdict)!, $0.label, $0.metric) < (order.firstIndex(of: $1.verdict)!, $1.label, $1.metric) }
        return Comparison(
            baselinePaths: baseline.map(\.table.path), candidatePaths: candidate.map(\.table.path),
            baselineCommit: baseline.compactMap { $0.manifest?.gitCommit }.first,
            candidateCommit: candidate.compactMap { $0.manifest?.gitCommit }.first,
            warnings: machineWarnings(baseline, candidate), options: options, commonCells: common.count,
            comparedRuns: comparedRuns, findings: findings,
            onlyInBaseline: base.order.filter { cand.runs[$0] == nil }.map { .init(cellId: $0, label: cellLabel(base.runs[$0]!.values.first!)) },
            onlyInCandidate: cand.order.filter { base.runs[$0] == nil }.map { .init(cellId: $0, label: cellLabel(cand.runs[$0]!.values.first!)) })
    }

    // MARK: input checks

    private static func checkSchemas(_ baseline: [ResultFile], _ candidate: [ResultFile]) throws(ReportInputError) {
        guard let reference = baseline.first else { throw ReportInputError(path: "baseline", message: "no results file given") }
        guard !candidate.isEmpty else { throw ReportInputError(path: "candidate", message: "no results file given") }
        for file in baseline + candidate {
            if let v = file.schemaVersion, let r = reference.schemaVersion, v != r {
                throw ReportInputError(
                    path: file.manifest?.path ?? file.table.path, key: "schema_version",
                    message: "schema version \(v) differs from \(r) in \(reference.table.path); re-record the baseline with this version of dedupbench")
            }
            if file.table.columns != reference.table.columns {
                let a = Set(reference.table.columns), b = Set(file.table.columns)
                let extra = file.table.columns.filter { !a.contains($0) }, missing = reference.table.columns.filter { !b.contains($0) }
                let detail = extra.isEmpty && missing.isEmpty ? "the same columns in a different order"
                    : "columns only here: [\(extra.joined(separator: ", "))], missing here: [\(missing.joined(separator: ", "))]"
                throw ReportInputError(
                    path: file.table.path, line: 1,
                    message: "header differs from \(reference.table.path) (\(detail)); both sides must use the same results schema")
            }
        }
    }

    typealias Runs = [Int: RunRecord]  // by repeat

    private static func index(_ files: [ResultFile]) throws(ReportInputError) -> (order: [String], runs: [String: Runs]) {
        var order: [String] = [], runs: [String: Runs] = [:]
        for file in files {
            for row in file.table.rows {
                let run = RunRecord(table: file.table, row: row)
                if runs[run.cellId] == nil { order.append(run.cellId) }
                if let previous = runs[run.cellId]?[run.repeatIndex] {
                    throw ReportInputError(
                        path: run.path, line: run.line, key: "repeat",
                        message: "cell \(run.cellId) repeat \(run.repeatIndex) also appears at \(previous.path):\(previous.line); merge shards with `dedupbench merge` first")
                }
                runs[run.cellId, default: [:]][run.repeatIndex] = run
            }
        }
        return (order, runs)
    }

    /// Both sides carry the same single machine fingerprint (CPU model and cores).
    static func sameMachine(_ baseline: [ResultFile], _ candidate: [ResultFile]) -> Bool {
        let b = Set(baseline.map { $0.manifest?.machineSignature ?? "" }), c = Set(candidate.map { $0.manifest?.machineSignature ?? "" })
        return b.count == 1 && b == c && !b.contains("")
    }

    private static func machineWarnings(_ baseline: [ResultFile], _ candidate: [ResultFile]) -> [String] {
        let b = Set(baseline.compactMap { $0.manifest?.machineSignature })
        let c = Set(candidate.compactMap { $0.manifest?.machineSignature })
        if b.isEmpty || c.isEmpty {
            return ["Machine unknown for \(b.isEmpty ? "the baseline" : "the candidate") (no manifest.json with cpu_model/cores): timing differences may come from the hardware."]
        }
        guard b != c else { return [] }
        return ["Different machines: baseline ran on \(b.sorted().joined(separator: "; ")), candidate on \(c.sorted().joined(separator: "; ")). Timing regressions are reported as warnings, not failures (record a baseline on this machine, or use the A/B mode: make ci-ab); deterministic metrics are still compared exactly."]
    }

    // MARK: per-cell comparisons

    private static func statusFindings(_ id: String, _ label: String, _ b: Runs, _ c: Runs) -> [Comparison.Finding] {
        var out: [Comparison.Finding] = []
        for r in Set(b.keys).intersection(c.keys).sorted() {
            let before = b[r]!, after = c[r]!
            guard before.isOK != after.isOK else { continue }
            let verdict: Comparison.Verdict = before.isOK ? .regression : .improvement
            let why = after.isOK ? "now ok" : (after.error.isEmpty ? after.status : "\(after.status): \(after.error)")
            out.append(.init(cellId: id, label: label, metric: "status (repeat \(r))", kind: .status, verdict: verdict,
                             baseline: before.status, candidate: after.status, change: "\(before.status) → \(after.status)",
                             evidence: TextEscaping.singleLine(String(why.prefix(200)))))
        }
        return out
    }

    private static func deterministicFindings(_ id: String, _ label: String, _ b: Runs, _ c: Runs, _ options: CompareOptions)
        -> [Comparison.Finding]
    {
        let repeats = Set(b.keys).intersection(c.keys).sorted().filter { b[$0]!.isOK && c[$0]!.isOK }
        var out: [Comparison.Finding] = []
        let seedDiffers = repeats.filter { b[$0]!.text["seed"] != c[$0]!.text["seed"] }
        if let first = seedDiffers.first {
            out.append(.init(cellId: id, label: label, metric: "seed", kind: .deterministic, verdict: .changed,
                             baseline: b[first]!.text["seed"] ?? "", candidate: c[first]!.text["seed"] ?? "",
                             change: "differs", evidence: "\(seedDiffers.count) of \(repeats.count) repeat(s) ran with another seed (experiment seed changed?); their deterministic metrics are not compared"))
        }
        let comparable = repeats.filter { !seedDiffers.contains($0) }
        for metric in ResultColumns.deterministic {
            var differing: [(Int, String, String, Double?)] = []
            var allowed = true
            for r in comparable {
                let x = b[r]!, y = c[r]!
                if let p = x.numbers[metric], let q = y.numbers[metric] {
                    guard p != q else { continue }
                    differing.append((r, format(p), format(q), q - p))
                    if !(options.tolerances[metric]?.allows(baseline: p, candidate: q) ?? false) { allowed = false }
                } else {
                    let p = x.text[metric] ?? "", q = y.text[metric] ?? ""
                    guard p != q else { continue }
                    differing.append((r, p.isEmpty ? "—" : p, q.isEmpty ? "—" : q, nil))
                    allowed = false
                }
            }
            guard let first = differing.first else { continue }
            let change = first.3.map { ($0 > 0 ? "+" : "") + format($0) } ?? "differs"
            let which = differing.prefix(5).map { String($0.0) }.joined(separator: ", ") + (differing.count > 5 ? ", …" : "")
            var evidence = "\(differing.count) of \(comparable.count) repeat(s) differ (repeat \(which)); first shown"
            if let t = options.tolerances[metric] { evidence += "; tolerance \(t.text)" }
            out.append(.init(cellId: id, label: label, metric: metric, kind: .deterministic,
                             verdict: allowed ? .withinTolerance : .changed, baseline: first.1, candidate: first.2,
                             change: change, evidence: evidence))
        }
        return out
    }

    private static func noisyFindings(_ id: String, _ label: String, _ b: Runs, _ c: Runs, _ options: CompareOptions)
        -> [Comparison.Finding]
    {
        let okB = b.keys.sorted().map { b[$0]! }.filter(\.isOK), okC = c.keys.sorted().map { c[$0]! }.filter(\.isOK)
        var out: [Comparison.Finding] = []
        for metric in ResultColumns.noisy {
            let x = okB.compactMap { $0.numbers[metric] }, y = okC.compactMap { $0.numbers[metric] }
            if x.isEmpty && y.isEmpty { continue }
            guard !x.isEmpty, !y.isEmpty else {
                out.append(.init(cellId: id, label: label, metric: metric, kind: .noisy, verdict: .noData,
                                 baseline: x.isEmpty ? "—" : format(SampleStatistics.median(x)),
                                 candidate: y.isEmpty ? "—" : format(SampleStatistics.median(y)), change: "—",
                                 evidence: "no ok run with a value on the \(x.isEmpty ? "baseline" : "candidate") side",
                                 baselineCount: x.count, candidateCount: y.count))
                continue
            }
            out.append(judge(id, label, metric, x, y, options))
        }
        return out
    }

    static func judge(_ id: String, _ label: String, _ metric: String, _ x: [Double], _ y: [Double],
                      _ options: CompareOptions) -> Comparison.Finding {
        let mb = SampleStatistics.median(x), mc = SampleStatistics.median(y)
        let change = mb == 0 ? (mc == 0 ? 0 : (mc > 0 ? Double.infinity : -Double.infinity)) : (mc - mb) / abs(mb)
        let worse = higherIsBetter.contains(metric) ? change < 0 : change > 0
        let threshold = options.threshold(for: metric)
        let mw = MannWhitneyU.test(x, y)!
        let ratio = Bootstrap.ratioOfMediansInterval(
            baseline: x, candidate: y, seed: ResampleGenerator.stableSeed("compare/\(id)/\(metric)"),
            resamples: options.resamples)
        var evidence = "n=\(x.count)/\(y.count), Mann-Whitney p=\(NumberFormat.significant(mw.pValue, digits: 2))"
        if let ratio { evidence += ", ratio 95% CI [\(NumberFormat.fixed(ratio.lower, 3)), \(NumberFormat.fixed(ratio.upper, 3))]" }
        let verdict: Comparison.Verdict
        if abs(change) < threshold {
            verdict = .unchanged
        } else {
            let significant: Bool
            switch options.test {
            case .mannWhitney:
                significant = mw.pValue < options.alpha
                if !significant && !mw.canReachSignificance(alpha: options.alpha) {
                    evidence += "; \(x.count) vs \(y.count) repeats cannot reach p<\(NumberFormat.shortest(options.alpha)) (smallest possible p=\(NumberFormat.significant(mw.minimumPValue, digits: 2)))"
                }
            case .bootstrap:
                significant = ratio.map { !$0.contains(1) } ?? false
            }
            if significant {
                verdict = worse ? .regression : .improvement
            } else if options.test == .mannWhitney && !mw.canReachSignificance(alpha: options.alpha) {
                verdict = .inconclusive
            } else {
                verdict = .notSignificant
            }
        }
        return .init(cellId: id, label: label, metric: metric, kind: .noisy, verdict: verdict,
                     baseline: format(mb), candidate: format(mc), change: NumberFormat.percent(change), evidence: evidence,
                     relativeChange: change.isFinite ? change : nil, pValue: mw.pValue, u: mw.u,
                     baselineCount: x.count, candidateCount: y.count, ratioInterval: ratio)
    }

    /// "strategy=delta_merge, dup_prob=0.1" from the `params` JSON, else the cell id.
    static func cellLabel(_ run: RunRecord) -> String {
        let params = run.params
        guard !params.isEmpty else { return String(run.cellId.prefix(16)) }
        return params.map { "\($0.0)=\($0.1.text)" }.joined(separator: ", ")
    }

    /// Integers and values ≥ 1000 with thousands separators, smaller values with 4 significant digits.
    static func format(_ v: Double) -> String {
        if (v == v.rounded() || abs(v) >= 1000) && abs(v) < 1e15 { return NumberFormat.grouped(v) }
        return NumberFormat.significant(v, digits: 4)
    }
}
