import DedupPipeline

/// The baseline overlay of `dedupbench compare` (like criterion.rs): for each cell both sides'
/// medians of one noisy metric side by side (baseline hatched grey, candidate blue) with 95%
/// bootstrap intervals, and the verdict of the comparison under each cell, so a reader sees at a
/// glance which changes are real and which are within noise.
public enum ComparisonChart {
    /// The chart files for `metric` (default throughput). nil when no cell has the metric on both sides.
    public static func build(baseline: [ResultFile], candidate: [ResultFile], comparison: Comparison,
                             metric: String = "throughput_rps", name: String = "compare-throughput") -> ChartArtifact? {
        func runs(_ files: [ResultFile]) -> [String: [RunRecord]] {
            var out: [String: [RunRecord]] = [:]
            for f in files { for row in f.table.rows { let r = RunRecord(table: f.table, row: row); out[r.cellId, default: []].append(r) } }
            return out
        }
        let b = runs(baseline), c = runs(candidate)
        let cells = b.keys.filter { c[$0] != nil }.sorted { Comparator.cellLabel(b[$0]![0]) < Comparator.cellLabel(b[$1]![0]) }
        struct Side { var median: Double; var lower: Double; var upper: Double }
        func side(_ rs: [RunRecord], _ seed: String) -> Side? {
            let values = rs.filter(\.isOK).compactMap { $0.numbers[metric] }
            guard let stats = SampleStatistics(values) else { return nil }
            let ci = Bootstrap.medianInterval(values, seed: ResampleGenerator.stableSeed(seed))
            return Side(median: stats.median, lower: ci?.lower ?? stats.median, upper: ci?.upper ?? stats.median)
        }
        var rows: [(label: String, verdict: String, base: Side, cand: Side)] = []
        for id in cells {
            guard let x = side(b[id]!, "overlay/b/\(id)/\(metric)"), let y = side(c[id]!, "overlay/c/\(id)/\(metric)") else { continue }
            let verdict = comparison.findings.first { $0.cellId == id && $0.metric == metric }.map { f in
                f.verdict.rawValue.replacing("_", with: " ") + (f.change == "—" ? "" : " " + f.change)
            } ?? ""
            rows.append((Comparator.cellLabel(b[id]![0]), verdict, x, y))
        }
        guard !rows.isEmpty else { return nil }
        // Tick labels: only the parameter values that differ between cells ("bronze_append / 0.2").
        let params = cells.filter { id in rows.contains { $0.label == Comparator.cellLabel(b[id]![0]) } }.map { b[$0]![0].params }
        let varying = Set((params.first ?? []).map(\.0).filter { key in Set(params.map { p in p.first { $0.0 == key }?.1.text ?? "" }).count > 1 })
        let short = params.map { p in p.filter { varying.contains($0.0) }.map(\.1.text).joined(separator: " / ") }
        let unit = AxisUnit.of(metric)
        let q = TextEscaping.gnuplotString
        var data = "# \(name).dat — compare, metric \(metric)\n# columns: position median lower upper (index 0 baseline, index 1 candidate)\n"
        for (j, pick) in [(0, { (r: (label: String, verdict: String, base: Side, cand: Side)) in r.base }), (1, { $0.cand })] {
            data += (j > 0 ? "\n\n" : "") + "# \(j == 0 ? "baseline" : "candidate")\n"
            for (i, r) in rows.enumerated() {
                let s = pick(r)
                data += "\(NumberFormat.shortest(Double(i) + (j == 0 ? -0.18 : 0.18))) \(NumberFormat.shortest(s.median)) \(NumberFormat.shortest(s.lower)) \(NumberFormat.shortest(s.upper))\n"
            }
        }
        let title = "\(MetricInfo.label(metric)): candidate vs baseline"
        var script = "# \(TextEscaping.gnuplotComment(title))\n# Written by dedupbench compare --chart-dir. Regenerate from this directory: gnuplot \(name).gp\n"
        script += "set encoding utf8\nset terminal svg size 900,\(420 + 14 * rows.count) dynamic noenhanced font 'sans,12' background rgb 'white'\n"
        script += "set output \(q(name + ".svg"))\nset title \(q(title))\nset key outside right top noenhanced\nset grid ytics\nset border 3\nset tics nomirror\n"
        script += "set style fill solid 0.8 border -1\nset boxwidth 0.34\nset xrange [-0.6:\(NumberFormat.shortest(Double(rows.count) - 0.4))]\n"
        script += "set xtics (" + rows.indices.map { i in "\(AxisUnit.ticLabel(short.indices.contains(i) && !short[i].isEmpty ? short[i] : rows[i].label)) \(i)" }.joined(separator: ", ") + ")" + (rows.count > 4 ? " rotate by -30" : "") + "\n"
        if !varying.isEmpty { script += "set xlabel \(q(varying.sorted().map(MetricInfo.axisLabel).joined(separator: " / ")))\n" }
        let high = rows.map { max($0.base.upper, $0.cand.upper) }.max() ?? 1
        let ticks = AxisUnit.linearTicks(upTo: high * 1.12)
        for (i, r) in rows.enumerated() where !r.verdict.isEmpty {
            // The verdict above each pair: "not significant +0.4%", "regression -31.2%".
            script += "set label \(q(r.verdict)) at \(NumberFormat.shortest(Double(i))), \(NumberFormat.shortest(max(r.base.upper, r.cand.upper) * 1.03)) center font ',9'\n"
        }
        script += "set ylabel \(q(MetricInfo.axisTitle(metric)))\nset yrange [0:\(NumberFormat.shortest(ticks.last!))]\n" + unit.tics("y", ticks)
        for (i, r) in rows.enumerated() {
            for (dx, who, s) in [(-0.18, "baseline", r.base), (0.18, "candidate", r.cand)] {
                script += "set label \(q("\(r.label) · \(who): \(unit.label(s.median)) [95% CI \(unit.label(s.lower))–\(unit.label(s.upper))]\(r.verdict.isEmpty ? "" : " · " + r.verdict)")) at \(NumberFormat.shortest(Double(i) + dx)), \(NumberFormat.shortest(s.median)) hypertext point pt 7 ps 2 lc rgb '#ff000000'\n"
            }
        }
        script += "plot \(q(name + ".dat")) index 0 using 1:2 with boxes fs pattern 2 border -1 lc rgb '#777777' title 'baseline', \\\n"
        script += "     '' index 0 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 notitle, \\\n"
        script += "     '' index 1 using 1:2 with boxes lc rgb '#4477aa' title 'candidate', \\\n"
        script += "     '' index 1 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 notitle\nunset output\n"
        let caption = "Median \(MetricInfo.label(metric)) per cell, baseline (hatched) beside candidate, with 95% bootstrap "
            + "intervals of the median; under each cell the verdict of compare (\"not significant\" = the repeats overlap)."
        return ChartArtifact(name: name, title: title, caption: caption, script: script, data: data, png: false, metric: metric)
    }
}
