import DedupPipeline

/// Turns a chart request into gnuplot script and data text for one experiment.
///
/// Every chart shows one metric, named the same in its title, y axis and the results table
/// (`MetricInfo.label`). Ticks carry human units (`AxisUnit`); ranges start at 0 (linear) or at a
/// power of ten (log), log/log when both axes span decades; series differ by colour, marker and
/// dash. Noisy metrics get 95% bootstrap intervals and a "not significant" note where intervals
/// overlap; deterministic metrics get no error bars. Hovering a point shows its value (gnuplot
/// hypertext → SVG `<title>`).
///
/// All labels pass through `TextEscaping.gnuplotString`; the data file holds only numbers (labels
/// appear there as sanitised comments), so user text never reaches gnuplot unquoted.
struct ChartBuilder {
    let experiment: ExperimentResults
    let png: Bool

    /// At most this many bars or bar groups in one chart; more are sliced (see `slice`).
    static let maxGroups = 8

    func build(_ request: ChartRequest, name: String) -> Result<ChartArtifact, ChartRequestError> {
        var request = request
        let known = experiment.axes.map(\.name).joined(separator: ", ")
        if let x = request.x {
            guard let axis = experiment.resolveAxis(x) else {
                return .failure(.init(message: "x '\(x)' is not an axis that varies in experiment '\(experiment.name)' (axes: \(known.isEmpty ? "none" : known))"))
            }
            request.x = axis
        }
        if let series = request.series {
            var resolved: [String] = []
            for s in series {
                guard let axis = experiment.resolveAxis(s) else {
                    // A series key that does not vary here (e.g. a shrunk CI run) just means one line.
                    if experiment.fixed.contains(where: { $0.0 == s }) || s.contains(".") || ResultColumns.parameters.contains(s) { continue }
                    return .failure(.init(message: "series '\(s)' is not an axis of experiment '\(experiment.name)' (axes: \(known.isEmpty ? "none" : known))"))
                }
                if axis != request.x { resolved.append(axis) }
            }
            request.series = resolved
        }
        let metric = request.metric
        guard CellSummary.summarisedMetrics.contains(metric) else {
            return .failure(.init(message: "y '\(metric)' is not a numeric result column"))
        }
        guard experiment.cells.contains(where: { $0.metrics[metric] != nil }) else {
            return .failure(.init(message: "no ok run has a value for \(metric)"))
        }
        switch request.kind {
        case .phases: return .success(phases(request, name: name))
        case .hash: return .success(hash(request, name: name))
        default:
            return .success(request.x == nil ? bars(request, name: name) : lines(request, name: name))
        }
    }

    // MARK: chart kinds

