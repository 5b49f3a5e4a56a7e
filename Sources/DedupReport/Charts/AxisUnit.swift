/// How the values of a metric or axis read on a chart: tick labels in human units ("1M", "2.5M",
/// "150 MB", "10%", "$0.02", "250 ms") instead of gnuplot's default `1e+06`, and an axis label that
/// names the unit.
enum AxisUnit: Equatable {
    /// A count or rate: SI suffixes (k, M, G).
    case count
    /// Bytes, decimal units (MB = 10⁶ B).
    case bytes
    /// A probability 0…1 shown as percent.
    case percent
    /// US dollars.
    case usd
    /// Seconds, as ms below one second.
    case seconds
    /// Milliseconds (a `_ms` parameter such as `storage.simulate.latency_ms`).
    case milliseconds

    /// The unit of a metric or parameter column.
    static func of(_ column: String) -> AxisUnit {
        if column.hasSuffix("_bytes") || column == "bytes_written" { return .bytes }
        if column.hasSuffix("_prob") { return .percent }
        if column.contains("usd") { return .usd }
        if column.hasSuffix("_ms") { return .milliseconds }
        if column.hasSuffix("_s") { return .seconds }
        return .count
    }

    /// One tick label, e.g. `label(2_500_000)` → "2.5M" for counts, "2.5 MB" for bytes.
    func label(_ value: Double) -> String {
        switch self {
        // Counts read "1B" (billion), not the SI "1G".
        case .count:
            let text = NumberFormat.si(value, digits: 3).trimmingZeros()
            return text.hasSuffix("G") ? text.dropLast() + "B" : text
        case .bytes:
            let units: [(Double, String)] = [(1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "kB")]
            for (scale, suffix) in units where abs(value) >= scale * 0.9995 {
                return NumberFormat.significant(value / scale, digits: 3).trimmingZeros() + " " + suffix
            }
            return NumberFormat.significant(value, digits: 3).trimmingZeros() + " B"
        case .percent: return NumberFormat.significant(value * 100, digits: 3).trimmingZeros() + "%"
        case .usd: return "$" + NumberFormat.significant(value, digits: 3).trimmingZeros()
        case .seconds:
            if value != 0 && abs(value) < 1 { return NumberFormat.significant(value * 1000, digits: 3).trimmingZeros() + " ms" }
            return NumberFormat.significant(value, digits: 3).trimmingZeros() + " s"
        case .milliseconds: return NumberFormat.significant(value, digits: 3).trimmingZeros() + " ms"
        }
    }

    /// "1, 2, 2.5, 5 × 10ᵏ" ticks covering 0…`max` (about five of them), always starting at 0 so bars
    /// and rates are never exaggerated by a cut axis.
    static func linearTicks(upTo max: Double) -> [Double] {
        guard max > 0, max.isFinite else { return [0, 1] }
        let raw = max / 5
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        var ticks: [Double] = []
        var k = 0.0
        while ticks.last.map({ $0 < max }) ?? true {
            ticks.append((k * step * 1e9).rounded() / 1e9)
            k += 1
        }
        return ticks
    }

    /// Log-axis ticks covering `min…max` entirely: 1-2-5 steps (1, 2, 5, 10, …) when the range spans
    /// at most three decades, else powers of ten. The first tick is ≤ min and the last ≥ max, so the
    /// axis range built from them never clips a point.
    static func logTicks(from min: Double, to max: Double) -> [Double] {
        guard min > 0, max >= min else { return [1] }
        var decade = 1.0
        while decade > min { decade /= 10 }
        while decade * 10 <= min { decade *= 10 }
        var steps: [Double] = []
        var d = decade
        while steps.last.map({ $0 < max * 0.9999 }) ?? true {
            steps += [d, d * 2, d * 5]
            d *= 10
        }
        let lo = steps.last { $0 <= min * 1.0001 } ?? decade
        let hi = steps.first { $0 >= max * 0.9999 } ?? steps.last!
        let fine = steps.filter { $0 >= lo && $0 <= hi }
        if hi / lo < 1000 { return fine }
        var powers: [Double] = []
        var p = decade
        while powers.last.map({ $0 < max * 0.9999 }) ?? true { powers.append(p); p *= 10 }
        return powers
    }

    /// A gnuplot `set xtics`/`set ytics` list with these labels.
    func tics(_ axis: String, _ values: [Double]) -> String {
        "set \(axis)tics (" + values.map { "\(AxisUnit.ticLabel(label($0))) \(NumberFormat.shortest($0))" }
            .joined(separator: ", ") + ")\n"
    }
}

extension AxisUnit {
    /// A tic label literal: gnuplot reads explicit tic labels as format strings, so `%` is doubled.
    static func ticLabel(_ text: String) -> String { TextEscaping.gnuplotString(text.replacing("%", with: "%%")) }
}

extension String {
    /// "2.50" → "2.5", "3.00" → "3", "12" → "12" (only after a decimal point).
    func trimmingZeros() -> String {
        guard contains(".") else { return self }
        var s = self
        // Keep a unit suffix (the SI letter) while trimming the digits before it.
        var suffix = ""
        while let last = s.last, !last.isNumber, last != "." { suffix = String(last) + suffix; s.removeLast() }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s + suffix
    }
}
