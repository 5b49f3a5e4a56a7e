import DeltaStorage
import Testing

@testable import DedupPipeline

/// A table reader that hands the verifier a modified copy of the real table: the test-only hook
/// for injecting faults (a lost row, a duplicated row, a changed value).
struct FaultyContents: TableContents {
    let base: any TableContents
    let fault: (ColumnBatch) -> ColumnBatch
    var onlyFirstBatch = true

    func forEachBatch(columns: [String], _ body: (ColumnBatch) throws -> Void) throws {
        var first = true
        try base.forEachBatch(columns: columns) { b in
            try body(first || !onlyFirstBatch ? fault(b) : b)
            first = false
        }
    }
}

/// A table reader that counts the verifier's passes over the table and can change a pass's batches.
final class CountingContents: TableContents, @unchecked Sendable {
    let base: any TableContents
    let change: (Int, ColumnBatch) -> ColumnBatch
    private(set) var passes = 0

    init(base: any TableContents, change: @escaping (Int, ColumnBatch) -> ColumnBatch = { $1 }) {
        self.base = base
        self.change = change
    }

    func forEachBatch(columns: [String], _ body: (ColumnBatch) throws -> Void) throws {
        passes += 1
        let pass = passes
        var first = true
        try base.forEachBatch(columns: columns) { b in
            try body(first ? change(pass, b) : b)
            first = false
        }
    }
}

@Suite("Verification") struct VerifierTests {
    /// Runs `strategy` on a small input, then re-verifies its table through `fault`.
    func reverify(_ strategy: StrategyKind, fault: @escaping (ColumnBatch) -> ColumnBatch) throws -> (
        RunMetrics, VerificationResult
    ) {
        try withRun(strategy) { m, verifier, table, truth in
            (m, try verifier.verify(FaultyContents(base: DeltaTableContents(table: table), fault: fault), truth: truth))
        }
    }

    /// Runs `strategy` on a small input and hands `body` the run's metrics, a verifier whose
    /// expected side is rebuilt exactly as the run's was, the table and the source's ground truth.
    func withRun<T>(
        _ strategy: StrategyKind, _ body: (RunMetrics, Verifier, DeltaTable, GroundTruth) throws -> T
    ) throws -> T {
        let dir = RunTestSupport.tempDir("verify-\(strategy.rawValue)")
        defer { RunTestSupport.remove(dir) }
        let config = try RunTestSupport.config(scale: 1200, batches: 3)
        let input = try PipelineRunner.produce(config: config, seed: 5)
        let m = try PipelineRunner.run(input, strategy: strategy, tableDir: dir + "/t")
        // rebuild the verifier's expected side exactly as the run did
        var verifier = Verifier(expectation: try Self.expectation(strategy, config, recordSchema: try input.recordSchema))
        let schema = TableBatch.schema(records: try input.recordSchema, encoding: config.hash.encoding)
        let batches = try input.batches()
        #expect(batches.count == 3)
        for b in batches { verifier.observe(TableBatch.make(b, schema: schema, hash: config.hash)) }
        return try body(m, verifier, try DeltaTable.open(at: dir + "/t"), try input.truth)
    }

    static func expectation(_ kind: StrategyKind, _ config: PipelineConfig, recordSchema: Schema) throws
        -> TableExpectation
    {
        struct V: StrategyVisitor {
            let schema: Schema
            func visit<S: DedupStrategy>(_ type: S.Type) throws -> TableExpectation {
                try S(options: StrategyOptions(strategy: S.kind.rawValue, values: [:]), schema: schema).expectation
            }
        }
        return try kind.accept(V(schema: TableBatch.schema(records: recordSchema, encoding: config.hash.encoding)))
    }

    @Test("an untouched table passes", arguments: StrategyKind.allCases)
    func clean(strategy: StrategyKind) throws {
        let (m, r) = try reverify(strategy) { $0 }
        #expect(m.succeeded && r.passed, "\(r.failures)")
        #expect(r.checksum == m.checksum)
    }