    private func lines(_ request: ChartRequest, name: String) -> ChartArtifact {
        let x = request.x!
        let metric = request.metric
        let seriesAxes = request.series ?? experiment.axes.map(\.name).filter { $0 != x }
        let series = experiment.series(metric: metric, x: x, seriesAxes: seriesAxes, seedPrefix: name)
        let axis = experiment.axis(named: x)!
        let noisy = ResultColumns.noisy.contains(metric)
        let xUnit = AxisUnit.of(x), yUnit = AxisUnit.of(metric)
        let positions = axis.isNumeric ? nil : Dictionary(uniqueKeysWithValues: axis.values.enumerated().map { ($1, $0) })
        func xValue(_ p: ChartPoint) -> Double { positions.map { Double($0[p.x] ?? 0) } ?? (Double(p.x) ?? 0) }

        var data = header(name, metric, columns: noisy ? "x median lower upper n" : "x median n")
        for (i, s) in series.enumerated() {
            data += (i > 0 ? "\n\n" : "") + "# series \(i): \(TextEscaping.gnuplotComment(s.label))\n"
            for p in s.points {
                data += row([num(xValue(p)), num(p.median)] + (noisy ? [num(p.lower), num(p.upper)] : []) + [String(p.count)])
            }
        }
        var script = preamble(name, title: title(request))
        script += "set xlabel \(TextEscaping.gnuplotString(MetricInfo.axisLabel(x)))\n"
        // x: the axis values themselves, no padding (a duplicate rate never goes below 0).
        var logX = false
        if let positions {
            script += "set xrange [-0.3:\(num(Double(positions.count) - 0.7))]\n"
            script += xtics(axis.values.map { ($0, positions[$0]!) })
        } else {
            let values = axis.values.compactMap(Double.init)
            let lo = values.min() ?? 0, hi = values.max() ?? 1
            logX = lo > 0 && (request.logX || hi / lo >= 100)
            if logX {
                script += "set logscale x 10\nset xrange [\(num(lo / 1.15)):\(num(hi * 1.15))]\n"
            } else {
                let pad = (hi - lo) * 0.02
                script += "set xrange [\(num(Swift.max(lo == 0 ? 0 : lo - pad, 0))):\(num(hi + pad))]\n"
            }
            let ticks = values.count <= 8 ? values : (logX ? AxisUnit.logTicks(from: lo, to: hi) : AxisUnit.linearTicks(upTo: hi))
            script += xUnit.tics("x", ticks)
        }
        let all = series.flatMap(\.points)
        script += yAxis(metric, lows: all.map { noisy ? $0.lower : $0.median }, highs: all.map { noisy ? $0.upper : $0.median },
                        preferLog: logX)
        var plots = series.enumerated().map { i, s in
            "\(i == 0 ? quoted(name + ".dat") : "''") index \(i) using 1:2\(noisy ? ":3:4 with yerrorlines" : " with linespoints") \(ChartStyle.line(i)) title \(TextEscaping.gnuplotString(s.label))"
        }
        var hovers: [String] = []
        for s in series {
            for p in s.points {
                let where_ = MetricInfo.axisName(x)
                var text = "\(s.label) · \(where_) \(positions == nil ? xUnit.label(xValue(p)) : p.x): \(yUnit.label(p.median))"
                if noisy { text += " [95% CI \(yUnit.label(p.lower))–\(yUnit.label(p.upper))]" }
                hovers.append(hoverLabel(text, x: xValue(p), y: p.median))
            }
        }
        script += hovers.joined()
        if plots.isEmpty { plots = ["NaN notitle"] }
        script += "plot " + plots.joined(separator: ", \\\n     ") + "\n"
        var caption = "Median \(MetricInfo.label(metric)) per \(seriesAxes.isEmpty ? "run set" : seriesAxes.map(MetricInfo.axisName).joined(separator: " × ")) against \(MetricInfo.axisLabel(x))"
        caption += noisy ? "; error bars: 95% bootstrap interval of the median." : "; deterministic for a seed, so no error bars."
        caption += notes(series, noisy: noisy, xText: { positions == nil ? xUnit.label(Double($0) ?? 0) : $0 })
        return artifact(name, title: title(request), script: script, data: data, caption: caption, metric: metric)
    }

    /// Bars per cell (or per series value) when there is no x axis.
    private func bars(_ request: ChartRequest, name: String) -> ChartArtifact {
        let metric = request.metric
        let seriesAxes = request.series ?? experiment.axes.map(\.name)
        let series = Array(experiment.series(metric: metric, x: nil, seriesAxes: seriesAxes, seedPrefix: name).prefix(24))
        let noisy = ResultColumns.noisy.contains(metric)
        let unit = AxisUnit.of(metric)
        var data = header(name, metric, columns: "position median lower upper n")
        for (i, s) in series.enumerated() {
            data += "# bar \(i): \(TextEscaping.gnuplotComment(s.label))\n"
            let p = s.points[0]
            data += row([String(i), num(p.median), num(p.lower), num(p.upper), String(p.count)])
        }
        var script = preamble(name, title: title(request))
        script += "set style fill solid 0.75 border -1\nset boxwidth 0.6\nset xrange [-0.6:\(num(Double(series.count) - 0.4))]\n"
        script += xtics(series.enumerated().map { ($1.label, $0) })
        let points = series.map(\.points[0])
        script += yAxis(metric, lows: points.map { noisy ? $0.lower : $0.median }, highs: points.map { noisy ? $0.upper : $0.median }, preferLog: false)
        for (i, s) in series.enumerated() {
            let p = s.points[0]
            script += hoverLabel("\(s.label): \(unit.label(p.median))" + (noisy ? " [95% CI \(unit.label(p.lower))–\(unit.label(p.upper))]" : ""),
                                 x: Double(i), y: p.median)
        }
        script += "plot \(quoted(name + ".dat")) using 1:2 with boxes lc rgb '\(ChartStyle.colors[0])' notitle"
        script += noisy ? ", \\\n     '' using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 title '95% CI'\n" : "\n"
        var caption = "Median \(MetricInfo.label(metric)) per cell"
        caption += noisy ? "; error bars: 95% bootstrap interval of the median." : "; deterministic for a seed, so no error bars."
        let single = series.map { ChartSeries(label: $0.label, points: $0.points.map { var p = $0; p.x = ""; return p }) }
        caption += notes(single, noisy: noisy, xText: { _ in "" })
        return artifact(name, title: title(request), script: script, data: data, caption: caption, metric: metric)
    }

