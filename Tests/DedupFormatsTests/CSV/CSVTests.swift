import DedupFormats
import Testing

@Suite struct CSVTests {
    static let nasty = [
        "", "plain", "a,b", "say \"hi\"", "line1\nline2", "crlf\r\nend", "\"", ",", "  padded  ", "ünïcødé ✓ 🚀",
        "trailing,\"", "\"quoted\",and,\nnew", "tab\there",
    ]

    @Test func roundTripSurvivesCommasQuotesNewlinesUnicode() throws {
        var text = CSV.line(["id", "value"])
        for (i, v) in Self.nasty.enumerated() { text += CSV.line([String(i), v]) }
        let parsed = try CSV.parse(Array(text.utf8), tornTail: .set)
        #expect(!parsed.isTorn)
        #expect(parsed.records.count == Self.nasty.count + 1)
        #expect(parsed.records.dropFirst().map { $0.fields[1] } == Self.nasty)
    }

    @Test func quotingOnlyWhenNeeded() {
        #expect(CSV.line(["a", "b c", "1.5"]) == "a,b c,1.5\n")
        #expect(CSV.line(["x,y", "q\"q"]) == "\"x,y\",\"q\"\"q\"\n")
    }

    @Test func quotedFieldsKeepCommasQuotesAndNewlinesWithTheirLines() throws {
        let out = try CSV.parse(Array("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n".utf8))
        #expect(
            out.records.map(\.fields) == [["a", "b", "c"], ["x,1", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(out.records.map(\.line) == [1, 2, 4])
    }

    @Test func byteOrderMarkCommentsBeforeTheHeaderAndBlankLines() throws {
        let out = try CSV.parse([0xEF, 0xBB, 0xBF] + Array("# schema_version=1\na,b\n\n1,2".utf8))
        #expect(out.comments == [" schema_version=1"])
        #expect(out.records.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(out.records.map(\.line) == [2, 4])
    }

    @Test func tornTrailingRecordIsReportedNotReturned() throws {
        let full = CSV.line(["a", "b"]) + CSV.line(["1", "2"])
        for cut in ["3,4", "3,\"unclosed\nstill", "\"x"] {
            let parsed = try CSV.parse(Array((full + cut).utf8), tornTail: .set)
            #expect(parsed.isTorn)
            #expect(parsed.records.map(\.fields) == [["a", "b"], ["1", "2"]])
            #expect(parsed.completeLength == full.utf8.count)
        }
        #expect(try CSV.parse(Array(full.utf8), tornTail: .set).isTorn == false)
        // A complete file may omit the last line end when torn records are not expected.
        #expect(try CSV.parse(Array((full + "3,4").utf8)).records.count == 3)
    }

    @Test func unclosedQuoteIsAnErrorNamingItsLineWhenNotTorn() {
        #expect(
            throws: CSV.SyntaxError(
                line: 2, field: 2, message: "field 2 opens a quote that is never closed (RFC 4180 CSV expected)")
        ) { try CSV.parse(Array("a,b\n1,\"oops\n2,3\n".utf8)) }
    }

    @Test func acceptsCRLFAndRejectsStrayQuotes() throws {
        #expect(try CSV.parse(Array("a,b\r\n1,\"2\"\r\n".utf8)).records.map(\.fields) == [["a", "b"], ["1", "2"]])
        let stray = #expect(throws: CSV.SyntaxError.self) { try CSV.parse(Array("a,b\n1,x\"y\n".utf8)) }
        #expect(stray?.line == 2)
        #expect(throws: CSV.SyntaxError.self) { try CSV.parse(Array("a\n\"x\"y\n".utf8)) }
    }
}
