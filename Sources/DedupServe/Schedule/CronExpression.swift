import Foundation

/// A standard 5-field cron expression (`minute hour day-of-month month day-of-week`), evaluated in UTC.
///
/// Syntax per field (POSIX crontab(5) plus the Vixie cron extensions every cron user knows):
/// `*`, a number, `a-b`, a list `a,b,c`, and steps `*/n`, `a-b/n`, `a/n` (= `a-max/n`). Months take
/// `JAN`–`DEC`, days of week `SUN`–`SAT` (0 and 7 are both Sunday). `@yearly`, `@annually`,
/// `@monthly`, `@weekly`, `@daily`, `@midnight` and `@hourly` stand for their usual expansions.
/// When both day-of-month and day-of-week are restricted (neither starts with `*`), a day matches if
/// EITHER matches — the POSIX rule ("0 0 1 * MON" fires on the 1st and on every Monday).
///
/// Parse errors throw `CronError`, naming the field, the value and what was expected.
public struct CronExpression: Sendable, Equatable, CustomStringConvertible {
    /// The text as written (after trimming).
    public let text: String
    /// Allowed values per field; day-of-week uses 0–6 (Sunday = 0).
    public let minutes: Set<Int>
    public let hours: Set<Int>
    public let daysOfMonth: Set<Int>
    public let months: Set<Int>
    public let daysOfWeek: Set<Int>
    /// Whether the day fields were written as `*…` (unrestricted), which decides the OR rule.
    let domStar: Bool
    let dowStar: Bool

    public var description: String { text }

    private static let macros = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]
    private static let monthNames = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ]
    private static let dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]

    /// Parses `text`; throws `CronError` on anything that is not 5 valid fields or a known macro.
    public init(_ text: String) throws(CronError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        self.text = trimmed
        let expanded = Self.macros[trimmed.lowercased()] ?? trimmed
        if expanded.hasPrefix("@") {
            throw CronError(
                expression: trimmed, field: nil, value: trimmed,
                expected: "one of \(Self.macros.keys.sorted().joined(separator: ", ")) or 5 fields")
        }
        let fields = expanded.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            throw CronError(
                expression: trimmed, field: nil, value: "\(fields.count) field(s)",
                expected: "5 fields: minute hour day-of-month month day-of-week (e.g. \"0 */6 * * *\")")
        }
        minutes = try Self.field(fields[0], "minute", 0...59, names: [:], in: trimmed)
        hours = try Self.field(fields[1], "hour", 0...23, names: [:], in: trimmed)
        daysOfMonth = try Self.field(fields[2], "day-of-month", 1...31, names: [:], in: trimmed)
        months = try Self.field(
            fields[3], "month", 1...12,
            names: Dictionary(uniqueKeysWithValues: Self.monthNames.enumerated().map { ($1, $0 + 1) }), in: trimmed)
        let dow = try Self.field(
            fields[4], "day-of-week", 0...7,
            names: Dictionary(uniqueKeysWithValues: Self.dayNames.enumerated().map { ($1, $0) }), in: trimmed)
        daysOfWeek = Set(dow.map { $0 == 7 ? 0 : $0 })
        domStar = fields[2].hasPrefix("*")
        dowStar = fields[4].hasPrefix("*")
    }

    private static func field(
        _ text: String, _ name: String, _ range: ClosedRange<Int>, names: [String: Int],
        in expression: String
    ) throws(CronError) -> Set<Int> {
        func fail(_ value: String, _ expected: String) -> CronError {
            CronError(expression: expression, field: name, value: value, expected: expected)
        }
        func number(_ s: String) throws(CronError) -> Int {
            if let v = names[s.uppercased()] { return v }
            guard !s.isEmpty, s.allSatisfy(\.isASCII), let v = Int(s), range.contains(v) else {
                let named =
                    names.isEmpty
                    ? "" : " or a name (\(names.keys.sorted { names[$0]! < names[$1]! }.joined(separator: ", ")))"
                throw fail(s, "a number \(range.lowerBound)–\(range.upperBound)\(named)")
            }
            return v
        }
        var out = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            var base = part
            var step = 1
            if let slash = part.firstIndex(of: "/") {
                base = String(part[..<slash])
                let s = String(part[part.index(after: slash)...])
                guard let v = Int(s), v >= 1, v <= range.upperBound else {
                    throw fail(part, "a step 1–\(range.upperBound) after '/'")
                }
                step = v
            }
            let lo: Int
            let hi: Int
            if base == "*" {
                (lo, hi) = (range.lowerBound, range.upperBound)
            } else if let dash = base.firstIndex(of: "-") {
                lo = try number(String(base[..<dash]))
                hi = try number(String(base[base.index(after: dash)...]))
                guard lo <= hi else { throw fail(part, "a range low-high with low ≤ high") }
            } else {
                lo = try number(base)
                hi = part.contains("/") ? range.upperBound : lo
            }
            out.formUnion(stride(from: lo, through: hi, by: step))
        }
        return out
    }

    private static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// Whether the expression fires at the minute containing `date` (UTC).
    public func matches(_ date: Date) -> Bool {
        let c = Self.utc.dateComponents([.minute, .hour, .day, .month, .weekday], from: date)
        return minutes.contains(c.minute!) && hours.contains(c.hour!) && months.contains(c.month!)
            && dayMatches(day: c.day!, weekday: c.weekday! - 1)
    }

    private func dayMatches(day: Int, weekday: Int) -> Bool {
        let dom = daysOfMonth.contains(day)
        let dow = daysOfWeek.contains(weekday)
        if !domStar && !dowStar { return dom || dow }
        return dom && dow
    }

    /// The first whole minute strictly after `date` at which the expression fires, or nil when it never
    /// fires within 8 years (e.g. `0 0 30 2 *`, February 30th).
    public func next(after date: Date) -> Date? {
        let cal = Self.utc
        // The start of date's minute, then one minute on ("strictly after").
        let start = cal.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        var t = cal.date(from: start)!.addingTimeInterval(60)
        let limit = date.addingTimeInterval(8 * 366 * 86_400)
        while t < limit {
            let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: t)
            if !months.contains(c.month!) {
                // First minute of the next month.
                t = cal.date(from: DateComponents(year: c.year!, month: c.month! + 1, day: 1))!
                continue
            }
            if !dayMatches(day: c.day!, weekday: c.weekday! - 1) {
                t = cal.date(from: DateComponents(year: c.year!, month: c.month!, day: c.day! + 1))!
                continue
            }
            if !hours.contains(c.hour!) {
                t = cal.date(from: DateComponents(year: c.year!, month: c.month!, day: c.day!, hour: c.hour! + 1))!
                continue
            }
            if !minutes.contains(c.minute!) {
                t = t.addingTimeInterval(60)
                continue
            }
            return t
        }
        return nil
    }
}

/// A cron expression that could not be parsed.
public struct CronError: Error, CustomStringConvertible, Equatable, Sendable {
    public var expression: String
    /// `minute`, `hour`, `day-of-month`, `month` or `day-of-week`; nil for the whole expression.
    public var field: String?
    public var value: String
    public var expected: String

    public var description: String {
        "cron expression \"\(expression)\": " + (field.map { "\($0) field " } ?? "")
            + "'\(value)' is invalid; expected \(expected)"
    }
}
