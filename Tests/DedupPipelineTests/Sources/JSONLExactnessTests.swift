import DeltaStorage
import Foundation
import Testing

@testable import DedupPipeline

/// Issue 9 §1: every JSONL line loads exactly or is quarantined with a reason naming its line.
@Suite struct JSONLExactnessTests {
    static func line(
        id: String = "\"ok000001\"", seq: String = "1", part: String = "0", created: String = "1736726400",
        value: String = "150", zip: String = "\"10007\""
    ) -> String {
        "{\"message_id\": \(id), \"sequence_id\": \(seq), \"partition_id\": \(part), \"created_at\": \(created), "
            + "\"value\": \(value), \"zipcode\": \(zip)}"
    }

    /// Parses `text` as a file's bytes: the rows' columns and the rejects.
    static func parse(_ bytes: [UInt8]) -> (batch: ColumnBatch, rejects: [JSONLinesReader.Reject]) {
        var builder = RecordBuilder()
        let rejects = JSONLinesReader.parse(bytes, into: &builder)
        return (builder.batch(), rejects)
    }

    static func parse(_ text: String) -> (batch: ColumnBatch, rejects: [JSONLinesReader.Reject]) {
        parse(Array(text.utf8))
    }

    static func int64s(_ b: ColumnBatch, _ name: String) -> [Int64] {
        if case .int64(let v)? = b.column(name)?.values { return v }
        return []
    }

    @Test func byteOrderMarkBeforeTheFirstLineIsNotContent() {
        let (batch, rejects) = Self.parse([0xEF, 0xBB, 0xBF] + Array((Self.line() + "\n" + Self.line(seq: "2")).utf8))
        #expect(rejects.isEmpty, "\(rejects.map(\.reason))")
        #expect(batch.rowCount == 2)
        // A BOM anywhere else is not a signature: that line is malformed.
        let (_, later) = Self.parse(Array((Self.line() + "\n").utf8) + [0xEF, 0xBB, 0xBF] + Array(Self.line().utf8))
        #expect(later.map(\.line) == [2])
    }