    /// Phase times per cell. Phases that add up to the wall time are stacked (with "other" = the
    /// rest); phases that overlap (hashing runs while writing) are drawn side by side next to the
    /// wall time, never stacked past it. More than `maxGroups` cells are sliced.
    private func phases(_ request: ChartRequest, name: String) -> ChartArtifact {
        let available = ["gen_s", "hash_s", "dedup_s", "write_s"].filter { p in experiment.cells.contains { $0.median(p) != nil } }
        let totals = ["total_s", "wall_s"].filter { p in experiment.cells.contains { $0.median(p) != nil } }
        let (cells, sliceNote) = slice(experiment.cells.filter { $0.median("wall_s") != nil })
        let addsUp = cells.allSatisfy { c in
            available.reduce(0) { $0 + (c.median($1) ?? 0) } <= (c.median("wall_s") ?? 0) * 1.02
        }
        let titleText = request.title ?? "Time by phase — \(experiment.name)"
        var script = preamble(name, title: titleText)
        script += "set style fill solid 0.85 border -1\nset xrange [-0.6:\(num(Double(cells.count) - 0.4))]\n"
        script += "set ylabel 'median time (s)'\n"
        script += xtics(cells.enumerated().map { (shortCellLabel($1), $0) })
        var data: String
        var caption: String
        let seconds = AxisUnit.seconds
        if addsUp {
            data = header(name, "wall_s", columns: "position " + available.map { "+" + $0 }.joined(separator: " ") + " wall (cumulative median seconds)")
            for (i, cell) in cells.enumerated() {
                var cumulative = 0.0
                var fields = [String(i)]
                for phase in available { cumulative += cell.median(phase) ?? 0; fields.append(num(cumulative)) }
                fields.append(num(Swift.max(cumulative, cell.median("wall_s") ?? 0)))
                data += "# bar \(i): \(TextEscaping.gnuplotComment(experiment.cellLabel(cell)))\n" + row(fields)
                script += hoverLabel("\(experiment.cellLabel(cell)): wall \(seconds.label(cell.median("wall_s") ?? 0)); "
                    + available.map { "\($0.dropLast(2)) \(seconds.label(cell.median($0) ?? 0))" }.joined(separator: ", "),
                                     x: Double(i), y: cell.median("wall_s") ?? 0)
            }
            script += "set boxwidth 0.7\n"
            script += yAxis("wall_s", lows: [0], highs: cells.map { $0.median("wall_s") ?? 0 }, preferLog: false, label: false)
            let layers = [("other", "wall_s", available.count + 2)] + available.enumerated().reversed().map { i, p in (String(p.dropLast(2)), p, i + 2) }
            script += "plot " + layers.enumerated().map { i, layer in
                "\(i == 0 ? quoted(name + ".dat") : "''") using 1:\(layer.2) with boxes lc rgb '\(ChartStyle.phaseColor(layer.1 == "wall_s" ? "other" : layer.1))' title '\(layer.0)'"
            }.joined(separator: ", \\\n     ") + "\n"
            caption = "Median seconds per phase for each cell, stacked: they add up to the wall time (other = time outside these phases)."
        } else {
            let bars = totals + available
            let width = 0.84 / Double(bars.count)
            data = header(name, "wall_s", columns: "position median lower upper n")
            for (j, phase) in bars.enumerated() {
                data += (j > 0 ? "\n\n" : "") + "# series \(j): \(phase)\n"
                for (i, cell) in cells.enumerated() {
                    guard let m = cell.metrics[phase] else { continue }
                    let lo = m.interval?.lower ?? m.stats.median, hi = m.interval?.upper ?? m.stats.median
                    let position = pos(Double(i) - 0.42 + width * (Double(j) + 0.5))
                    data += row([num(position), num(m.stats.median), num(lo), num(hi), String(m.stats.count)])
                    script += hoverLabel("\(experiment.cellLabel(cell)) · \(MetricInfo.label(phase)): \(seconds.label(m.stats.median)) [95% CI \(seconds.label(lo))–\(seconds.label(hi))]",
                                         x: position, y: m.stats.median)
                }
            }
            script += "set boxwidth \(num(pos(width * 0.92)))\n"
            let highs = cells.flatMap { c in bars.compactMap { c.metrics[$0]?.interval?.upper ?? c.median($0) } }
            script += yAxis("wall_s", lows: [0], highs: highs, preferLog: false, label: false)
            var plots: [String] = []
            for (j, phase) in bars.enumerated() {
                let pattern = phase == "wall_s" || phase == "total_s" ? "fs pattern 2 border -1" : "fs solid 0.85 border -1"
                plots.append("\(j == 0 ? quoted(name + ".dat") : "''") index \(j) using 1:2 with boxes \(pattern) lc rgb '\(ChartStyle.phaseColor(phase))' title \(TextEscaping.gnuplotString(MetricInfo.label(phase).replacing(" (s)", with: "")))")
                plots.append("'' index \(j) using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle")
            }
            script += "plot " + plots.joined(separator: ", \\\n     ") + "\n"
            caption = "Median seconds per phase for each cell, side by side: the phases overlap (hashing runs while "
                + "writing), so they do not add up to the wall time and are not stacked. Hatched: "
                + totals.map { MetricInfo.label($0).replacing(" (s)", with: "") }.joined(separator: " and ")
                + " of the whole run; error bars: 95% bootstrap interval of the median."
        }
        if let sliceNote { caption += " " + sliceNote }
        return artifact(name, title: titleText, script: script, data: data, caption: caption, metric: "wall_s")
    }

