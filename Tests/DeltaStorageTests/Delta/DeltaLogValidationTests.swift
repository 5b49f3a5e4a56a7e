import Foundation
import Testing
@testable import DeltaStorage

/// A log that breaks the protocol's rules is an error naming the file, line and field, and no
/// writer appends to it.
@Suite struct DeltaLogValidationTests {
    typealias L = DeltaLogTests

    /// (second commit's text, words the error must contain)
    static let badCommits: [(String, [String])] = [
        (L.add("../outside.parquet", 10, rows: 1), ["add.path", "'..'"]),
        (L.add("p=x/../../x.parquet", 10, rows: 1), ["add.path", "'..'"]),
        (L.add("/etc/passwd", 10, rows: 1), ["add.path", "outside the table root"]),
        (L.add("file:///etc/passwd", 10, rows: 1), ["add.path", "outside the table root"]),
        (L.add("s3://bucket/a.parquet", 10, rows: 1), ["add.path", "s3: URI"]),
        (L.add("", 10, rows: 1), ["add.path", "empty"]),
        (L.add("p=x/a.parquet", -1, rows: 1), ["add.size", "≥ 0", "-1"]),
        (L.add("p=x/a.parquet", 10, rows: -3), ["add.stats.numRecords", "-3"]),
        (L.remove("%2E%2E/a.parquet"), ["remove.path", "'..'"]),
        (#"{"protocol":{"minReaderVersion":0,"minWriterVersion":2}}"#, ["protocol.minReaderVersion"]),
        (
            #"{"add":{"path":"a.parquet","partitionValues":{},"size":1,"modificationTime":0,"dataChange":true,"deletionVector":{"storageType":"x","pathOrInlineDv":"","sizeInBytes":1,"cardinality":1}}}"#,
            ["add.deletionVector.storageType", "one of u, i, p"]
        ),
    ]

    @Test(arguments: badCommits)
    func badActionsNameFileLineAndField(commit: String, words: [String]) throws {
        let dir = DeltaTestSupport.tempDir("log-bad")
        defer { DeltaTestSupport.cleanup(dir) }
        try DeltaTestSupport.write(L.header, to: dir + "/_delta_log/" + DeltaLog.commitName(0))
        try DeltaTestSupport.write(
            L.add("p=x/ok.parquet", 1, rows: 1) + "\n" + commit + "\n",
            to: dir + "/_delta_log/" + DeltaLog.commitName(1))
        #expect {
            try DeltaLog(tablePath: dir).state()
        } throws: { error in
            let e = error as? DeltaError
            let text = e?.message ?? ""
            return e?.kind == .corruptLog && text.contains(DeltaLog.commitName(1) + ":2:")
                && words.allSatisfy { text.contains($0) }
        }
    }

    @Test func absolutePathsInsideTheTableAreFine() throws {
        let dir = DeltaTestSupport.tempDir("log-abs")
        defer { DeltaTestSupport.cleanup(dir) }
        try DeltaTestSupport.write(L.header, to: dir + "/_delta_log/" + DeltaLog.commitName(0))
        try DeltaTestSupport.write(
            L.add(dir + "/p=x/a.parquet", 1, rows: 1) + "\n"
                + L.add("file://" + dir + "/p=x/b%20c.parquet", 1, rows: 1),
            to: dir + "/_delta_log/" + DeltaLog.commitName(1))
        #expect(try DeltaLog(tablePath: dir).state().files.count == 2)
        #expect(DeltaLogValidation.pathProblem("p=x/a..b.parquet", tablePath: dir) == nil)
    }

    @Test func invalidUTF8IsReportedWithItsColumn() throws {
        let dir = DeltaTestSupport.tempDir("log-utf8")
        defer { DeltaTestSupport.cleanup(dir) }
        try DeltaTestSupport.write(L.header, to: dir + "/_delta_log/" + DeltaLog.commitName(0))
        var bytes = Array(L.add("p=x/é.parquet", 1, rows: 1).utf8)
        let at = bytes.firstIndex(of: 0xC3)!
        bytes[at + 1] = 0x28  // C3 28: a lead byte without its continuation
        FileManager.default.createFile(
            atPath: dir + "/_delta_log/" + DeltaLog.commitName(1), contents: Data(bytes + [0x0A]))
        #expect {
            try DeltaLog(tablePath: dir).state()
        } throws: { error in
            "\(error)".contains(DeltaLog.commitName(1) + ":1:")
                && "\(error)".contains("column \(at + 1): invalid UTF-8")
        }
        #expect(DeltaLogValidation.invalidUTF8Column(Array("ok ü €".utf8)) == nil)
        #expect(DeltaLogValidation.invalidUTF8Column([0x61, 0xFF]) == 2)
    }

    /// A writer reads the log before it commits, so it refuses a corrupt log and writes nothing.
    @Test func noWriterAppendsToABadLog() throws {
        let dir = DeltaTestSupport.tempDir("log-append")
        defer { DeltaTestSupport.cleanup(dir) }
        let table = try DeltaTable.create(at: dir + "/t", schema: DeltaTestSupport.schema, partitionColumns: [])
        try DeltaTestSupport.write(L.add("../evil.parquet", 1, rows: 1), to: table.log.commitPath(1))
        let batch = DeltaTestSupport.batch(ids: 0..<3, names: ["a"], days: [1])
        #expect(throws: DeltaError.self) { try table.append(batch) }
        #expect(try table.log.latestVersion() == 1)
        #expect(try FileSystem.walk(table.path).filter { $0.path.hasSuffix(".parquet") }.isEmpty)
    }

    /// `inspect` reports a missing and a resized data file.
    @Test func checkFilesFindsMissingAndResizedFiles() throws {
        let dir = DeltaTestSupport.tempDir("log-check")
        defer { DeltaTestSupport.cleanup(dir) }
        let table = try DeltaTable.create(
            at: dir + "/t", schema: DeltaTestSupport.schema, partitionColumns: [],
            options: DeltaWriteOptions(targetFileRows: 2, seed: 1))
        let r = try table.append(DeltaTestSupport.batch(ids: 0..<6, names: ["a"], days: [1]))
        #expect(try TableDescription.describe(path: table.path).checkFiles().isEmpty)
        try FileManager.default.removeItem(atPath: table.path + "/" + r.added[0].relativePath)
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: table.path + "/" + r.added[1].relativePath))
        try h.seekToEnd()
        try h.write(contentsOf: Data([0]))
        try h.close()
        let problems = try TableDescription.describe(path: table.path).checkFiles()
        #expect(problems.map(\.path) == [r.added[0].path, r.added[1].path])
        #expect(
            problems[0].problem.hasPrefix("is missing")
                && problems[1].problem.contains("the log says \(r.added[1].size)"))
    }
}
