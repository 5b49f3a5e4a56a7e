import DedupPipeline
import Foundation
import Testing

@testable import DedupHarness

@Suite struct ResultSetFileTests {
    static let nasty = [
        "", "plain", "a,b", "say \"hi\"", "line1\nline2", "crlf\r\nend", "\"", ",", "  padded  ", "ünïcødé ✓ 🚀",
        "trailing,\"", "\"quoted\",and,\nnew", "tab\there",
    ]

    @Test func resultSetRoundTripsThroughFiles() throws {
        let dir = TestSupport.temporaryDirectory("csv")
        defer { TestSupport.remove(dir) }
        var rows: [ResultRow] = []
        for (i, v) in Self.nasty.enumerated() {
            var r = ResultRow()
            r["experiment"] = "e"
            r["cell_id"] = "c\(i % 3)"
            r["run_id"] = "c\(i % 3)-\(i)"
            r["repeat"] = String(i)
            r["status"] = "failed"
            r["error"] = v
            r["params"] = #"{"k":"v,\"w\""}"#
            rows.append(r)
        }
        try ResultSet(rows: rows).write(directory: dir)
        let back = try ResultSet.load(path: dir)
        #expect(back.columns == ResultColumns.all)
        #expect(back.rows == rows.map { ResultRow(columns: ResultColumns.all, fields: $0.fields()) })
        #expect(back.rows[1].params == ["k": .string("v,\"w\"")])
        #expect(back.manifest == nil)
        // The same file named directly.
        #expect(try ResultSet.load(path: dir + "/results.csv").rows.count == rows.count)
    }

    @Test func loadErrorsNameTheFile() throws {
        let dir = TestSupport.temporaryDirectory("csv-bad")
        defer { TestSupport.remove(dir) }
        #expect(throws: ResultsError.self) { try ResultSet.load(path: dir + "/missing") }
        try "experiment,cell_id\ne,c\n".write(toFile: dir + "/results.csv", atomically: true, encoding: .utf8)
        do {
            _ = try ResultSet.load(path: dir)
            Issue.record("a header without run_id loaded")
        } catch {
            #expect(error.description.contains("results.csv:1: header lacks the columns run_id, repeat, status"))
        }
        try "experiment,cell_id,run_id,repeat,status\ne,c,r,0\n".write(
            toFile: dir + "/results.csv", atomically: true, encoding: .utf8)
        do {
            _ = try ResultSet.load(path: dir)
            Issue.record("a short row loaded")
        } catch {
            #expect(error.description.contains("results.csv:2: malformed CSV: 4 fields; expected 5"))
        }
    }
}
