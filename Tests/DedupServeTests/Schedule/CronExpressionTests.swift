import Foundation
import Testing

@testable import DedupServe

@Suite struct CronExpressionTests {
    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// Next fire times checked by brute force (every minute, POSIX day rule) in Python.
    @Test(arguments: [
        ("0 */6 * * *", "2026-11-30T10:03:57Z", "2026-11-30T12:00:00Z"),
        ("*/15 * * * *", "2026-11-30T10:03:57Z", "2026-11-30T10:15:00Z"),
        ("30 2 * * *", "2026-11-30T10:00:00Z", "2026-12-01T02:30:00Z"),
        ("0 9 * * MON-FRI", "2026-11-28T10:00:00Z", "2026-11-30T09:00:00Z"),
        ("0 0 1 * MON", "2026-11-30T10:00:00Z", "2026-12-01T00:00:00Z"),
        ("0 0 1 * MON", "2026-12-01T00:00:00Z", "2026-12-07T00:00:00Z"),
        ("5 4 * * 7", "2026-11-30T10:00:00Z", "2026-12-06T04:05:00Z"),
        ("* * * * *", "2026-11-30T10:04:00Z", "2026-11-30T10:05:00Z"),
        ("59 23 31 12 *", "2026-12-31T23:59:30Z", "2027-12-31T23:59:00Z"),
        ("0 0 29 2 *", "2026-03-01T00:00:00Z", "2028-02-29T00:00:00Z"),
        ("10,20-22 8 * 1,jul *", "2026-11-30T00:00:00Z", "2027-01-01T08:10:00Z"),
        ("@daily", "2026-11-30T10:00:00Z", "2026-12-01T00:00:00Z"),
        ("@hourly", "2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z"),
    ])
    func nextFireTime(_ expression: String, _ after: String, _ expected: String) throws {
        let cron = try CronExpression(expression)
        #expect(cron.next(after: Self.utc(after)) == Self.utc(expected))
        #expect(cron.matches(Self.utc(expected)))
    }

    @Test func impossibleDateNeverFires() throws {
        #expect(try CronExpression("0 0 30 2 *").next(after: Self.utc("2026-01-01T00:00:00Z")) == nil)
    }

    @Test func stepsAndNames() throws {
        let c = try CronExpression("0-10/5 */8 1 JAN-MAR sun,SAT")
        #expect(c.minutes == [0, 5, 10])
        #expect(c.hours == [0, 8, 16])
        #expect(c.months == [1, 2, 3])
        #expect(c.daysOfWeek == [0, 6])
        #expect(try CronExpression("0 0 * * 7").daysOfWeek == [0])
        #expect(try CronExpression("5/20 * * * *").minutes == [5, 25, 45])
    }

    @Test(arguments: [
        ("60 * * * *", "minute", "60"),
        ("* 24 * * *", "hour", "24"),
        ("* * 0 * *", "day-of-month", "0"),
        ("* * * FOO *", "month", "FOO"),
        ("* * * * 8", "day-of-week", "8"),
        ("*/0 * * * *", "minute", "*/0"),
        ("5-1 * * * *", "minute", "5-1"),
        ("1,,2 * * * *", "minute", ""),
    ])
    func rejectsBadFields(_ expression: String, _ field: String, _ value: String) {
        #expect(throws: CronError.self) { try CronExpression(expression) }
        do {
            _ = try CronExpression(expression)
        } catch {
            #expect(error.field == field)
            #expect(error.value == value)
            #expect(error.description.contains("expected"))
        }
    }

    @Test func rejectsWrongFieldCountAndUnknownMacro() {
        #expect(throws: CronError.self) { try CronExpression("* * *") }
        #expect(throws: CronError.self) { try CronExpression("0 0 * * * *") }
        #expect(throws: CronError.self) { try CronExpression("@every") }
    }
}
