import Testing
@testable import DeltaStorage

@Suite struct DeltaDateTimeTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01"), (-1, "1969-12-31"), (-719_162, "0001-01-01"), (19_736, "2024-01-14"),
        (11_016, "2000-02-29"),
        (2_932_896, "9999-12-31"),
    ])
    func dates(days: Int64, text: String) {
        #expect(DeltaDateTime.formatDate(days: days) == text)
        #expect(DeltaDateTime.parseDate(text) == days)
    }

    /// Stats timestamps are floored to milliseconds, also before 1970.
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_999, "1970-01-01T00:00:00.001Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (-1_000, "1969-12-31T23:59:59.999Z"),
        (-1_001, "1969-12-31T23:59:59.998Z"),
        (-86_400_000_000, "1969-12-31T00:00:00.000Z"),
        (1_736_726_400_123_456, "2025-01-13T00:00:00.123Z"),
        (-2_208_988_800_000_001, "1899-12-31T23:59:59.999Z"),
    ])
    func statsTimestampsFloorToMilliseconds(micros: Int64, text: String) {
        #expect(DeltaDateTime.formatStatsTimestamp(micros: micros) == text)
    }

    @Test(arguments: [Int64(0), -1, 1, -86_400_000_000, 1_736_726_400_123_456, -2_208_988_800_000_001])
    func partitionTimestampsRoundTrip(micros: Int64) {
        let text = DeltaDateTime.formatPartitionTimestamp(micros: micros)
        #expect(DeltaDateTime.parseTimestamp(text) == micros)
    }

    @Test func parsesOtherTimestampSpellings() {
        #expect(DeltaDateTime.parseTimestamp("1970-01-01 00:00:01") == 1_000_000)
        #expect(DeltaDateTime.parseTimestamp("1970-01-01T00:00:01.5Z") == 1_500_000)
        #expect(DeltaDateTime.parseTimestamp("1970-01-01 00:00:00.000001+00:00") == 1)
        #expect(DeltaDateTime.parseTimestamp("1970-13-01 00:00:00") == nil)
        #expect(DeltaDateTime.parseTimestamp("yesterday") == nil)
    }
}
