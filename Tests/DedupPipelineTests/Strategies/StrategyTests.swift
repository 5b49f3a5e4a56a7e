import DedupFormats
import DeltaStorage
import Foundation
import Testing

@testable import DedupPipeline

/// Strategy behaviour driven directly (no source): hand-made batches with known duplicates.
@Suite("Strategies") struct StrategyTests {
    static let hash = HashSettings(algorithm: .sha256, encoding: .hex)
    static let schema = TableBatch.schema(records: RecordSchema.base, encoding: .hex)

    /// Table rows for messages `seqs` (repeats = redeliveries) with `value` overridden per row when given.
    static func batch(_ seqs: [Int], values: [Int32]? = nil) -> ColumnBatch {
        var records = RecordGenerator(seed: 9, rate: 0.05).materialize(order: seqs)
        if let values { records.columns[records.schema.index(of: RecordSchema.value)!] = Column(.int32(values)) }
        return TableBatch.make(records, schema: schema, hash: hash)
    }

    static func makeTable<S: DedupStrategy>(_ s: S, _ dir: String) throws -> StrategyTable {
        let t = try DeltaTable.create(
            at: dir, schema: schema, partitionColumns: s.partitionColumns, options: DeltaWriteOptions(seed: 1))
        return StrategyTable(table: t, partBytes: 8 << 20)
    }

    static func make<S: DedupStrategy>(_ type: S.Type, _ options: [String: JSONValue] = [:]) throws -> S {
        try S(options: StrategyOptions(strategy: S.kind.rawValue, values: options), schema: schema)
    }

    static func rows(_ t: StrategyTable) throws -> ColumnBatch { try t.table.read() }

    static func seqs(_ b: ColumnBatch) -> [Int64] {
        guard case .int64(let v) = b.column(RecordSchema.sequenceId)!.values else { return [] }
        return v.sorted()
    }

    static func value(of seq: Int64, in b: ColumnBatch) -> [Int32] {
        guard case .int64(let s) = b.column(RecordSchema.sequenceId)!.values,
            case .int32(let v) = b.column(RecordSchema.value)!.values
        else { return [] }
        return s.indices.filter { s[$0] == seq }.map { v[$0] }
    }

    func run<S: DedupStrategy>(_ s: inout S, _ batches: [ColumnBatch], _ t: inout StrategyTable) throws {
        var timer = PhaseTimer()
        try s.start(&t, expectedKeys: 0)
        for b in batches { try s.process(b, &t, &timer) }
    }

    @Test("duplicates that cross batches are removed", arguments: [StrategyKind.eagerDedup, .polarsMerge, .deltaMerge])
    func crossBatch(kind: StrategyKind) throws {
        let dir = RunTestSupport.tempDir("cross-\(kind.rawValue)")
        defer { RunTestSupport.remove(dir) }
        // 0..<300, then 250..<600 (50 redeliveries of batch 1), then 0..<10 again and 600..<700
        let batches = [
            Self.batch(Array(0..<300)), Self.batch(Array(250..<600)), Self.batch(Array(0..<10) + Array(600..<700)),
        ]
        struct V: StrategyVisitor {
            let dir: String
            let batches: [ColumnBatch]
            func visit<S: DedupStrategy>(_ type: S.Type) throws -> [Int64] {
                var s = try StrategyTests.make(S.self)
                var t = try StrategyTests.makeTable(s, dir)
                var timer = PhaseTimer()
                for b in batches { try s.process(b, &t, &timer) }
                return StrategyTests.seqs(try StrategyTests.rows(t))
            }
        }
        #expect(try kind.accept(V(dir: dir, batches: batches)) == (0..<700).map(Int64.init))
    }

    @Test("polars_merge keep last vs first (ties by arrival), last write wins across batches")
    func keepFirstLast() throws {
        for keep in ["first", "last"] {
            let dir = RunTestSupport.tempDir("keep-\(keep)")
            defer { RunTestSupport.remove(dir) }
            var s = try Self.make(PolarsMerge.self, ["keep": .string(keep)])
            var t = try Self.makeTable(s, dir)
            // message 1 three times in batch 1 with values 10, 11, 12 (same created_at: a tie);
            // message 2 once in batch 1 (20) and again in batch 2 (21)
            let b1 = Self.batch([1, 2, 1, 1], values: [10, 20, 11, 12])
            let b2 = Self.batch([2, 3], values: [21, 30])
            try run(&s, [b1, b2], &t)
            let table = try Self.rows(t)
            #expect(Self.seqs(table) == [1, 2, 3])
            #expect(Self.value(of: 1, in: table) == (keep == "last" ? [12] : [10]))
            #expect(Self.value(of: 2, in: table) == [21])  // the later batch's row replaces the table's
        }
    }

    @Test("polars_merge sort_by decides before arrival")
    func sortBy() throws {
        let dir = RunTestSupport.tempDir("sortby")
        defer { RunTestSupport.remove(dir) }
        var s = try Self.make(PolarsMerge.self, ["sort_by": .string(RecordSchema.value), "keep": .string("last")])
        var t = try Self.makeTable(s, dir)
        try run(&s, [Self.batch([1, 1, 1], values: [50, 90, 10])], &t)
        #expect(Self.value(of: 1, in: try Self.rows(t)) == [90])
    }

