import DedupPipeline
import Foundation
import Testing

@testable import DedupReport

/// `report` and `compare` read results through `ResultTable`: what it refuses, with file and line.
@Suite struct ResultTableRefusalTests {
    func parse(_ runs: [TestSupport.Run]) throws -> ResultTable {
        try ResultTable.parse(bytes: Array(TestSupport.csv(runs).utf8), path: "r.csv")
    }

    @Test func aRunListedTwiceNamesBothLines() {
        let run = TestSupport.Run(cell: "c1", repeatIndex: 0)
        let error = #expect(throws: ReportInputError.self) {
            try parse([run, TestSupport.Run(cell: "c1", repeatIndex: 1), run])
        }
        #expect(error?.line == 4)
        #expect(error?.key == "run_id")
        #expect(error?.message.contains("appears twice (first on line 2)") == true)
    }

    @Test(arguments: [
        ("wall_s", "-0.5"), ("live_bytes", "-1"), ("records_in", "-3"), ("s3_total_usd", "-0.01"),
        ("wall_s", "inf"), ("table_bytes", "nan"), ("throughput_rps", "1e999"), ("commits", "many"),
    ])
    func negativeOrNonFiniteNumbersAreRefused(column: String, value: String) {
        var run = TestSupport.Run(cell: "c1", repeatIndex: 0)
        run.overrides[column] = value
        let error = #expect(throws: ReportInputError.self) {
            try parse([TestSupport.Run(cell: "c0", repeatIndex: 0), run])
        }
        #expect(error?.path == "r.csv")
        #expect(error?.line == 3)
        #expect(error?.key == column)
        #expect(error?.description.hasPrefix("r.csv:3 (\(column)): value '\(value)' is") == true)
    }

    @Test func zeroAndEmptyCellsAreFine() throws {
        var run = TestSupport.Run(cell: "c1", repeatIndex: 0)
        run.overrides["wall_s"] = "0"
        run.overrides["cpu_s"] = ""
        #expect(try parse([run]).rows.count == 1)
    }

    @Test func aRunInTwoFilesIsRefusedByReport() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = TestSupport.csv([TestSupport.Run(cell: "c1", repeatIndex: 0)])
        let a = try TestSupport.resultFile(csv, in: dir.appendingPathComponent("a"))
        let b = try TestSupport.resultFile(csv, in: dir.appendingPathComponent("b"))
        let error = #expect(throws: ReportInputError.self) { try ResultFile.checkDistinctRuns([a, b]) }
        #expect(error?.message.contains("also appears at \(a.table.path):2") == true)
        #expect(throws: Never.self) { try ResultFile.checkDistinctRuns([a]) }
    }
}
