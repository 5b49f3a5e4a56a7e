import DeltaStorage
import Foundation
import Testing

@testable import DedupPipeline

/// Red-team review of the verifier (helper "redteam", issue 11's two-pass read-back): a strategy's
/// table is written, then changed on disk the way a buggy writer or a damaged store would change
/// it, and verified again with the run's own expected side (`VerifierTests.withRun`).
///
/// Findings fixed since (each test now asserts the fault is caught): wrong `add.stats.numRecords`
/// and wrong `add.size` (`DeltaTable.dataFile` compares both with the file), the table's schema
/// compared with the delivered one (type changed, string declared binary, extra column), and two
/// read-back passes that disagree; `lake inspect` now follows the checkpoint as readers do and says
/// when the JSON commits disagree with it (`inspectFollowsCheckpoint`).
/// Known gaps, recorded as known issues (`withKnownIssue`: the test fails loudly once one is fixed,
/// so the wrapper is removed with the fix): wrong min/max stats (`wrongButPassesMaxValues`), a
/// changed value's failure names no file (`unclearChangedValue`), the merges count a changed value
/// as a lost record (`changedValueCountedAsLost`). polars_merge with
/// `maintenance.optimize_every` has its own test (`MaintenanceDuringRunTests`).
///
/// Tests named "caught: …" / "not a fault: …" pass: faults the verifier handles (a clear error
/// naming the file, or a failed run) and changes Delta readers ignore.
@Suite("Verifier red team") struct VerifierRedTeamTests {
    /// What verifying the tampered table gave.
    enum Outcome: CustomStringConvertible {
        case passed
        case failed([String])
        case threw(String)

        var description: String {
            switch self {
            case .passed: "passed"
            case .failed(let f): "failed: \(f)"
            case .threw(let e): "threw: \(e)"
            }
        }

        /// The verifier did not call the table good.
        var rejected: Bool { if case .passed = self { false } else { true } }
    }

    /// Runs `strategy` on a small input, hands the table directory to `tamper`, then verifies the
    /// reopened table with the run's expected side. `confirm` checks that the reopened table's
    /// snapshot shows the change (so a passing verification is not a tamper that missed).
    func verifyTampered(
        _ strategy: StrategyKind,
        confirm: (_ before: DeltaSnapshot, _ after: DeltaSnapshot) throws -> Bool = { _, _ in true },
        _ tamper: (String) throws -> Void
    ) throws -> Outcome {
        try VerifierTests().withRun(strategy) { m, verifier, table, truth in
            #expect(m.succeeded)
            let before = try table.snapshot()
            try tamper(table.path)
            do {
                let reopened = try DeltaTable.open(at: table.path)
                let after = try reopened.snapshot()
                #expect(try confirm(before, after), "the tamper did not reach the snapshot")
                let r = try verifier.verify(DeltaTableContents(table: reopened), truth: truth)
                return r.passed ? .passed : .failed(r.failures)
            } catch {
                return .threw("\(error)")
            }
        }
    }

    /// `verifyTampered` for a run of `batches` micro-batches (12: the table gets the checkpoint
    /// of version 10), as `VerifierTests.withRun` builds it.
    func verifyTampered(batches: Int, _ strategy: StrategyKind, _ tamper: (String) throws -> Void) throws -> Outcome {
        let dir = RunTestSupport.tempDir("redteam-\(strategy.rawValue)")
        defer { RunTestSupport.remove(dir) }
        let config = try RunTestSupport.config(scale: 1200, batches: batches)
        let input = try PipelineRunner.produce(config: config, seed: 5)
        let m = try PipelineRunner.run(input, strategy: strategy, tableDir: dir + "/t")
        #expect(m.succeeded)
        var verifier = Verifier(
            expectation: try VerifierTests.expectation(strategy, config, recordSchema: try input.recordSchema))
        let schema = TableBatch.schema(records: try input.recordSchema, encoding: config.hash.encoding)
        for b in try input.batches() { verifier.observe(TableBatch.make(b, schema: schema, hash: config.hash)) }
        try tamper(dir + "/t")
        do {
            let r = try verifier.verify(
                DeltaTableContents(table: try DeltaTable.open(at: dir + "/t")), truth: input.truth)
            return r.passed ? .passed : .failed(r.failures)
        } catch {
            return .threw("\(error)")
        }
    }