    @Test(
        "an untouched table passes on the count and sum alone, with the row-by-row match's result",
        arguments: StrategyKind.allCases)
    func fastPassEqualsTally(strategy: StrategyKind) throws {
        try withRun(strategy) { _, verifier, table, truth in
            let counting = CountingContents(base: DeltaTableContents(table: table))
            let fast = try verifier.verify(counting, truth: truth)
            #expect(counting.passes == 1)  // the first pass decided
            let tallied = try verifier.tallied(DeltaTableContents(table: table), truth: truth)
            #expect(fast == tallied && fast.passed)
            if strategy == .bronzeAppend { #expect(fast.duplicatesLeft > 0) }  // bronze keeps the copies
        }
    }

    @Test("a table that differs between the two read-back passes fails", arguments: StrategyKind.allCases)
    func changedBetweenPasses(strategy: StrategyKind) throws {
        try withRun(strategy) { _, verifier, table, truth in
            // the first pass sees a row lost, the second the untouched table
            let contents = CountingContents(base: DeltaTableContents(table: table)) { pass, b in
                pass == 1 ? b.gather(Array(1..<b.rowCount)) : b
            }
            let r = try verifier.verify(contents, truth: truth)
            #expect(contents.passes == 2)
            #expect(r.failures.count == 1)
            #expect(r.failures.first?.hasPrefix("the two read-back passes disagree (\(r.rowsWritten - 1) rows") == true)
        }
    }

    @Test("a table with a row deleted fails: lost record, row count, checksum", arguments: StrategyKind.allCases)
    func lostRow(strategy: StrategyKind) throws {
        let (_, r) = try reverify(strategy) { b in b.gather(Array(1..<b.rowCount)) }
        #expect(!r.passed)
        #expect(r.rowsWritten == r.rowsExpected - 1)
        #expect(r.checksum != r.expectedChecksum)
        // bronze keeps duplicates: the deleted row may have been one of several copies of its key
        if strategy != .bronzeAppend { #expect(r.lostRecords == 1) }
    }

    @Test(
        "a duplicated row fails a dedup strategy and is counted as left",
        arguments: [StrategyKind.eagerDedup, .deltaMerge, .polarsMerge])
    func duplicateLeft(strategy: StrategyKind) throws {
        let (_, r) = try reverify(strategy) { b in b.gather(Array(0..<b.rowCount) + [0]) }
        #expect(!r.passed)
        #expect(r.duplicatesLeft == 1)
        #expect(r.lostRecords == 0)
    }

    /// The fault "a value changed": the first row's `value` plus one (same row count, same keys).
    static func changeFirstValue(_ b: ColumnBatch) -> ColumnBatch {
        var cols = b.columns
        let i = b.schema.index(of: RecordSchema.value)!
        if case .int32(var v) = cols[i].values {
            v[0] &+= 1
            cols[i] = Column(.int32(v))
        }
        return ColumnBatch(schema: b.schema, columns: cols)
    }

    @Test("a changed value with the same row count fails on the checksum alone")
    func changedValue() throws {
        let (_, r) = try reverify(.eagerDedup, fault: Self.changeFirstValue)
        #expect(r.rowsWritten == r.rowsExpected && r.lostRecords == 0 && r.duplicatesLeft == 0)
        #expect(r.failures == ["table checksum \(r.checksum) differs from the expected \(r.expectedChecksum)"])
    }

    @Test("the checksum does not depend on row order or file split")
    func checksumOrderIndependent() {
        let batch = ColumnBatch(
            schema: Schema([Field("s", .string), Field("n", .long)]),
            columns: [
                Column(.bytes(ByteColumn(["a", "b", "a"])), validity: [true, true, false]), Column(.int64([1, 2, 3])),
            ])
        let whole = RowDigest.sum(RowDigest.digests(batch))
        let parts =
            RowDigest.sum(RowDigest.digests(batch.gather([2, 0])))
            &+ RowDigest.sum(RowDigest.digests(batch.gather([1])))
        #expect(whole == parts)
        #expect(RowDigest.sum(RowDigest.digests(batch.gather([0, 0, 1, 2]))) != whole)  // a sum: duplicates count
        // column order in the batch does not matter, names do
        #expect(RowDigest.digests(batch.selecting(["n", "s"])) == RowDigest.digests(batch))
    }

    @Test("a run whose table lost a row is reported failed, with the reason", arguments: StrategyKind.allCases)
    func runLosingARow(strategy: StrategyKind) throws {
        let dir = RunTestSupport.tempDir("lose-\(strategy.rawValue)")
        defer { RunTestSupport.remove(dir) }
        let input = try PipelineRunner.produce(config: try RunTestSupport.config(scale: 800, batches: 2), seed: 8)
        let m = try PipelineRunner.run(input, strategy: strategy, tableDir: dir + "/t") { table in
            FaultyContents(base: DeltaTableContents(table: table), fault: { $0.gather(Array(1..<$0.rowCount)) })
        }
        #expect(m.status == ResultColumns.statusFailed && m.failure == .verification)
        #expect(m.error.contains("expected \(m.rowsExpected)") && m.rowsWritten == m.rowsExpected - 1)
        #expect(m.value("status") == .string("failed"))
    }

    @Test("row and identity digests in one pass equal the separate computations")
    func onePassIdentity() {
        let batch = ColumnBatch(
            schema: Schema([Field("s", .string), Field("n", .long)]),
            columns: [
                Column(.bytes(ByteColumn(["a", "b", "a"])), validity: [true, true, false]), Column(.int64([1, 2, 3])),
            ])
        let (rows, ids) = RowDigest.digests(batch, identity: "s")
        #expect(rows == RowDigest.digests(batch))
        #expect(ids == RowDigest.digests(batch.selecting(["s"])))
        #expect(RowDigest.digests(batch, identity: "n").identity == RowDigest.digests(batch.selecting(["n"])))
    }

    @Test("a failed verification makes the run failed with the reason in error")
    func runStatus() {
        var m = RunMetrics()
        var r = VerificationResult()
        r.failures = ["1 records lost"]
        m.apply(r)
        #expect(m.status == ResultColumns.statusFailed && m.failure == .verification)
        #expect(m.error.contains("1 records lost"))
    }
}
