/// ISO-8601 parsing and formatting for µs timestamps, without Foundation (used per line by the
/// file source). Accepted: `YYYY-MM-DD`, then optionally `T` or space, `HH:MM[:SS[.f…]]`, then
/// optionally `Z`, `±HH:MM` or `±HHMM`. No zone means UTC.
///
/// **One rounding rule for every spelling and source**: digits below a microsecond are truncated
/// towards the past (floor), for ISO-8601 fractions and for epoch seconds (`1736812799.9999999`
/// and `2025-01-13T23:59:59.9999999Z` are both 23:59:59.999999 on 2025-01-13). Floor keeps the
/// date written in an ISO string as the row's `partition_date`, and is what Spark and Delta do
/// when a finer timestamp is cast to microseconds. Generated sources produce whole µs already.
public enum Timestamp {
    /// The instants Delta readers accept: 0001-01-01T00:00:00Z through 9999-12-31T23:59:59.999999Z (µs).
    public static let deltaRange: ClosedRange<Int64> = -62_135_596_800_000_000...253_402_300_799_999_999

    public static func parseISO8601(_ s: String) -> Int64? {
        var s = s
        return s.withUTF8 { parseISO8601($0) }
    }

    public static func parseISO8601(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        let n = b.count
        func digits(_ count: Int) -> Int? {
            guard i + count <= n else { return nil }
            var v = 0
            for k in 0..<count {
                let d = Int(b[i + k]) - 48
                guard d >= 0 && d <= 9 else { return nil }
                v = v * 10 + d
            }
            i += count
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < n, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(UInt8(ascii: "-")), let month = digits(2), expect(UInt8(ascii: "-")),
            let day = digits(2), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        var secs = 0
        var micros = 0
        var offset = 0
        if i < n {
            guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " ") else {
                return nil
            }
            i += 1
            guard let h = digits(2), expect(UInt8(ascii: ":")), let m = digits(2), h < 24, m < 60 else { return nil }
            var sec = 0
            if expect(UInt8(ascii: ":")) {
                guard let s = digits(2), s < 61 else { return nil }
                sec = s
                if i < n, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                    i += 1
                    var scale = 100_000
                    let start = i
                    while i < n, b[i] >= 48, b[i] <= 57 {
                        micros += Int(b[i] - 48) * scale
                        scale /= 10
                        i += 1
                    }
                    guard i > start else { return nil }
                }
            }
            secs = h * 3600 + m * 60 + sec
            if i < n {
                if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                    i += 1
                } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                    let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                    i += 1
                    guard let oh = digits(2), oh < 24 else { return nil }
                    _ = expect(UInt8(ascii: ":"))
                    guard let om = digits(2), om < 60 else { return nil }
                    offset = sign * (oh * 3600 + om * 60)
                }
            }
        }
        guard i == n else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return (Int64(days) * 86_400 + Int64(secs - offset)) * 1_000_000 + Int64(micros)
    }

    /// `2025-01-13T00:00:00.000000Z` for µs since the epoch.
    public static func formatISO8601(micros: Int64) -> String {
        var days = micros / 86_400_000_000
        var rem = micros % 86_400_000_000
        if rem < 0 {
            rem += 86_400_000_000
            days -= 1
        }
        let (y, m, d) = civilFromDays(Int(days))
        let secs = Int(rem / 1_000_000)
        let us = Int(rem % 1_000_000)
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):"
            + "\(pad(secs % 60, 2)).\(pad(us, 6))Z"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's days_from_civil.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