    /// Grouped bars: categories = hash algorithms, one bar per encoding.
    private func hash(_ request: ChartRequest, name: String) -> ChartArtifact {
        let metric = request.metric
        let categoryAxis = request.x ?? "hash_algorithm"
        let groupAxes = request.series ?? ["hash_encoding"]
        let series = experiment.series(metric: metric, x: categoryAxis, seriesAxes: groupAxes, seedPrefix: name)
        let noisy = ResultColumns.noisy.contains(metric)
        let unit = AxisUnit.of(metric)
        var categories: [String] = []
        for s in series { for p in s.points where !categories.contains(p.x) { categories.append(p.x) } }
        categories.sort { Axis.ascending($0, $1, numeric: false) }
        let width = 0.8 / Double(Swift.max(1, series.count))
        var data = header(name, metric, columns: "position median lower upper n")
        let titleText = request.title ?? "\(MetricInfo.label(metric)) by hash algorithm × encoding — \(experiment.name)"
        var script = preamble(name, title: titleText)
        for (i, s) in series.enumerated() {
            data += (i > 0 ? "\n\n" : "") + "# series \(i): \(TextEscaping.gnuplotComment(s.label))\n"
            for p in s.points {
                let position = pos(Double(categories.firstIndex(of: p.x)!) - 0.4 + width * (Double(i) + 0.5))
                data += row([num(position), num(p.median), num(p.lower), num(p.upper), String(p.count)])
                script += hoverLabel("\(p.x) · \(s.label): \(unit.label(p.median))" + (noisy ? " [95% CI \(unit.label(p.lower))–\(unit.label(p.upper))]" : ""),
                                     x: position, y: p.median)
            }
        }
        script += "set style fill solid 0.75 border -1\nset boxwidth \(num(pos(width * 0.9)))\n"
        script += "set xrange [-0.6:\(num(Double(categories.count) - 0.4))]\n"
        script += "set xlabel \(TextEscaping.gnuplotString(MetricInfo.axisLabel(categoryAxis)))\n"
        script += xtics(categories.enumerated().map { ($1, $0) })
        let all = series.flatMap(\.points)
        script += yAxis(metric, lows: [0], highs: all.map { noisy ? $0.upper : $0.median }, preferLog: false)
        var plots: [String] = []
        for (i, s) in series.enumerated() {
            plots.append("\(i == 0 ? quoted(name + ".dat") : "''") index \(i) using 1:2 with boxes lc rgb '\(ChartStyle.colors[i % ChartStyle.colors.count])' title \(TextEscaping.gnuplotString(s.label))")
            if noisy { plots.append("'' index \(i) using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 notitle") }
        }
        script += "plot " + plots.joined(separator: ", \\\n     ") + "\n"
        var caption = "Median \(MetricInfo.label(metric)) per \(MetricInfo.axisName(categoryAxis)), one bar per \(groupAxes.map(MetricInfo.axisName).joined(separator: " × "))"
        caption += noisy ? "; error bars: 95% bootstrap interval of the median." : "; deterministic for a seed, so no error bars."
        return artifact(name, title: titleText, script: script, data: data, caption: caption, metric: metric)
    }