    @Test("state is rebuilt from the table: a new instance dedups against what is there")
    func rebuildFromTable() throws {
        for kind in [StrategyKind.eagerDedup, .polarsMerge] {
            let dir = RunTestSupport.tempDir("rebuild-\(kind.rawValue)")
            defer { RunTestSupport.remove(dir) }
            struct V: StrategyVisitor {
                let dir: String
                func visit<S: DedupStrategy>(_ type: S.Type) throws -> (Int, Int, [Int64]) {
                    var first = try StrategyTests.make(S.self)
                    var t = try StrategyTests.makeTable(first, dir)
                    var timer = PhaseTimer()
                    try first.process(StrategyTests.batch(Array(0..<200)), &t, &timer)
                    var second = try StrategyTests.make(S.self)  // fresh process: no memory of batch 1
                    let getsBefore = t.counters.getRequests
                    try second.start(&t, expectedKeys: 0)
                    let gets = t.counters.getRequests - getsBefore
                    try second.process(StrategyTests.batch(Array(150..<250)), &t, &timer)
                    let table = try StrategyTests.rows(t)
                    return (gets, table.rowCount, StrategyTests.seqs(table))
                }
            }
            let (gets, rows, seqs) = try kind.accept(V(dir: dir))
            #expect(gets > 0, "start must read the table")
            #expect(rows == 250 && seqs == (0..<250).map(Int64.init), "\(kind)")
        }
    }

    @Test("eager_dedup write_mode overwrite keeps one live snapshot of all unique rows")
    func eagerOverwrite() throws {
        let dir = RunTestSupport.tempDir("overwrite")
        defer { RunTestSupport.remove(dir) }
        var s = try Self.make(EagerDedup.self, ["write_mode": .string("overwrite")])
        var t = try Self.makeTable(s, dir)
        try run(&s, [Self.batch(Array(0..<100)), Self.batch(Array(50..<150))], &t)
        let table = try Self.rows(t)
        #expect(Self.seqs(table) == (0..<150).map(Int64.init))
        let history = try t.table.log.state(history: true).history
        #expect(history.last!.removedFiles > 0)  // the second batch replaced the first batch's files
        #expect(t.counters.getRequests > 0)
    }

    @Test("delta_merge rewrites only the files holding matched keys")
    func deltaMergeTouchedFiles() throws {
        let dir = RunTestSupport.tempDir("merge-files")
        defer { RunTestSupport.remove(dir) }
        var s = try Self.make(DeltaMerge.self, ["key_buckets": .int(4)])
        var t = try Self.makeTable(s, dir)
        var timer = PhaseTimer()
        // three batches of fresh messages: 4 clustered files each (one date)
        for k in 0..<3 { try s.process(Self.batch(Array(k * 400..<(k + 1) * 400)), &t, &timer) }
        let before = try t.snapshot()
        #expect(before.files.count == 12)
        // redeliver two messages that sit in one file of the second batch, plus new ones
        let getsBefore = t.counters.getRequests
        try s.process(Self.batch([450, 460] + Array(1200..<1300)), &t, &timer)
        let last = try t.table.log.state(history: true).history.last!
        #expect(last.operation == "MERGE")
        #expect(last.removedFiles == 1)  // only the file with sequence ids 400..<500
        let after = try t.snapshot()
        #expect(after.files.count == before.files.count - 1 + last.addedFiles)
        // stats pruning: only files whose sequence_id range contains 450/460 or 1200..<1300 were read
        #expect(t.counters.getRequests - getsBefore == 2)  // one key read of the candidate + the rewrite read
        #expect(Self.seqs(try Self.rows(t)) == (0..<1300).map(Int64.init))
    }

    @Test("delta_merge on a key without integer columns still merges correctly (no pruning)")
    func deltaMergeHashKey() throws {
        let dir = RunTestSupport.tempDir("merge-hash")
        defer { RunTestSupport.remove(dir) }
        var s = try Self.make(DeltaMerge.self, ["merge_key": .string(HashColumns.compositeName)])
        var t = try Self.makeTable(s, dir)
        try run(&s, [Self.batch(Array(0..<100)), Self.batch(Array(90..<200) + [5])], &t)
        #expect(Self.seqs(try Self.rows(t)) == (0..<200).map(Int64.init))
    }

    @Test("options naming a column the records lack are rejected with the key")
    func badOption() {
        #expect(throws: StrategyError.self) {
            _ = try StrategyTests.make(PolarsMerge.self, ["dedup_key": .string("arrival_ts")])
        }
        do {
            _ = try StrategyTests.make(PolarsMerge.self, ["dedup_key": .string("arrival_ts")])
        } catch {
            #expect("\(error)".contains("strategies.polars_merge.dedup_key"))
        }
    }
}
