/// Civil-calendar conversions for dates (days since 1970-01-01) and timestamps (µs since the epoch,
/// UTC), proleptic Gregorian, correct for negative values. Howard Hinnant's days/civil algorithms.
public enum DeltaDateTime {
    /// (year, month, day) of a day number.
    public static func civil(fromDays z0: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Day number of a civil date.
    public static func days(year y0: Int64, month m: Int, day d: Int) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64(m > 2 ? m - 3 : m + 9)
        let doy = (153 * mp + 2) / 5 + Int64(d) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `YYYY-MM-DD`.
    public static func formatDate(days: Int64) -> String {
        let (y, m, d) = civil(fromDays: days)
        return pad(y, 4) + "-" + pad(Int64(m), 2) + "-" + pad(Int64(d), 2)
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`, the µs value floored to milliseconds (Delta's stats format).
    public static func formatStatsTimestamp(micros: Int64) -> String {
        let ms = floorDiv(micros, 1000)
        let (days, msOfDay) = (floorDiv(ms, 86_400_000), floorMod(ms, 86_400_000))
        return formatDate(days: days) + "T" + clock(msOfDay / 1000) + "." + pad(msOfDay % 1000, 3) + "Z"
    }

    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ` (ISO-8601 UTC, full µs): how timestamp partition values are written.
    public static func formatPartitionTimestamp(micros: Int64) -> String {
        let (days, usOfDay) = (floorDiv(micros, 86_400_000_000), floorMod(micros, 86_400_000_000))
        return formatDate(days: days) + "T" + clock(usOfDay / 1_000_000) + "." + pad(usOfDay % 1_000_000, 6) + "Z"
    }

    /// Parses `YYYY-MM-DD` to a day number.
    public static func parseDate(_ s: String) -> Int64? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count >= 4, let y = Int64(parts[0]), let m = Int(parts[1]),
            let d = Int(parts[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        return days(year: y, month: m, day: d)
    }

    /// Parses `YYYY-MM-DD[T| ]HH:MM:SS[.f{1,9}][Z|+00:00]` (UTC) to µs since the epoch.
    public static func parseTimestamp(_ s: String) -> Int64? {
        var text = Substring(s)
        if text.hasSuffix("Z") {
            text = text.dropLast()
        } else if text.hasSuffix("+00:00") {
            text = text.dropLast(6)
        }
        guard text.count >= 19 else {
            return text.count == 10 ? parseDate(String(text)).map { $0 * 86_400_000_000 } : nil
        }
        let datePart = text.prefix(10)
        let sep = text[text.index(text.startIndex, offsetBy: 10)]
        guard sep == "T" || sep == " ", let days = parseDate(String(datePart)) else { return nil }
        let timeAndFraction = text.dropFirst(11)
        let hms = timeAndFraction.prefix(8).split(separator: ":")
        guard hms.count == 3, let h = Int64(hms[0]), let mi = Int64(hms[1]), let sec = Int64(hms[2]), h < 24, mi < 60,
            sec < 60
        else { return nil }
        var micros = ((days * 24 + h) * 60 + mi) * 60_000_000 + sec * 1_000_000
        let fraction = timeAndFraction.dropFirst(8)
        if !fraction.isEmpty {
            guard fraction.first == ".", fraction.count >= 2, fraction.count <= 10,
                fraction.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
            let digits = String(fraction.dropFirst().prefix(6))
            micros += Int64(digits + String(repeating: "0", count: 6 - digits.count))!
        }
        return micros
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }

    private static func clock(_ secondsOfDay: Int64) -> String {
        pad(secondsOfDay / 3600, 2) + ":" + pad(secondsOfDay / 60 % 60, 2) + ":" + pad(secondsOfDay % 60, 2)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(abs(v))
        return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