    // MARK: shared pieces

    /// Cells to draw when there are more than `maxGroups`: a numeric axis with more than two values
    /// is cut to its first and last value (then to its last), so the chart compares strategies at
    /// the ends of the range instead of drawing a smear of 44 bars. Returns the note for the caption.
    private func slice(_ cells: [CellSummary]) -> ([CellSummary], String?) {
        var kept = cells
        var notes: [String] = []
        for axis in experiment.axes.reversed() where axis.isNumeric && kept.count > Self.maxGroups {
            let unit = AxisUnit.of(axis.name)
            let pick = kept.count / axis.values.count * 2 <= Self.maxGroups && axis.values.count > 2
                ? [axis.values.first!, axis.values.last!] : [axis.values.last!]
            kept = kept.filter { pick.contains($0.axisValues[axis.name] ?? "") }
            notes.append("\(MetricInfo.axisName(axis.name)) \(pick.map { unit.label(Double($0) ?? 0) }.joined(separator: " and "))")
        }
        guard !notes.isEmpty else { return (cells, nil) }
        return (kept, "Shown at " + notes.joined(separator: "; ") + " only (of \(cells.count) cells; the results table has them all).")
    }

    /// The cell label with numeric axis values in their unit ("bronze_append / 10%").
    private func shortCellLabel(_ cell: CellSummary) -> String {
        if experiment.axes.isEmpty { return String(cell.cellId.prefix(12)) }
        return experiment.axes.map { a in
            let v = cell.axisValues[a.name] ?? ""
            return a.isNumeric ? AxisUnit.of(a.name).label(Double(v) ?? 0) : v
        }.joined(separator: " / ")
    }

    /// y range, scale and ticks for `metric`: from 0 on a linear axis, or log when the values span
    /// three decades (two when x is logarithmic too, so growth reads as a straight line).
    private func yAxis(_ metric: String, lows: [Double], highs: [Double], preferLog: Bool, label: Bool = true) -> String {
        let unit = AxisUnit.of(metric)
        var s = label ? "set ylabel \(TextEscaping.gnuplotString(MetricInfo.axisTitle(metric)))\n" : ""
        let positive = lows.filter { $0 > 0 }
        let hi = highs.max() ?? 1
        if let lo = positive.min(), lo > 0, hi / lo >= (preferLog ? 10 : 1000) {
            let ticks = AxisUnit.logTicks(from: lo, to: hi)
            s += "set logscale y 10\nset yrange [\(num(ticks.first!)):\(num(ticks.last!))]\n" + unit.tics("y", ticks)
        } else {
            let ticks = AxisUnit.linearTicks(upTo: hi > 0 ? hi : 1)
            s += "set yrange [0:\(num(ticks.last!))]\n" + unit.tics("y", ticks)
        }
        return s
    }

