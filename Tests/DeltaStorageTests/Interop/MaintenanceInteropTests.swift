import Foundation
import Testing
@testable import DeltaStorage

/// After OPTIMIZE and VACUUM, deltalake, pyarrow, polars and duckdb read exactly the rows written.
@Suite(.enabled(if: DeltaOracle.shouldRun, "needs the oracle venv: run `make setup`"))
struct MaintenanceInteropTests {
    @Test func optimizedAndVacuumedTableReadsBack() throws {
        let dir = DeltaTestSupport.tempDir("maint-interop")
        defer { DeltaTestSupport.cleanup(dir) }
        let (table, rows) = try MaintenanceTests.smallFilesTable(dir)
        let r = try table.optimize(targetFileBytes: 64 << 20)
        #expect(r.filesRemoved > r.filesAdded)
        var later = try DeltaTable.open(at: table.path)
        later.options.clock = .fixed(DeltaClock.system.millis() + 3_600_000)
        #expect(try later.vacuum(retainHours: 0).deleted.count == r.filesRemoved)
        let jsonl = dir + "/expected.jsonl"
        try DeltaTestSupport.write(InteropData.jsonl(InteropData.batch(rows), partitionColumns: ["part"]), to: jsonl)
        let check: [String: Any] = [
            "name": "optimized", "table": table.path, "expected_rows": rows.count, "expected_jsonl": jsonl,
            "expected_schema": InteropData.deltaTypes,
        ]
        DeltaOracle.expectPassed(try DeltaOracle.check([check], in: dir), ["optimized"])
    }
}