    @Test func unicodeEscapesAreDecodedBeforeValidation() {
        let text = [
            Self.line(id: #""\u0075ni00001""#, zip: #""\u00310007""#),
            #"{"message\u005fid": "esc00002", "sequence_id": 2, "partition_id": 0, "created_at": "2025-01-13T00:00:00\u005A", "value": 1, "zipcode": "10007", "note": "\ud83d\ude00 \n"}"#,
            Self.line(id: #""bad\u007c0003""#),  // decodes to `bad|0003`: not an id
            Self.line(id: #""bad\x0004""#),  // not a JSON escape
            Self.line(id: #""bad\ud83d0005""#),  // a lone surrogate is no character
        ].joined(separator: "\n")
        let (batch, rejects) = Self.parse(text)
        guard case .bytes(let ids)? = batch.column("message_id")?.values,
            case .bytes(let zips)? = batch.column("zipcode")?.values
        else {
            Issue.record("columns")
            return
        }
        #expect(batch.rowCount == 2)
        #expect(ids.string(at: 0) == "uni00001" && zips.string(at: 0) == "10007")
        #expect(ids.string(at: 1) == "esc00002")
        #expect(Self.int64s(batch, "created_at") == [1_736_726_400_000_000, 1_736_726_400_000_000])
        #expect(rejects.map(\.line) == [3, 4, 5])
        #expect(rejects[0].reason == JSONLineParser.idRule)
        #expect(rejects[1].reason.contains("bad escape at column"))
        #expect(rejects[2].reason.contains("surrogate"))
    }

    @Test func integersLoadExactlyOverTheDeclaredRange() {
        let text = [
            Self.line(seq: "9223372036854775807", part: "2147483647", value: "-2147483648"),
            Self.line(id: "\"min00002\"", seq: "-9223372036854775808", part: "-2147483648", value: "2147483647"),
            Self.line(seq: "9223372036854775808"),
            Self.line(seq: "-9223372036854775809"),
            Self.line(seq: "99999999999999999999999"),
            Self.line(value: "2147483648"),
            Self.line(part: "1.0"),
            Self.line(seq: "1e3"),
        ].joined(separator: "\n")
        let (batch, rejects) = Self.parse(text)
        #expect(Self.int64s(batch, "sequence_id") == [Int64.max, Int64.min])
        if case .int32(let parts)? = batch.column("partition_id")?.values { #expect(parts == [Int32.max, Int32.min]) }
        if case .int32(let values)? = batch.column("value")?.values { #expect(values == [Int32.min, Int32.max]) }
        #expect(rejects.map(\.line) == [3, 4, 5, 6, 7, 8])
        #expect(
            rejects[0].reason
                == "sequence_id must be an integer in [-9223372036854775808, 9223372036854775807], got 9223372036854775808 (out of range)"
        )
        #expect(rejects[3].reason.hasPrefix("value must be an integer in [-2147483648, 2147483647], got 2147483648"))
        #expect(rejects[4].reason.hasSuffix("got 1.0"))
        #expect(rejects[5].reason.hasSuffix("got 1e3"))
    }

    /// One rule for both spellings (floor to the µs), at the µs and at the date boundary.
    @Test(arguments: [
        // epoch seconds, the same instant in ISO-8601, the µs both must give
        ("1736812799.9999999", "2025-01-13T23:59:59.9999999Z", Int64(1_736_812_799_999_999)),
        ("1736812800.0000005", "2025-01-14T00:00:00.0000005Z", 1_736_812_800_000_000),
        ("1736812800.0000015", "2025-01-14T00:00:00.0000015Z", 1_736_812_800_000_001),
        ("1736812800.000001", "2025-01-14T01:00:00.000001+01:00", 1_736_812_800_000_001),
        ("-0.0000005", "1969-12-31T23:59:59.9999995Z", -1),
        ("1.7368128e9", "2025-01-14T00:00:00Z", 1_736_812_800_000_000),
        ("17368127999999999e-7", "2025-01-13T23:59:59.9999999Z", 1_736_812_799_999_999),
        ("253402300799.999999", "9999-12-31T23:59:59.999999Z", 253_402_300_799_999_999),
    ])
    func subMicrosecondDigitsFollowOneRule(epoch: String, iso: String, micros: Int64) {
        let (batch, rejects) = Self.parse(Self.line(created: epoch) + "\n" + Self.line(created: "\"\(iso)\""))
        #expect(rejects.isEmpty, "\(rejects.map(\.reason))")
        #expect(Self.int64s(batch, "created_at") == [micros, micros])
        // Same µs, so the same partition_date.
        #expect(Timestamp.formatISO8601(micros: micros).prefix(10) == iso.prefix(10) || iso.contains("+"))
    }

    @Test func eventTimesOutsideDeltaYearsAreRejected() {
        let text = [
            Self.line(created: "253402300800"), Self.line(created: "\"9999-12-31T23:30:00-01:00\""),
            Self.line(created: "\"0000-12-31T00:00:00Z\""), Self.line(created: "1e400"),
        ].joined(separator: "\n")
        let (batch, rejects) = Self.parse(text)
        #expect(batch.rowCount == 0)
        #expect(rejects.count == 4)
        #expect(rejects[0].reason == "created_at 253402300800 is outside years 0001–9999 (the range Delta readers accept)")
        #expect(rejects[1].reason.contains("outside years 0001–9999"))
    }

    @Test func reasonsGiveColumnsNotFileOffsets() {
        let (_, rejects) = Self.parse(Self.line() + "\n" + "{\"message_id\" \"x\"}")
        #expect(rejects.map(\.line) == [2])
        #expect(rejects[0].reason == "malformed JSON: expected ':' at column 15")
    }
}
