import DedupPipeline

/// Turns a chart request into gnuplot script and data text for one experiment.
/// All labels pass through `TextEscaping.gnuplotString`; the data file holds only numbers
/// (labels appear there as sanitised comments), so user text never reaches gnuplot unquoted.
struct ChartBuilder {
    let experiment: ExperimentResults
    let png: Bool

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
        let seriesAxes = request.series ?? experiment.axes.map(\.name).filter { $0 != x }
        let series = experiment.series(metric: request.metric, x: x, seriesAxes: seriesAxes, seedPrefix: name)
        let axis = experiment.axis(named: x)!
        let positions = axis.isNumeric ? nil : Dictionary(uniqueKeysWithValues: axis.values.enumerated().map { ($1, $0) })
        var data = header(name, request, columns: "x median lower upper n")
        for (i, s) in series.enumerated() {
            data += (i > 0 ? "\n\n" : "") + "# series \(i): \(TextEscaping.gnuplotComment(s.label))\n"
            for p in s.points {
                let position = positions.map { NumberFormat.shortest(Double($0[p.x] ?? 0)) } ?? p.x
                data += row([position, num(p.median), num(p.lower), num(p.upper), String(p.count)])
            }
        }
        var script = preamble(name, request, title: title(request))
        script += "set xlabel \(TextEscaping.gnuplotString(x))\nset offsets graph 0.04, graph 0.04, 0, 0\n"
        if let positions {
            script += xtics(axis.values.map { ($0, positions[$0]!) })
        } else if let lo = Double(axis.values.first ?? ""), let hi = Double(axis.values.last ?? ""), lo > 0,
            request.logX || hi / lo >= 100
        {
            script += "set logscale x 10\n"
        }
        let interval = ResultColumns.noisy.contains(request.metric) ? "95% bootstrap interval of the median" : "min–max over repeats"
        var plots = series.enumerated().map { i, s in
            "\(i == 0 ? quoted(name + ".dat") : "''") index \(i) using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title \(TextEscaping.gnuplotString(s.label))"
        }
        plots += series.indices.map { hoverLayer(index: $0, label: series[$0].label, xLabel: positions == nil ? x : nil) }
        script += "plot " + plots.joined(separator: ", \\\n     ") + "\n"
        return artifact(name, request, script: script, data: data,
                        caption: "Median \(MetricInfo.label(request.metric)) per \(seriesAxes.isEmpty ? "run set" : seriesAxes.joined(separator: " × ")) against \(x); error bars: \(interval).")
    }

    /// Bars per cell (or per series value) when there is no x axis.
    private func bars(_ request: ChartRequest, name: String) -> ChartArtifact {
        let seriesAxes = request.series ?? experiment.axes.map(\.name)
        let series = experiment.series(metric: request.metric, x: nil, seriesAxes: seriesAxes, seedPrefix: name)
        var data = header(name, request, columns: "position median lower upper n")
        for (i, s) in series.enumerated() {
            data += "# bar \(i): \(TextEscaping.gnuplotComment(s.label))\n"
            let p = s.points[0]
            data += row([String(i), num(p.median), num(p.lower), num(p.upper), String(p.count)])
        }
        var script = preamble(name, request, title: title(request))
        script += "set style fill solid 0.75 border -1\nset boxwidth 0.6\nset xrange [-0.6:\(NumberFormat.shortest(Double(series.count) - 0.4))]\n"
        script += xtics(series.enumerated().map { ($1.label, $0) })
        script += "plot \(quoted(name + ".dat")) using 1:2 with boxes lc rgb '#4477aa' notitle, \\\n"
        script += "     '' using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 title \(TextEscaping.gnuplotString(ResultColumns.noisy.contains(request.metric) ? "95% CI" : "min–max"))\n"
        return artifact(name, request, script: script, data: data,
                        caption: "Median \(MetricInfo.label(request.metric)) per cell; error bars: \(ResultColumns.noisy.contains(request.metric) ? "95% bootstrap interval of the median" : "min–max over repeats").")
    }

    /// Stacked phase seconds per cell; "other" is wall time not covered by the four phases.
    private func phases(_ request: ChartRequest, name: String) -> ChartArtifact {
        let phaseNames = ["gen_s", "hash_s", "dedup_s", "write_s"]
        let cells = experiment.cells.filter { $0.median("wall_s") != nil }
        var data = header(name, request, columns: "position gen +hash +dedup +write +other (cumulative median seconds)")
        for (i, cell) in cells.enumerated() {
            var cumulative = 0.0
            var fields = [String(i)]
            for phase in phaseNames {
                cumulative += cell.median(phase) ?? 0
                fields.append(num(cumulative))
            }
            fields.append(num(max(cumulative, cell.median("wall_s") ?? 0)))
            data += "# bar \(i): \(TextEscaping.gnuplotComment(experiment.cellLabel(cell)))\n" + row(fields)
        }
        var script = preamble(name, request, title: request.title ?? "Time by phase — \(experiment.name)")
        script += "set style fill solid 0.85 border -1\nset boxwidth 0.7\nset xrange [-0.6:\(NumberFormat.shortest(Double(cells.count) - 0.4))]\n"
        script += "set ylabel 'seconds (median)'\nset yrange [0:*]\n"
        script += xtics(cells.enumerated().map { (experiment.cellLabel($1), $0) })
        let layers = [("other", 6, "#bbbbbb"), ("write", 5, "#228833"), ("dedup", 4, "#ee6677"),
                      ("hash", 3, "#ccbb44"), ("gen", 2, "#4477aa")]
        let plots = layers.enumerated().map { i, layer in
            "\(i == 0 ? quoted(name + ".dat") : "''") using 1:\(layer.1) with boxes lc rgb '\(layer.2)' title '\(layer.0)'"
        }
        script += "plot " + plots.joined(separator: ", \\\n     ") + "\n"
        return artifact(name, request, script: script, data: data,
                        caption: "Median seconds per phase for each cell, stacked (generation, hashing, dedup, write; other = wall time outside these phases).")
    }

    /// Grouped bars: categories = hash algorithms, one bar per encoding.
    private func hash(_ request: ChartRequest, name: String) -> ChartArtifact {
        let categoryAxis = request.x ?? "hash_algorithm"
        let groupAxes = request.series ?? ["hash_encoding"]
        let series = experiment.series(metric: request.metric, x: categoryAxis, seriesAxes: groupAxes, seedPrefix: name)
        var categories: [String] = []
        for s in series { for p in s.points where !categories.contains(p.x) { categories.append(p.x) } }
        categories.sort { Axis.ascending($0, $1, numeric: false) }
        let width = 0.8 / Double(max(1, series.count))
        var data = header(name, request, columns: "position median lower upper n")
        for (i, s) in series.enumerated() {
            data += (i > 0 ? "\n\n" : "") + "# series \(i): \(TextEscaping.gnuplotComment(s.label))\n"
            for p in s.points {
                let position = Double(categories.firstIndex(of: p.x)!) - 0.4 + width * (Double(i) + 0.5)
                data += row([num(position), num(p.median), num(p.lower), num(p.upper), String(p.count)])
            }
        }
        var script = preamble(name, request, title: request.title ?? "Hash algorithm × encoding — \(experiment.name)")
        script += "set style fill solid 0.75 border -1\nset boxwidth \(num(width * 0.9))\n"
        script += "set xrange [-0.6:\(NumberFormat.shortest(Double(categories.count) - 0.4))]\n"
        script += "set xlabel \(TextEscaping.gnuplotString(categoryAxis))\n"
        script += xtics(categories.enumerated().map { ($1, $0) })
        let colors = ["#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bbbbbb"]
        var plots: [String] = []
        for (i, s) in series.enumerated() {
            plots.append("\(i == 0 ? quoted(name + ".dat") : "''") index \(i) using 1:2 with boxes lc rgb '\(colors[i % colors.count])' title \(TextEscaping.gnuplotString(s.label))")
            plots.append("'' index \(i) using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 notitle")
        }
        script += "plot " + plots.joined(separator: ", \\\n     ") + "\n"
        return artifact(name, request, script: script, data: data,
                        caption: "Median \(MetricInfo.label(request.metric)) per \(categoryAxis), one bar per \(groupAxes.joined(separator: " × ")); error bars: \(ResultColumns.noisy.contains(request.metric) ? "95% bootstrap interval of the median" : "min–max over repeats").")
    }

    // MARK: shared pieces

    private func title(_ request: ChartRequest) -> String {
        if let t = request.title { return t }
        let what = MetricInfo.label(request.metric)
        return request.x.map { "\(what) vs \($0) — \(experiment.name)" } ?? "\(what) — \(experiment.name)"
    }

    private func preamble(_ name: String, _ request: ChartRequest, title: String) -> String {
        var s = "# \(TextEscaping.gnuplotComment(title))\n"
        s += "# Written by dedupbench report. Regenerate from this directory: gnuplot \(name).gp\n"
        s += "set encoding utf8\n"
        s += "set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'\n"
        s += "set output \(quoted(name + ".svg"))\n"
        s += "set title \(TextEscaping.gnuplotString(title))\n"
        s += "set key outside right top noenhanced\nset grid ytics\n"
        if request.kind != .phases {
            s += "set ylabel \(TextEscaping.gnuplotString(MetricInfo.label(request.metric)))\n"
            s += "set yrange [0:*]\n"
        }
        return s
    }

    private func artifact(_ name: String, _ request: ChartRequest, script: String, data: String, caption: String) -> ChartArtifact {
        var script = script
        if png {
            script += "set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'\n"
            script += "set output \(quoted(name + ".png"))\nreplot\n"
        }
        script += "unset output\n"
        let t = request.kind == .phases ? (request.title ?? "Time by phase — \(experiment.name)")
            : request.kind == .hash ? (request.title ?? "Hash algorithm × encoding — \(experiment.name)") : title(request)
        return ChartArtifact(name: name, title: t, caption: caption, script: script, data: data, png: png)
    }

    /// Invisible points carrying each value as hypertext; `SVGInliner` turns them into `<title>`
    /// tooltips ("series, x = 0.1: 1.23M"). Values go through `gprintf`, so they read like the ticks.
    private func hoverLayer(index: Int, label: String, xLabel: String?) -> String {
        let text = xLabel.map { "sprintf('%s, %s = %s: %s (n = %d)', \(TextEscaping.gnuplotString(label)), \(TextEscaping.gnuplotString($0)), gprintf('%g', $1), gprintf('%.3s%c', $2), int($5))" }
            ?? "sprintf('%s: %s (n = %d)', \(TextEscaping.gnuplotString(label)), gprintf('%.3s%c', $2), int($5))"
        return "'' index \(index) using 1:2:(\(text)) with labels hypertext point pt 7 ps 1.6 lc rgb '#ff000000' notitle"
    }

    private func header(_ name: String, _ request: ChartRequest, columns: String) -> String {
        "# \(name).dat — experiment \(TextEscaping.gnuplotComment(experiment.name)), metric \(request.metric)\n# columns: \(columns)\n"
    }

    private func xtics(_ labels: [(String, Int)]) -> String {
        let rotate = labels.count > 4 || labels.contains { $0.0.count > 12 }
        let list = labels.map { "\(TextEscaping.gnuplotString($0.0)) \($0.1)" }.joined(separator: ", ")
        return "set xtics (\(list))\(rotate ? " rotate by -35" : "")\n"
    }

    private func row(_ fields: [String]) -> String { fields.joined(separator: " ") + "\n" }
    private func num(_ value: Double) -> String { NumberFormat.shortest(value) }
    private func quoted(_ file: String) -> String { TextEscaping.gnuplotString(file) }
}
