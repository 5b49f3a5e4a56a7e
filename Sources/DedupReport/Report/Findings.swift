import Foundation

/// The sentences a reader needs, computed from the cell medians: which strategy is fastest, what
/// duplicates cost in storage and money per million records, how time grows with scale, how hash
/// choices compare, and whether every run kept every record. Each finding is skipped when the
/// experiment has no data for it.
struct Findings {
    let experiment: ExperimentResults

    func sentences() -> [String] {
        [fastest(), duplicateCost(), scaleGrowth(), hashing(), correctness()].compactMap { $0 }
    }

    private var strategies: [String] {
        experiment.axis(named: "strategy")?.values ?? []
    }

    /// Median of the cell medians of `metric` over cells matching `filter`.
    private func pooledMedian(_ metric: String, where filter: (CellSummary) -> Bool) -> Double? {
        let medians = experiment.cells.filter(filter).compactMap { $0.median(metric) }
        return medians.isEmpty ? nil : SampleStatistics.median(medians)
    }

    private func strategyOf(_ cell: CellSummary) -> String {
        cell.axisValues["strategy"] ?? cell.runs.first?.text["strategy"] ?? ""
    }

    private func fastest() -> String? {
        let names = strategies
        guard names.count >= 2 else {
            guard let t = pooledMedian("throughput_rps", where: { _ in true }) else { return nil }
            let name = experiment.fixed.first { $0.0 == "strategy" }?.1
            return "Throughput: median \(rate(t)) records/s\(name.map { " (strategy \(bold($0)))" } ?? "") over \(experiment.cells.count) cell(s)."
        }
        let medians = names.compactMap { s in pooledMedian("throughput_rps", where: { strategyOf($0) == s }).map { (s, $0) } }
        guard medians.count >= 2, let best = medians.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }),
            let worst = medians.min(by: { ($0.1, $1.0) < ($1.1, $0.0) }), worst.1 > 0
        else { return nil }
        // Configurations: cells that agree on every axis but strategy.
        let others = experiment.axes.map(\.name).filter { $0 != "strategy" }
        var groups: [[String]: [CellSummary]] = [:]
        for cell in experiment.cells { groups[others.map { cell.axisValues[$0] ?? "" }, default: []].append(cell) }
        var wins = 0, comparable = 0
        for group in groups.values {
            let ranked = group.compactMap { c in c.median("throughput_rps").map { (strategyOf(c), $0) } }
            guard Set(ranked.map(\.0)).count >= 2 else { continue }
            comparable += 1
            if ranked.max(by: { ($0.1, $1.0) < ($1.1, $0.0) })?.0 == best.0 { wins += 1 }
        }
        let ranking = medians.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
            .map { "\($0.0) \(rate($0.1))" }.joined(separator: ", ")
        return "Fastest strategy: \(bold(best.0)) with a median of \(rate(best.1)) records/s, "
            + "\(NumberFormat.fixed(best.1 / worst.1, 2))× the slowest, \(bold(worst.0)) (\(rate(worst.1)) records/s); "
            + "fastest in \(wins) of \(comparable) comparable configuration(s). Ranking (records/s): \(ranking)."
    }

    /// Table bytes and S3 USD/month per million unique records, per strategy; against the smallest
    /// table, the difference is what keeping duplicates costs.
    private func duplicateCost() -> String? {
        let names = strategies.isEmpty ? [""] : strategies
        let dupAxis = experiment.axis(named: "dup_prob")
        let level = dupAxis?.values.last
        func perMillion(_ cell: CellSummary, _ metric: String) -> Double? {
            guard let v = cell.median(metric), let n = cell.median("unique_in"), n > 0 else { return nil }
            return v / n * 1e6
        }
        func pooled(_ s: String, _ metric: String, dup: String?) -> Double? {
            let values = experiment.cells.filter { c in
                (s.isEmpty || strategyOf(c) == s) && (dup == nil || c.axisValues["dup_prob"] == dup)
            }.compactMap { perMillion($0, metric) }
            return values.isEmpty ? nil : SampleStatistics.median(values)
        }
        let rows = names.compactMap { s in
            pooled(s, "live_bytes", dup: level).map { (s, $0, pooled(s, "s3_storage_usd_month", dup: level)) }
        }
        guard !rows.isEmpty else { return nil }
        let at = level.map { " at dup_prob \($0)" } ?? ""
        var text = "Live table size per million unique records\(at): "
            + rows.map { r in
                let name = r.0.isEmpty ? "" : "\(bold(r.0)) "
                return "\(name)\(NumberFormat.megabytes(r.1)) MB" + (r.2.map { " (\(NumberFormat.usd($0)) USD/month)" } ?? "")
            }.joined(separator: ", ") + "."
        if rows.count >= 2, let small = rows.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }),
            let big = rows.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }), small.1 > 0, big.1 > small.1
        {
            text += " The largest live table, \(bold(big.0)), needs "
                + "\(NumberFormat.percent(big.1 / small.1 - 1)) more storage than the smallest, \(bold(small.0))"
                + " (\(NumberFormat.megabytes(big.1 - small.1)) MB"
            if let a = big.2, let b = small.2 { text += ", \(NumberFormat.usd(a - b)) USD/month" }
            text += " per million unique records)."
        }
        if let dupAxis, let low = dupAxis.values.first, low != level {
            let growth = names.compactMap { s -> String? in
                guard let a = pooled(s, "live_bytes", dup: low), let b = pooled(s, "live_bytes", dup: level), a > 0
                else { return nil }
                return "\(s.isEmpty ? "the table" : bold(s)) \(NumberFormat.percent(b / a - 1))"
            }
            if !growth.isEmpty {
                text += " From dup_prob \(low) to \(level!), storage per million unique records changes by: "
                    + growth.joined(separator: ", ") + "."
            }
        }
        return text
    }

    /// Growth of wall time with scale: the ratio over the range and a least-squares exponent.
    private func scaleGrowth() -> String? {
        guard let axis = experiment.axis(named: "scale"), axis.isNumeric, axis.values.count >= 2,
            let lo = Double(axis.values.first!), let hi = Double(axis.values.last!), lo > 0
        else {
            return strategies.contains("delta_merge") || strategies.contains("polars_merge")
                ? "Merge cost vs table size is not measured here: this experiment has no scale axis (see experiments/scale.yaml)."
                : nil
        }
        let names = strategies.isEmpty ? [""] : strategies
        let parts = names.compactMap { s -> String? in
            let points = axis.values.compactMap { v -> (Double, Double)? in
                guard let x = Double(v), let t = pooledMedian("wall_s", where: {
                    (s.isEmpty || strategyOf($0) == s) && $0.axisValues["scale"] == v
                }), t > 0 else { return nil }
                return (x, t)
            }
            guard points.count >= 2, let first = points.first, let last = points.last else { return nil }
            let exponent = logSlope(points)
            let perMillionFirst = first.1 / first.0 * 1e6, perMillionLast = last.1 / last.0 * 1e6
            return "\(s.isEmpty ? "wall time" : bold(s)) ×\(NumberFormat.significant(last.1 / first.1)) "
                + "(≈ scale^\(NumberFormat.fixed(exponent, 2)); \(NumberFormat.significant(perMillionFirst)) → "
                + "\(NumberFormat.significant(perMillionLast)) s per million records)"
        }
        guard !parts.isEmpty else { return nil }
        return "Growth with scale from \(NumberFormat.grouped(lo)) to \(NumberFormat.grouped(hi)) records "
            + "(×\(NumberFormat.significant(hi / lo))): " + parts.joined(separator: "; ")
            + ". An exponent above 1 means the cost per record grows with the table (merges rewrite more files as it grows)."
    }

    private func hashing() -> String? {
        var out: [String] = []
        if let axis = experiment.axis(named: "hash_algorithm") {
            let times = axis.values.compactMap { a in
                pooledMedian("hash_s", where: { $0.axisValues["hash_algorithm"] == a }).map { (a, $0) }
            }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            if times.count >= 2, let fast = times.first, let slow = times.last, fast.1 > 0 {
                out.append("Hashing: \(bold(fast.0)) is fastest (median \(NumberFormat.significant(fast.1)) s of hashing), "
                    + "\(NumberFormat.fixed(slow.1 / fast.1, 2))× faster than \(bold(slow.0)) (\(NumberFormat.significant(slow.1)) s).")
            }
        }
        if let axis = experiment.axis(named: "hash_encoding") {
            let sizes = axis.values.compactMap { e in
                pooledMedian("table_bytes", where: { $0.axisValues["hash_encoding"] == e }).map { (e, $0) }
            }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            if sizes.count >= 2, let small = sizes.first, let big = sizes.last, small.1 > 0 {
                out.append("Encoding: \(bold(small.0)) hash columns give the smallest tables "
                    + "(\(NumberFormat.megabytes(small.1)) MB median; \(bold(big.0)) \(NumberFormat.percent(big.1 / small.1 - 1))).")
            }
        }
        return out.isEmpty ? nil : out.joined(separator: " ")
    }

    private func correctness() -> String? {
        let ok = experiment.cells.flatMap(\.okRuns)
        let notOK = experiment.cells.reduce(0) { $0 + $1.failedCount + $1.timeoutCount }
        guard !ok.isEmpty || notOK > 0 else { return nil }
        let lost = ok.filter { ($0.numbers["lost_records"] ?? 0) > 0 }.count
        var text = lost == 0
            ? "Correctness: all \(ok.count) ok runs lost no record."
            : "Correctness: \(lost) ok run(s) report lost records — check the strategy's verification."
        let keeping = Set(experiment.cells.filter { ($0.median("duplicates_left") ?? 0) > 0 }.map(strategyOf)).sorted()
        if !keeping.isEmpty {
            text += " Duplicates remain in the table only with " + keeping.map(bold).joined(separator: ", ")
                + (keeping == ["bronze_append"] ? " (by design: bronze keeps every delivery)." : ".")
        } else {
            text += " No duplicates remain in any table."
        }
        if notOK > 0 { text += " \(notOK) run(s) failed or timed out (listed below) and are not in the statistics." }
        return text
    }

    private func logSlope(_ points: [(Double, Double)]) -> Double {
        let xs = points.map { log($0.0) }, ys = points.map { log($0.1) }
        let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
        var num = 0.0, den = 0.0
        for (x, y) in zip(xs, ys) { num += (x - mx) * (y - my); den += (x - mx) * (x - mx) }
        return den == 0 ? 0 : num / den
    }

    private func rate(_ value: Double) -> String { NumberFormat.si(value) }
    private func bold(_ text: String) -> String { "**" + TextEscaping.markdownCell(text) + "**" }
}
