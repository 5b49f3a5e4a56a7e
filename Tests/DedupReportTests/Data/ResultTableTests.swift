import DedupFormats
import DedupPipeline
import Testing

@testable import DedupReport

@Suite struct ResultTableCSVErrorTests {
    @Test func unclosedQuoteNamesFileAndLine() {
        #expect(
            throws: ReportInputError(
                path: "t.csv", line: 2, message: "field 2 opens a quote that is never closed (RFC 4180 CSV expected)")
        ) {
            try ResultTable.parse(bytes: Array("a,b\n1,\"oops\n2,3\n".utf8), path: "t.csv")
        }
    }
}

@Suite struct ResultTableTests {
    @Test func loadsCraftedRunsByColumnName() throws {
        let csv = TestSupport.csv([.init(cell: "c1", repeatIndex: 0, wall: 1.5), .init(cell: "c1", repeatIndex: 1, status: "failed")])
        let table = try ResultTable.parse(bytes: Array(csv.utf8), path: "r.csv")
        #expect(table.columns == ResultColumns.all)
        #expect(table.rows.count == 2)
        #expect(table.number(table.rows[0], "wall_s") == 1.5)
        #expect(table.text(table.rows[1], "status") == "failed")
        #expect(table.text(table.rows[0], "params") == #"{"strategy":"eager_dedup"}"#)
    }

    @Test func nonNumberInANumericColumnNamesLineColumnAndValue() throws {
        let csv = TestSupport.csv([.init(cell: "c1", repeatIndex: 0, overrides: ["wall_s": "fast"])])
        let error = #expect(throws: ReportInputError.self) { try ResultTable.parse(bytes: Array(csv.utf8), path: "r.csv") }
        #expect(error?.description == "r.csv:2 (wall_s): value 'fast' is not a number; expected a finite decimal number or an empty cell")
    }

    @Test func unknownStatusIsRejected() throws {
        let csv = TestSupport.csv([.init(cell: "c1", repeatIndex: 0, status: "meh")])
        let error = #expect(throws: ReportInputError.self) { try ResultTable.parse(bytes: Array(csv.utf8), path: "r.csv") }
        #expect(error?.key == "status")
        #expect(error?.message.contains("ok, failed, timeout") == true)
    }

    @Test func shortRowAndMissingColumn() throws {
        let short = "experiment,cell_id,repeat,status\nx,c,0\n"
        let e1 = #expect(throws: ReportInputError.self) { try ResultTable.parse(bytes: Array(short.utf8), path: "r.csv") }
        #expect(e1?.description == "r.csv:2: has 3 fields; the header has 4")
        let noStatus = "experiment,cell_id,repeat\nx,c,0\n"
        let e2 = #expect(throws: ReportInputError.self) { try ResultTable.parse(bytes: Array(noStatus.utf8), path: "r.csv") }
        #expect(e2?.key == "status")
    }

    @Test func paramsMustBeAJSONObject() throws {
        let csv = TestSupport.csv([.init(cell: "c1", repeatIndex: 0, params: "[1,2]")])
        let error = #expect(throws: ReportInputError.self) { try ResultTable.parse(bytes: Array(csv.utf8), path: "r.csv") }
        #expect(error?.key == "params")
    }

    @Test func directoryResolvesToItsResultsFile() throws {
        let dir = try TestSupport.temporaryDirectory()
        _ = try TestSupport.resultFile(TestSupport.csv([.init(cell: "c", repeatIndex: 0)]), in: dir.appendingPathComponent("a"))
        _ = try TestSupport.resultFile(TestSupport.csv([.init(cell: "c", repeatIndex: 0)]), in: dir.appendingPathComponent("b"))
        #expect(try ResultFile.resolve([dir.appendingPathComponent("a").path]) == [dir.appendingPathComponent("a/results.csv").path])
        #expect(try ResultFile.resolve([dir.path]).count == 2)
        #expect(throws: ReportInputError.self) { try ResultFile.resolve([dir.appendingPathComponent("nope").path]) }
    }

    @Test func manifestKeysFlatOrNested() throws {
        let m = RunManifest(path: "m.json", json: try JSONParser.parse(
            #"{"git": {"commit": "abcdef", "dirty": true}, "cpu_model": "Xeon", "cores": 4, "schema_version": 1, "charts": [{"type": "hash"}]}"#))
        #expect(m.gitCommit == "abcdef")
        #expect(m.gitDirty == true)
        #expect(m.machineSignature == "Xeon (4 cores)")
        #expect(m.schemaVersion == 1)
        #expect(m.charts.count == 1)
    }
}