    // MARK: log helpers

    /// The commit files of the table at `dir`, by version.
    static func commits(_ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir + "/_delta_log")
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix("_") }.sorted().map { dir + "/_delta_log/" + $0 }
    }

    /// Rewrites the first `add` action of the last commit that has one, through `edit`.
    static func editLastAdd(_ dir: String, _ edit: (inout [String: Any]) throws -> Void) throws {
        for file in try commits(dir).reversed() {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            var lines = text.split(separator: "\n").map(String.init)
            guard
                let i = try lines.firstIndex(where: {
                    (try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["add"] != nil
                })
            else { continue }
            var action = try JSONSerialization.jsonObject(with: Data(lines[i].utf8)) as! [String: Any]
            var add = action["add"] as! [String: Any]
            try edit(&add)
            action["add"] = add
            lines[i] = String(
                decoding: try JSONSerialization.data(withJSONObject: action, options: .withoutEscapingSlashes),
                as: UTF8.self)
            try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            return
        }
        Issue.record("no add action in \(dir)")
    }

    /// Edits an add action's stats JSON.
    static func editStats(_ add: inout [String: Any], _ edit: (inout [String: Any]) -> Void) throws {
        var stats = try JSONSerialization.jsonObject(with: Data((add["stats"] as! String).utf8)) as! [String: Any]
        edit(&stats)
        add["stats"] = String(decoding: try JSONSerialization.data(withJSONObject: stats), as: UTF8.self)
    }

    /// Rewrites the metaData action's schema through `edit` (its fields as JSON objects).
    static func editSchema(_ dir: String, _ edit: (inout [[String: Any]]) -> Void) throws {
        for file in try commits(dir) {
            var lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
            for (i, line) in lines.enumerated() {
                guard var action = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    var meta = action["metaData"] as? [String: Any]
                else { continue }
                var schema =
                    try JSONSerialization.jsonObject(with: Data((meta["schemaString"] as! String).utf8))
                    as! [String: Any]
                var fields = schema["fields"] as! [[String: Any]]
                edit(&fields)
                schema["fields"] = fields
                meta["schemaString"] = String(
                    decoding: try JSONSerialization.data(withJSONObject: schema), as: UTF8.self)
                action["metaData"] = meta
                lines[i] = String(
                    decoding: try JSONSerialization.data(withJSONObject: action, options: .withoutEscapingSlashes),
                    as: UTF8.self)
                try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
                return
            }
        }
        Issue.record("no metaData action in \(dir)")
    }

    /// The path (relative to the table) of the first live data file named by the last add action.
    static func lastAddPath(_ dir: String) throws -> String {
        for file in try commits(dir).reversed() {
            for line in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n") {
                if let action = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let add = action["add"] as? [String: Any]
                {
                    return (add["path"] as! String).removingPercentEncoding!
                }
            }
        }
        throw CocoaError(.fileNoSuchFile)
    }

    static func totalSize(_ snap: DeltaSnapshot) -> Int64 { snap.files.reduce(Int64(0)) { $0 + Int64($1.size) } }

    static func loggedRows(_ snap: DeltaSnapshot) -> Int { snap.files.reduce(0) { $0 + ($1.numRecords ?? 0) } }

    // what each tamper must show in the reopened snapshot (before, after)
    static func loggedRowsGrewByOne(_ b: DeltaSnapshot, _ a: DeltaSnapshot) -> Bool {
        loggedRows(a) == loggedRows(b) + 1
    }
    static func statsChanged(_ b: DeltaSnapshot, _ a: DeltaSnapshot) -> Bool {
        b.files.map(\.stats) != a.files.map(\.stats)
    }
    static func sizeGrewBy100(_ b: DeltaSnapshot, _ a: DeltaSnapshot) -> Bool { totalSize(a) == totalSize(b) + 100 }
    static func createdAtIsLong(_ b: DeltaSnapshot, _ a: DeltaSnapshot) -> Bool {
        a.schema.fields.first { $0.name == "created_at" }?.type == .long
    }
    static func compositeHashIsBinary(_ b: DeltaSnapshot, _ a: DeltaSnapshot) -> Bool {
        a.schema.fields.first { $0.name == "composite_hash" }?.type == .binary
    }
    static func hasExtraColumn(_ b: DeltaSnapshot, _ a: DeltaSnapshot) -> Bool { a.schema.names.contains("extra") }

    // MARK: findings (fail at the time of writing)

    /// FINDING 1a (fixed). The log says a data file holds one row more than it does. The verifier never
    /// reads `add.stats`, so it passes; deltalake's DataFusion `SELECT count(*)` answers from the
    /// stats: 20001 for the 20000-row eager_dedup table of `pipeline --source synthetic --mode speed
    /// --scale 20000 --batches 4 --seed 1` with one file's numRecords raised by one.
    @Test(
        "caught: a table whose add.stats.numRecords disagrees with its data file is not reported ok",
        arguments: [StrategyKind.bronzeAppend, .deltaMerge])
    func wrongButPassesNumRecords(strategy: StrategyKind) throws {
        let outcome = try verifyTampered(strategy, confirm: Self.loggedRowsGrewByOne) { dir in
            try Self.editLastAdd(dir) { add in
                try Self.editStats(&add) { s in s["numRecords"] = (s["numRecords"] as! Int) + 1 }
            }
        }
        #expect(outcome.rejected, "\(outcome)")
    }

    /// FINDING 1b. The log's max of a column is below values the file holds. Readers skip files by
    /// these bounds: deltalake (`to_pyarrow_dataset` with a filter, DataFusion `WHERE`) and polars
    /// `scan_delta().filter(...)` return 0 rows (1 on the untouched table) for the file's real max
    /// message_id, on the same eager_dedup table. The verifier passes.
    @Test(
        "known gap: a table whose add.stats maxValues exclude values its data file holds is not reported ok",
        arguments: [StrategyKind.eagerDedup, .polarsMerge])
    func wrongButPassesMaxValues(strategy: StrategyKind) throws {
        let outcome = try verifyTampered(strategy, confirm: Self.statsChanged) { dir in
            try Self.editLastAdd(dir) { add in
                try Self.editStats(&add) { s in
                    // max := min for every column: every row above the min is "not in this file"
                    s["maxValues"] = s["minValues"]
                }
            }
        }
        withKnownIssue("the verifier does not check add.stats min/max against the data (issue 11 note)") {
            #expect(outcome.rejected, "\(outcome)")
        }
    }

    /// FINDING 2 (fixed). `add.size` is not the file's size. deltalake reads the footer at the logged size
    /// ("Parquet magic bytes not found in footer"), polars panics ("assertion failed: range.end as
    /// u64 <= self.size"): the table cannot be read by either. Our reader ignores `size`; the
    /// verifier passes.
    @Test("caught: a table whose add.size differs from the data file's size is not reported ok")
    func wrongButPassesAddSize() throws {
        let outcome = try verifyTampered(.bronzeAppend, confirm: Self.sizeGrewBy100) { dir in
            try Self.editLastAdd(dir) { add in add["size"] = (add["size"] as! Int) + 100 }
        }
        #expect(outcome.rejected, "\(outcome)")
    }

    /// FINDING 3a (fixed). The table's schema no longer says what the strategy wrote: `created_at` is
    /// declared `long` instead of `timestamp`. The row digest hashes integer, long, date and
    /// timestamp alike (`int(v, 1)`), and the verifier never compares the table's schema with the
    /// delivered batches' schema, so it passes.
    @Test("caught: a table whose schema declares created_at as long is not reported ok")
    func wrongButPassesTypeChanged() throws {
        let outcome = try verifyTampered(.eagerDedup, confirm: Self.createdAtIsLong) { dir in
            try Self.editSchema(dir) { fields in
                for i in fields.indices where fields[i]["name"] as? String == "created_at" {
                    fields[i]["type"] = "long"
                }
            }
        }
        #expect(outcome.rejected, "\(outcome)")
    }

    /// FINDING 3b (fixed). The same for a string column declared `binary` (string and binary values hash
    /// alike: `bytes(b)`).
    @Test("caught: a table whose schema declares composite_hash as binary is not reported ok")
    func wrongButPassesStringAsBinary() throws {
        let outcome = try verifyTampered(.bronzeAppend, confirm: Self.compositeHashIsBinary) { dir in
            try Self.editSchema(dir) { fields in
                for i in fields.indices where fields[i]["name"] as? String == "composite_hash" {
                    fields[i]["type"] = "binary"
                }
            }
        }
        #expect(outcome.rejected, "\(outcome)")
    }

    /// FINDING 3c (fixed). An extra (nullable, all-null) column in the table's schema: the verifier reads
    /// only the delivered batches' columns, so it passes a table whose shape is not the strategy's.
    @Test("caught: a table with a column the strategy did not write is not reported ok")
    func wrongButPassesExtraColumn() throws {
        let outcome = try verifyTampered(.polarsMerge, confirm: Self.hasExtraColumn) { dir in
            try Self.editSchema(dir) { fields in
                fields.append(["name": "extra", "type": "string", "nullable": true, "metadata": [String: Any]()])
            }
        }
        #expect(outcome.rejected, "\(outcome)")
    }

    /// FINDING 4 (clarity). A value changed in a data file: the run fails, but the reasons are
    /// "1 records lost" and "table checksum … differs from the expected …": neither the data file
    /// nor the key of the row that differs is named, although the second pass matches every row
    /// and could name both (STYLE: an error names the file and what was expected).
    @Test("known gap: a changed value's failure names the data file that holds it")
    func unclearChangedValue() throws {
        var file = ""
        let outcome = try verifyTampered(.bronzeAppend) { dir in
            file = try Self.lastAddPath(dir)
            let url = URL(fileURLWithPath: dir + "/" + file)
            var data = try Data(contentsOf: url)
            data[Int(Double(data.count) * 0.3)] ^= 0x20
            try data.write(to: url)
        }
        guard case .failed(let f) = outcome else {
            Issue.record("expected a failed run, got \(outcome)")
            return
        }
        let name = (file as NSString).lastPathComponent
        withKnownIssue("a checksum difference names no file (issue 11 note)") {
            #expect(f.contains { $0.contains(name) }, "\(f)")
        }
    }

    /// FINDING 5 (counts). docs/STRATEGIES.md defines `lost_records` as "composite keys of expected
    /// rows missing from the table". For the merges (batch winners) a row whose key is present but
    /// one of whose values changed is counted as lost (a row counts only when its row digest is its
    /// key's winner's), so the run reports "1 records lost" for a table that lost nothing; eager
    /// and bronze report the same fault as a checksum difference only (`VerifierTests.changedValue`).
    /// The same holds for a wrong winner (an older version of the key kept): it reads "records lost".
    @Test(
        "known gap: a changed value in a merge's table is not counted as a lost record",
        arguments: [StrategyKind.polarsMerge, .deltaMerge])
    func changedValueCountedAsLost(strategy: StrategyKind) throws {
        let (_, r) = try VerifierTests().reverify(strategy, fault: VerifierTests.changeFirstValue)
        #expect(!r.passed)
        #expect(r.rowsWritten == r.rowsExpected && r.duplicatesLeft == 0)
        withKnownIssue("a merge's row whose digest is not its key's winner's counts as lost (issue 11 note)") {
            #expect(r.lostRecords == 0, "\(r.failures)")
        }
    }

    /// FINDING 6 (two-pass logic; fixed). `verify` calls the table "changed while it was being verified"
    /// only when the second pass equals the expected rows. When both passes differ from the
    /// expected rows and from each other (here: one row missing on the first read, two on the
    /// second), the result reports the second pass's counts alone, with no sign that two reads of
    /// the same table disagreed. The first pass's (rows, sum) is at hand: any difference from the
    /// second's is the same evidence.
    @Test(
        "caught: two passes that disagree with each other are reported as a changing table",
        arguments: [StrategyKind.bronzeAppend, .polarsMerge])
    func passesDisagreeBothWrong(strategy: StrategyKind) throws {
        try VerifierTests().withRun(strategy) { _, verifier, table, truth in
            let contents = CountingContents(base: DeltaTableContents(table: table)) { pass, b in
                b.gather(Array((pass == 1 ? 1 : 2)..<b.rowCount))
            }
            let r = try verifier.verify(contents, truth: truth)
            #expect(contents.passes == 2 && !r.passed)
            #expect(r.failures.contains { $0.contains("the two read-back passes disagree") }, "\(r.failures)")
        }
    }

    // MARK: caught (pass)

    /// Drops the first add action from the checkpoint of version 10 (pyarrow) and prints
    /// deltalake's row counts of the table before and after.
    static let dropCheckpointAdd = """
        import sys, pyarrow.parquet as pq, pyarrow.compute as pc
        from deltalake import DeltaTable
        p = sys.argv[1] + "/_delta_log/00000000000000000010.checkpoint.parquet"
        before = DeltaTable(sys.argv[1]).to_pyarrow_table().num_rows
        t = pq.read_table(p)
        first = pc.is_valid(t.column("add")).to_pylist().index(True)
        pq.write_table(t.take([i for i in range(t.num_rows) if i != first]), p)
        print(before, DeltaTable(sys.argv[1]).to_pyarrow_table().num_rows)
        sys.stdout.flush()
        import os
        os._exit(0)  # skip interpreter teardown: pyarrow + deltalake sometimes abort in it (PipelineOracle)
        """

    /// SIDE FINDING (lake inspect). `TableDescription.describe` (`dedupbench lake inspect`) takes
    /// the live files from a replay of every JSON commit (`history: true`) whenever they are all
    /// still there, and prints "replay from the checkpoint of version 10". After the checkpoint
    /// lost an add, deltalake (and our own snapshot) read the table without that file, yet inspect
    /// still reports the JSON commits' files and rows (measured: "12 files, 6,590 rows" while
    /// deltalake reads 6,041 rows).
    @Test(
        "caught: lake inspect reports the rows a reader reads when checkpoint and JSON commits disagree",
        .enabled(if: PipelineOracle.shouldRun))
    func inspectFollowsCheckpoint() throws {
        let dir = RunTestSupport.tempDir("redteam-inspect")
        defer { RunTestSupport.remove(dir) }
        let input = try PipelineRunner.produce(config: try RunTestSupport.config(scale: 1200, batches: 12), seed: 5)
        #expect(try PipelineRunner.run(input, strategy: .bronzeAppend, tableDir: dir + "/t").succeeded)
        let r = try PipelineOracle.run(["-c", Self.dropCheckpointAdd, dir + "/t"])
        #expect(r.status == 0, "\(r.err)")
        let read = try DeltaTable.open(at: dir + "/t").snapshot().files.reduce(0) { $0 + ($1.numRecords ?? 0) }
        let described = try TableDescription.describe(path: dir + "/t")
        let counts = r.out.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        #expect(counts.last == read, "deltalake \(r.out) vs our snapshot \(read)")
        #expect(described.liveRows == read, "inspect: \(described.liveRows ?? -1) rows, a reader reads \(read)")
        #expect(described.notes.contains { $0.hasPrefix("the JSON commits and the checkpoint disagree") })
    }

    @Test(
        "caught: a checkpoint that lost an add action (deltalake reads the table without that file): failed",
        .enabled(if: PipelineOracle.shouldRun))
    func caughtCheckpointLostAdd() throws {
        var counts = ""
        let outcome = try verifyTampered(batches: 12, .bronzeAppend) { dir in
            let r = try PipelineOracle.run(["-c", Self.dropCheckpointAdd, dir])
            #expect(r.status == 0, "\(r.err)")
            counts = r.out
        }
        let rows = counts.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        #expect(rows.count == 2 && rows[1] < rows[0], "deltalake row counts before/after: \(counts)")
        guard case .failed(let f) = outcome else {
            Issue.record("expected a failed run, got \(outcome)")
            return
        }
        #expect(f.contains { $0.contains("records lost") }, "\(f)")
    }

    @Test("not a fault: a JSON commit the checkpoint covers lost its add (readers start at the checkpoint)")
    func commitBehindCheckpointIgnored() throws {
        let outcome = try verifyTampered(batches: 12, .bronzeAppend) { dir in
            let file = dir + "/_delta_log/00000000000000000003.json"
            let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
            #expect(lines.contains { $0.contains("\"add\"") })
            try (lines.filter { !$0.contains("\"add\"") }.joined(separator: "\n") + "\n")
                .write(toFile: file, atomically: true, encoding: .utf8)
        }
        #expect(!outcome.rejected, "\(outcome)")
    }

    @Test("caught: a data file removed behind the log's back: an error naming the file")
    func caughtFileRemoved() throws {
        var removed = ""
        let outcome = try verifyTampered(.deltaMerge) { dir in
            removed = try Self.lastAddPath(dir)
            try FileManager.default.removeItem(atPath: dir + "/" + removed)
        }
        guard case .threw(let e) = outcome else {
            Issue.record("expected an error, got \(outcome)")
            return
        }
        #expect(e.contains((removed as NSString).lastPathComponent), "\(e)")
    }

    @Test("caught: a truncated data file: an error naming the file")
    func caughtFileTruncated() throws {
        var truncated = ""
        let outcome = try verifyTampered(.polarsMerge) { dir in
            truncated = try Self.lastAddPath(dir)
            let url = URL(fileURLWithPath: dir + "/" + truncated)
            let data = try Data(contentsOf: url)
            try data.prefix(data.count / 2).write(to: url)
        }
        guard case .threw(let e) = outcome else {
            Issue.record("expected an error, got \(outcome)")
            return
        }
        #expect(e.contains((truncated as NSString).lastPathComponent), "\(e)")
    }

    @Test("caught: a byte flipped in the middle of a data file: failed or an error", arguments: [0.3, 0.5, 0.7])
    func caughtByteFlip(at fraction: Double) throws {
        let outcome = try verifyTampered(.bronzeAppend) { dir in
            let url = URL(fileURLWithPath: dir + "/" + (try Self.lastAddPath(dir)))
            var data = try Data(contentsOf: url)
            let i = Int(Double(data.count) * fraction)
            data[i] ^= 0x20
            try data.write(to: url)
        }
        #expect(outcome.rejected, "\(outcome)")
    }

    @Test("not a fault: a Parquet file added behind the log's back is not part of the table")
    func unloggedFileIgnored() throws {
        let outcome = try verifyTampered(.bronzeAppend) { dir in
            let path = try Self.lastAddPath(dir)
            try FileManager.default.copyItem(atPath: dir + "/" + path, toPath: dir + "/" + path + ".copy.parquet")
        }
        #expect(!outcome.rejected, "\(outcome)")
    }

    @Test("caught: a commit that adds a copy of a data file again: duplicates left")
    func caughtFileAddedTwice() throws {
        let outcome = try verifyTampered(.eagerDedup) { dir in
            let commits = try Self.commits(dir)
            var addLine = ""
            for line in try String(contentsOfFile: commits.last!, encoding: .utf8).split(separator: "\n")
            where line.contains("\"add\"") {
                addLine = String(line)
                break
            }
            let path = try Self.lastAddPath(dir)
            try FileManager.default.copyItem(atPath: dir + "/" + path, toPath: dir + "/" + path + "-copy.parquet")
            let encoded = (path as NSString).lastPathComponent
            let line = addLine.replacingOccurrences(of: encoded, with: encoded + "-copy.parquet")
            let next = String(format: "%020d.json", commits.count)
            try (line + "\n").write(toFile: dir + "/_delta_log/" + next, atomically: true, encoding: .utf8)
        }
        guard case .failed(let f) = outcome else {
            Issue.record("expected a failed run, got \(outcome)")
            return
        }
        #expect(f.contains { $0.contains("duplicate keys left") }, "\(f)")
    }

    @Test("caught: a commit file cut in the middle of an action: an error naming the commit")
    func caughtCorruptCommit() throws {
        var name = ""
        let outcome = try verifyTampered(.bronzeAppend) { dir in
            let file = try Self.commits(dir).last!
            name = (file as NSString).lastPathComponent
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try String(text.prefix(text.count - 40)).write(toFile: file, atomically: true, encoding: .utf8)
        }
        guard case .threw(let e) = outcome else {
            Issue.record("expected an error, got \(outcome)")
            return
        }
        #expect(e.contains(name), "\(e)")
    }
}
