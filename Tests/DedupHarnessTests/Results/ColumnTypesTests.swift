import DedupPipeline
import Foundation
import Testing

@testable import DedupHarness

/// Float columns are written as floats, the published schema matches the code, and polars reads
/// two result sets (one whose duplicate rates are all integral) and concatenates them.
struct ColumnTypesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func integralFloatsGetAFraction() {
        let columns = ["dup_prob", "scale", "wall_s", "strategy", "cpu_s"]
        #expect(ColumnTypes.normalise(["0", "1000", "2", "x1", ""], columns: columns) == ["0.0", "1000", "2.0", "x1", ""])
        #expect(ColumnTypes.normalise(["0.1", "10", "1e-05", "a", "-3"], columns: columns) == ["0.1", "10", "1e-05", "a", "-3.0"])
    }

    @Test func publishedSchemaMatchesTheCode() throws {
        let path = Self.root.appendingPathComponent("docs/results.schema.json")
        if ProcessInfo.processInfo.environment["DEDUPBENCH_RECORD_GOLDEN"] == "1" {
            try ColumnTypes.schemaJSON().write(to: path, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: path, encoding: .utf8) == ColumnTypes.schemaJSON(),
                "docs/results.schema.json is stale; re-record with DEDUPBENCH_RECORD_GOLDEN=1")
        for column in ResultColumns.all { #expect(ColumnTypes.schemaJSON().contains("\"name\": \"\(column)\"")) }
    }

    static let python = ProcessInfo.processInfo.environment["DEDUPBENCH_ORACLE_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
        ?? root.appendingPathComponent(".venv-oracle/bin/python").path
    /// Like the other interop tests: skipped without the oracle venv, except in CI where it must run.
    static var shouldRun: Bool {
        FileManager.default.isExecutableFile(atPath: python) || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    @Test(.enabled(if: shouldRun, "needs the oracle venv with polars (make setup)"))
    func polarsConcatenatesTwoResultSets() throws {
        let python = Self.python
        try #require(FileManager.default.isExecutableFile(atPath: python), "the oracle venv is required: make setup")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dedupbench-coltypes-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        var files: [String] = []
        for (name, dup, wall) in [("a", "0", "1"), ("b", "0.25", "0.5")] {
            var fields = ResultColumns.all.map { c -> String in
                switch ColumnTypes.kind(c) { case .string: return "s"; case .integer: return "7"; case .float: return "3" }
            }
            fields[ResultColumns.all.firstIndex(of: "dup_prob")!] = dup
            fields[ResultColumns.all.firstIndex(of: "wall_s")!] = wall
            let row = ResultRow(columns: ResultColumns.all, fields: fields)
            let set = ResultSet(columns: ResultColumns.all, rows: [row], manifest: nil)
            let d = dir.appendingPathComponent(name).path
            try set.write(directory: d)
            files.append(d + "/results.csv")
        }
        let script = """
            import sys, polars as pl
            df = pl.concat([pl.read_csv(f) for f in sys.argv[1:]])
            print(df.height, df.schema["dup_prob"], df.schema["wall_s"], df.schema["scale"], df.schema["strategy"])
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", script] + files
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "polars could not concatenate the two result sets")
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == "2 Float64 Float64 Int64 String")
    }
}
