/// Locale-free, deterministic number formatting for reports (no Foundation formatters, so the
/// same value prints the same bytes on every machine).
public enum NumberFormat {
    /// `value` rounded half away from zero to `decimals` places, e.g. `fixed(1.005, 1)` → "1.0".
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value < 0 ? "-inf" : "inf") }
        let scale = pow10(decimals)
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return "\(value)" }
        let digits = String(Int64(scaled))
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let cut = padded.index(padded.endIndex, offsetBy: -decimals)
        return sign + padded[..<cut] + "." + padded[cut...]
    }

    /// An integer with thousands separators: 1234567 → "1,234,567".
    public static func grouped(_ value: Double) -> String {
        let text = fixed(value, 0)
        let negative = text.hasPrefix("-")
        let digits = Array(negative ? text.dropFirst() : Substring(text))
        guard digits.allSatisfy(\.isNumber) else { return text }
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(d)
        }
        return (negative ? "-" : "") + out
    }

    /// `digits` significant figures with an SI suffix: 1234567 → "1.23M", 980 → "980".
    public static func si(_ value: Double, digits: Int = 3) -> String {
        let magnitude = abs(value)
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
        for (scale, suffix) in units where magnitude >= scale * 0.9995 {
            return significant(value / scale, digits: digits) + suffix
        }
        return significant(value, digits: digits)
    }

    /// `digits` significant figures without exponent: 0.0011549 → "0.00115", 12.34 → "12.3".
    public static func significant(_ value: Double, digits: Int = 3) -> String {
        guard value != 0, value.isFinite else { return fixed(value, 0) }
        var exponent = Int(log10(abs(value)).rounded(.down))
        // Rounding can carry into the next power of ten (9.996 → 10.0).
        let rounded = (abs(value) / pow10(exponent - digits + 1)).rounded(.toNearestOrAwayFromZero)
        if rounded >= pow10(digits) { exponent += 1 }
        return fixed(value, min(12, max(0, digits - 1 - exponent)))
    }

    /// A signed percentage of a ratio change: 0.3 → "+30.0%".
    public static func percent(_ change: Double, decimals: Int = 1) -> String {
        guard change.isFinite else { return change > 0 ? "+inf%" : "-inf%" }
        let text = fixed(change * 100, decimals)
        return (text.hasPrefix("-") ? "" : "+") + text + "%"
    }

    /// A dollar amount with three significant figures and at least two decimals: "0.00115", "12.30".
    /// No `$` sign: GitHub renders text between two `$` as math, so reports write "USD".
    public static func usd(_ value: Double) -> String {
        guard value != 0 else { return "0" }
        let decimals = min(10, max(2, 2 - Int(log10(abs(value)).rounded(.down))))
        return fixed(value, decimals)
    }

    /// Bytes as decimal megabytes (10⁶ B) with two decimals.
    public static func megabytes(_ bytes: Double) -> String { fixed(bytes / 1e6, 2) }

    /// Shortest text that reads back as the same Double; integers print without ".0".
    public static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(n) { result *= 10 }
        return n >= 0 ? result : 1 / result
    }

    private static func log10(_ x: Double) -> Double {
        // Counting digits avoids libm differences between platforms for the exponent.
        var e = 0.0, v = x
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }
}
