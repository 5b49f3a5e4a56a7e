import DeltaStorage
import Foundation
import Testing

@testable import DedupPipeline

/// The batch winners verified out of core (`SpilledWinners`, forced by a zero budget) must find
/// exactly what the in-memory verifier finds, on a good table and on every injected fault.
@Suite("Verification with the batch winners spilled to disk") struct SpilledVerifierTests {
    /// Faults injected into the first table file (as in `VerifierTests`).
    enum Fault: String, CaseIterable {
        case none, lostRow, duplicateRow, changedValue

        func apply(_ b: ColumnBatch) -> ColumnBatch {
            switch self {
            case .none: return b
            case .lostRow: return b.gather(Array(1..<b.rowCount))
            case .duplicateRow: return b.gather(Array(0..<b.rowCount) + [0])
            case .changedValue: return VerifierTests.changeFirstValue(b)
            }
        }
    }

    /// Runs `strategy` on a small input (3 batches), then verifies its table through each fault
    /// with a verifier built by `spill` (nil: in memory).
    static func verify(
        _ strategy: StrategyKind, spills: [VerifierSpill?], faults: [Fault],
        expecting change: (TableExpectation) -> TableExpectation = { $0 }
    ) throws -> [[VerificationResult]] {
        let dir = RunTestSupport.tempDir("spill-\(strategy.rawValue)")
        defer { RunTestSupport.remove(dir) }
        let config = try RunTestSupport.config(scale: 1200, batches: 3)
        let input = try PipelineRunner.produce(config: config, seed: 5)
        let m = try PipelineRunner.run(input, strategy: strategy, tableDir: dir + "/t")
        #expect(m.succeeded, "\(m.error)")
        let expectation = change(try VerifierTests.expectation(strategy, config, recordSchema: try input.recordSchema))
        let schema = TableBatch.schema(records: try input.recordSchema, encoding: config.hash.encoding)
        let batches = try input.batches().map { TableBatch.make($0, schema: schema, hash: config.hash) }
        let table = try DeltaTable.open(at: dir + "/t")
        let truth = try input.truth
        return try spills.map { spill in
            try faults.map { fault in
                var v = Verifier(expectation: expectation, spill: spill ?? .temporary)
                #expect(v.isSpilled == (spill != nil))
                for b in batches { v.observe(b) }
                let contents = FaultyContents(base: DeltaTableContents(table: table), fault: fault.apply)
                return try v.verify(contents, truth: truth)
            }
        }
    }

    @Test(
        "spilled batch winners find what the in-memory ones find, fault by fault",
        arguments: [StrategyKind.polarsMerge, .deltaMerge])
    func sameResults(strategy: StrategyKind) throws {
        let scratch = RunTestSupport.tempDir("spill-files")
        defer { RunTestSupport.remove(scratch) }
        let faults = Fault.allCases
        let r = try Self.verify(
            strategy,
            spills: [
                nil, VerifierSpill(directory: scratch, budgetBytes: 0, partitions: 4),
                VerifierSpill(directory: scratch, budgetBytes: 0, partitions: 1),
            ], faults: faults)
        #expect(r[1] == r[0])
        #expect(r[2] == r[0])
        let (clean, lost, dup, changed) = (r[1][0], r[1][1], r[1][2], r[1][3])
        #expect(clean.passed && clean.checksum == clean.expectedChecksum && clean.rowsExpected > 0, "\(clean.failures)")
        // the counts the fault tests of the in-memory verifier expect (VerifierTests)
        #expect(!lost.passed && lost.lostRecords == 1 && lost.rowsWritten == lost.rowsExpected - 1)
        #expect(!dup.passed && dup.duplicatesLeft == 1 && dup.lostRecords == 0)
        // a changed value: the row is no longer its key's winner (row digests differ)
        #expect(!changed.passed && changed.rowsWritten == changed.rowsExpected && changed.duplicatesLeft == 0)
        #expect(changed.lostRecords == 1 && changed.checksum != changed.expectedChecksum)
        // nothing of the spill is left on disk
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty)
    }

    @Test("batch winners keyed by the identity count the delivered identities from the winners' keys")
    func keyedByIdentity() throws {
        let scratch = RunTestSupport.tempDir("spill-identity")
        defer { RunTestSupport.remove(scratch) }
        // the synthetic source's message ids and composite hashes correspond one to one, so
        // polars_merge's table is also the batch winners by composite hash
        let r = try Self.verify(
            .polarsMerge, spills: [nil, VerifierSpill(directory: scratch, budgetBytes: 0, partitions: 2)],
            faults: [.none, .lostRow]
        ) { e in
            guard case .batchWinnerPerKey(_, let sortBy, let keepLast) = e else { return e }
            return .batchWinnerPerKey(key: ["composite_hash"], sortBy: sortBy, keepLast: keepLast)
        }
        #expect(r[0] == r[1])
        #expect(r[0][0].passed && r[0][0].uniqueDelivered == r[0][0].rowsExpected, "\(r[0][0].failures)")
        #expect(!r[0][1].passed && r[0][1].lostRecords == 1)
    }

    @Test("a spill directory that cannot be written fails the verification, naming it")
    func unwritable() throws {
        let missing = RunTestSupport.tempDir("spill-missing") + "/not-there"
        defer { RunTestSupport.remove(String(missing.dropLast("/not-there".count))) }
        do {
            _ = try Self.verify(
                .deltaMerge, spills: [VerifierSpill(directory: missing, budgetBytes: 0, partitions: 2)], faults: [.none]
            )
            Issue.record("verification with an unwritable spill directory passed")
        } catch let e as SpillError {
            #expect(e.directory == missing)
            #expect(
                e.description.hasPrefix(
                    "the verifier's temporary files in \(missing): cannot create a temporary directory: No such file or directory"
                ))
        }
    }

    @Test("a partitioned spill keeps each file's records in append order and leaves no file behind")
    func partitionedSpill() throws {
        let scratch = RunTestSupport.tempDir("spill-unit")
        defer { RunTestSupport.remove(scratch) }
        let spill = PartitionedSpill(parent: scratch, name: "t", width: 3, partitions: 8)
        var rng = Xoshiro256StarStar(seed: 3)
        let records = (0..<50_000).map { i in (rng.next(), UInt64(i), UInt64(i) &* 7) }  // > 1 buffer a file
        for r in records { spill.append(r.0, r.1, r.2) }
        try spill.finish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty)  // unlinked at creation
        var back: [(UInt64, UInt64, UInt64)] = []
        for p in 0..<8 {
            try spill.read(partition: p) { chunk in
                for j in 0..<chunk.count / 3 {
                    #expect(Int(chunk[3 * j] & 7) == p)
                    back.append((chunk[3 * j], chunk[3 * j + 1], chunk[3 * j + 2]))
                }
            }
        }
        #expect((0..<8).map { spill.records(in: $0) }.reduce(0, +) == records.count)
        let expected = (0..<8).flatMap { p in records.filter { Int($0.0 & 7) == p } }
        #expect(back.count == expected.count && zip(back, expected).allSatisfy { $0 == $1 })
        spill.discard()
        #expect(throws: SpillError.self) { try spill.read(partition: 0) { _ in } }
    }
}