    /// Caption notes: series with identical values (their lines coincide; markers tell them apart),
    /// values that vary between repeats although deterministic, and for noisy metrics the pairs
    /// whose 95% intervals overlap at a point ("not significant").
    private func notes(_ series: [ChartSeries], noisy: Bool, xText: (String) -> String) -> String {
        var out = ""
        var identical: [[String]] = []
        var used = Set<Int>()
        for i in series.indices where !used.contains(i) {
            let same = series.indices.filter { j in
                j > i && !used.contains(j) && series[j].points.map(\.x) == series[i].points.map(\.x)
                    && zip(series[j].points, series[i].points).allSatisfy { abs($0.median - $1.median) <= 1e-9 * Swift.max(1, abs($1.median)) }
            }
            if !same.isEmpty { identical.append([series[i].label] + same.map { series[$0].label }); used.formUnion(same) }
        }
        if !identical.isEmpty {
            out += " Identical values (lines coincide; told apart by marker): " + identical.map { $0.joined(separator: " = ") }.joined(separator: "; ") + "."
        }
        if !noisy {
            let varying = series.filter { s in s.points.contains { $0.upper > $0.lower } }.map(\.label)
            if !varying.isEmpty {
                out += " Repeats use different seeds, so values differ slightly between repeats for \(varying.joined(separator: ", ")); plotted: the median."
            }
            return out
        }
        var overlaps: [String] = []
        for i in series.indices {
            for j in series.indices where j > i {
                let xs = series[i].points.compactMap { p -> String? in
                    guard let q = series[j].points.first(where: { $0.x == p.x }), p.count > 1, q.count > 1 else { return nil }
                    return p.lower <= q.upper && q.lower <= p.upper ? p.x : nil
                }
                if !xs.isEmpty {
                    let at = xs.allSatisfy(\.isEmpty) ? "" : " at " + xs.map(xText).joined(separator: ", ")
                    overlaps.append("\(series[i].label) vs \(series[j].label)\(at)")
                }
            }
        }
        if !overlaps.isEmpty {
            out += " Not significant (95% intervals overlap): " + overlaps.prefix(8).joined(separator: "; ")
                + (overlaps.count > 8 ? "; and \(overlaps.count - 8) more" : "") + "."
        }
        return out
    }

    private func title(_ request: ChartRequest) -> String {
        if let t = request.title { return t }
        let what = MetricInfo.label(request.metric)
        return request.x.map { "\(what) vs \(MetricInfo.axisName($0)) — \(experiment.name)" } ?? "\(what) — \(experiment.name)"
    }

    private func preamble(_ name: String, title: String) -> String {
        var s = "# \(TextEscaping.gnuplotComment(title))\n"
        s += "# Written by dedupbench report. Regenerate from this directory: gnuplot \(name).gp\n"
        s += "set encoding utf8\n"
        s += "set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'\n"
        s += "set output \(quoted(name + ".svg"))\n"
        s += "set title \(TextEscaping.gnuplotString(title))\n"
        s += "set key outside right top noenhanced\nset grid ytics\nset border 3\nset tics nomirror\n"
        return s
    }

    /// An invisible point at (x, y) whose hover text is `text` (SVG `<title>` after `SVGInliner`).
    private func hoverLabel(_ text: String, x: Double, y: Double) -> String {
        "set label \(TextEscaping.gnuplotString(text)) at \(num(x)), \(num(y)) hypertext point pt 7 ps 2 lc rgb '#ff000000'\n"
    }

    private func artifact(_ name: String, title: String, script: String, data: String, caption: String,
                          metric: String) -> ChartArtifact {
        var script = script
        if png {
            // Hover points are for the SVG only; in a PNG they would show as dots.
            script += "unset label\n"
            script += "set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'\n"
            script += "set output \(quoted(name + ".png"))\nreplot\n"
        }
        script += "unset output\n"
        return ChartArtifact(name: name, title: title, caption: caption, script: script, data: data, png: png, metric: metric)
    }

    private func header(_ name: String, _ metric: String, columns: String) -> String {
        "# \(name).dat — experiment \(TextEscaping.gnuplotComment(experiment.name)), metric \(metric)\n# columns: \(columns)\n"
    }

    private func xtics(_ labels: [(String, Int)]) -> String {
        let rotate = labels.count > 4 || labels.contains { $0.0.count > 12 }
        let list = labels.map { "\(AxisUnit.ticLabel($0.0)) \($0.1)" }.joined(separator: ", ")
        return "set xtics (\(list))\(rotate ? " rotate by -30" : "")\n"
    }

    private func row(_ fields: [String]) -> String { fields.joined(separator: " ") + "\n" }
    private func num(_ value: Double) -> String { NumberFormat.shortest(value) }
    /// A bar position or width, rounded so float noise (0.20000000000000007) stays out of the files.
    private func pos(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }
    private func quoted(_ file: String) -> String { TextEscaping.gnuplotString(file) }
}
