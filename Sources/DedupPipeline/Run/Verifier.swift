import DeltaStorage
import Dispatch

/// The table content a verifier checks, one batch at a time (a file at a time for Delta tables,
/// so verifying 10M rows never holds the whole table). Tests substitute a faulty reader here.
public protocol TableContents {
    func forEachBatch(columns: [String], _ body: (ColumnBatch) throws -> Void) throws
    /// The row, identity and key digests (`RowDigest`) of each batch; `key` nil: no key digests.
    /// The default digests `forEachBatch`'s batches; a reader may compute them without building batches.
    func forEachDigests(columns: [String], identity: String, key: [String]?, _ body: (RowDigests) throws -> Void)
        throws
    /// The table's declared schema (the Delta log's), nil when the reader has none to offer.
    func schema() throws -> Schema?
}

extension TableContents {
    public func schema() throws -> Schema? { nil }

    public func forEachDigests(
        columns: [String], identity: String, key: [String]?, _ body: (RowDigests) throws -> Void
    ) throws {
        try forEachBatch(columns: columns) { batch in
            let single = key.flatMap { $0.count == 1 && $0[0] != identity ? $0[0] : nil }
            let d = RowDigest.digests(batch, identity: identity, key: single)
            let keys = key.map { k in k == [identity] ? d.identity : d.key ?? RowDigest.digests(batch.selecting(k)) }
            try body(RowDigests(rows: d.rows, identity: d.identity, key: keys))
        }
    }
}

/// What verification found.
public struct VerificationResult: Sendable, Equatable {
    public var rowsExpected = 0
    public var rowsWritten = 0
    /// Rows beyond the first of each composite key in the table.
    public var duplicatesLeft = 0
    /// Composite keys the expected rows have and the table lacks.
    public var lostRecords = 0
    /// Distinct composite keys among the delivered records (recomputed, not taken from the source).
    public var uniqueDelivered = 0
    public var checksum = ""
    public var expectedChecksum = ""
    /// Why the run fails; empty when the table is exactly what the strategy promised.
    public var failures: [String] = []

    public var passed: Bool { failures.isEmpty }
}

/// Checks a strategy's table against the ground truth. The runner feeds it every delivered
/// micro-batch in the table's shape (records + hash columns + partition_date) as the batch is
/// prepared, before the strategy sees it; the expected side is folded in per batch (no delivered
/// row is kept), so its memory is fingerprint sets and maps over the identities and keys, or, for
/// the batch winners of a run over `VerifierSpill.budgetBytes`, a few buffers (`SpilledWinners`,
/// the same results from files on disk). Afterwards `verify` reads the table back and compares
/// the row count and the order-independent checksum (`RowDigest`) of the expected rows with the
/// table's; only when they differ does it read the table again to count duplicates left and
/// records lost row by row.
///
/// Cost (the 1M bench, `make bench-pipeline`): one pass of row digests per delivered batch and per
/// table file (identity and a one-column key come from the same pass); set and map probes load
/// their slots a few rows ahead so cache misses overlap; for batch winners the expected sum is
/// kept up to date as winners are replaced, and table rows are matched to winners by key and row
/// digest, so no second set is built over the expected identities.
public struct Verifier {
    public let expectation: TableExpectation
    /// The column holding each record's identity (the composite hash).
    public let identityColumn: String
    private var columns: [String]?
    /// The delivered batches' schema (the table's shape): the table must declare exactly this.
    private var deliveredSchema: Schema?
    private var delivered = 0
    /// Distinct delivered identities; left empty for batch winners keyed by the identity (the
    /// winners' keys are the same set) and when spilled (`SpilledWinners` counts them).
    private var deliveredIds: FingerprintSet
    private var expectedSum: UInt64 = 0
    private var expectedCount = 0
    /// Expected identities when they differ from the delivered ones (first-per-key on another key).
    private var expectedIds: FingerprintSet?
    /// First per key on a key other than the identity: the keys seen.
    private var seenKeys: FingerprintSet?
    /// Batch winner per key: key → row digest of the row the table must hold (a 16-byte slot a
    /// key). A table row is its key's winner when its row digest equals the winner's: the digest
    /// covers every column, the identity included. `expectedSum` is the sum of the current
    /// winners' digests.
    private var winners = FingerprintMap(expected: 0)
    /// `winners.foldBatch`'s buffers, kept from one batch to the next.
    private var foldScratch = FingerprintMap.BatchScratch()
    /// The batch winners on disk instead, for runs whose in-memory state exceeds the budget.
    private var spilled: SpilledWinners?

    /// `expectedRows`: the delivered records; `uniqueIds`: the distinct identities the source
    /// claims (nil: `expectedRows`). Both only size the sets and maps (a wrong guess costs growth)
    /// and choose between in-memory and spilled batch winners (`spill`).
    public init(
        expectation: TableExpectation, identityColumn: String = "composite_hash", expectedRows: Int = 0,
        uniqueIds: Int? = nil, spill: VerifierSpill = .temporary
    ) {
        self.expectation = expectation
        self.identityColumn = identityColumn
        let unique = uniqueIds ?? expectedRows
        deliveredIds = FingerprintSet(expected: unique)
        switch expectation {
        case .everyRecord: break
        case .firstPerKey(let key):
            if key != [identityColumn] {
                seenKeys = FingerprintSet(expected: unique)
                expectedIds = FingerprintSet(expected: unique)
            }
        case .batchWinnerPerKey(let key, _, _):
            let keyIsIdentity = key == [identityColumn]
            let need = MemoryEstimate.batchWinnerStateBytes(
                identities: unique, keys: unique, keyIsIdentity: keyIsIdentity)
            if need > spill.budgetBytes {
                spilled = SpilledWinners(
                    parent: spill.directory, partitions: spill.partitions ?? SpilledWinners.partitions(keys: unique))
                deliveredIds = FingerprintSet(expected: 0)
            } else {
                winners = FingerprintMap(expected: unique)
                if keyIsIdentity { deliveredIds = FingerprintSet(expected: 0) }
            }
        }
    }

    private var byKey: Bool { if case .batchWinnerPerKey = expectation { true } else { false } }

    /// Whether the batch winners are kept on disk (`SpilledWinners`).
    var isSpilled: Bool { spilled != nil }

    /// The key column whose digests `RowDigest` computes in the row pass (one column, not the identity).
    private var singleKey: String? {
        guard let key = expectation.key, key.count == 1, key[0] != identityColumn else { return nil }
        return key[0]
    }

    /// One fingerprint per row of `batch` for the expectation's key.
    private func keyDigests(
        _ batch: ColumnBatch, key: [String], identities: [UInt64], fromPass: [UInt64]?, parallel: Bool = true
    ) -> [UInt64] {
        key == [identityColumn] ? identities : fromPass ?? RowDigest.digests(batch.selecting(key), parallel: parallel)
    }

    /// Folds one delivered micro-batch (in the table's shape) into the expected side, on the
    /// calling thread only (it runs beside the strategy's write, which has the other core).
    public mutating func observe(_ batch: ColumnBatch) {
        if columns == nil { (columns, deliveredSchema) = (batch.schema.names, batch.schema) }
        let n = batch.rowCount
        delivered += n
        let d = RowDigest.digests(batch, identity: identityColumn, key: singleKey, parallel: false)
        let digests = d.rows
        let identities = d.identity
        guard let key = expectation.key else {
            identities.withUnsafeBufferPointer { ib in deliveredIds.insertEach(ib) { _, _ in } }
            expectedSum &+= RowDigest.sum(digests)
            expectedCount += n
            return
        }
        let keys = keyDigests(batch, key: key, identities: identities, fromPass: d.key, parallel: false)
        switch expectation {
        case .everyRecord: break
        case .firstPerKey:
            // a row is expected when its key is new: summed as the set says so (no per-batch flags)
            var (sum, count) = (expectedSum, expectedCount)
            guard var seen = seenKeys.take() else {
                // keyed by identity, the delivered set is the seen set: no second set
                identities.withUnsafeBufferPointer { ib in
                    digests.withUnsafeBufferPointer { db in
                        deliveredIds.insertEach(ib) { i, new in
                            guard new else { return }
                            sum &+= db[i]
                            count += 1
                        }
                    }
                }
                (expectedSum, expectedCount) = (sum, count)
                return
            }
            identities.withUnsafeBufferPointer { ib in deliveredIds.insertEach(ib) { _, _ in } }
            var firstIds: [UInt64] = []
            keys.withUnsafeBufferPointer { kb in
                digests.withUnsafeBufferPointer { db in
                    seen.insertEach(kb) { i, new in
                        guard new else { return }
                        sum &+= db[i]
                        count += 1
                        firstIds.append(identities[i])
                    }
                }
            }
            seenKeys = seen
            firstIds.withUnsafeBufferPointer { fb in expectedIds!.insertEach(fb) { _, _ in } }
            (expectedSum, expectedCount) = (sum, count)
        case .batchWinnerPerKey(_, let sortBy, let keepLast):
            let sortKeys = sortBy.flatMap { batch.column($0) }.map { ReferenceSortKeys($0) }
            if let spilled {
                let rows = ReferenceModel.batchWinners(keys: keys, sortKeys: sortKeys, keepLast: keepLast)
                spilled.observe(identities: identities, keys: keys, digests: digests, winnerRows: rows)
                return
            }
            if key != [identityColumn] {
                identities.withUnsafeBufferPointer { ib in deliveredIds.insertEach(ib) { _, _ in } }
            }
            // the batch's winners straight into the map (last write wins: a replaced winner leaves
            // the expected sum), without listing them first
            let replaces = ReferenceModel.replaces(sortKeys: sortKeys, keepLast: keepLast)
            keys.withUnsafeBufferPointer { kb in
                digests.withUnsafeBufferPointer { db in
                    expectedSum &+= winners.foldBatch(keys: kb, values: db, scratch: &foldScratch, replaces: replaces)
                }
            }
            expectedCount = winners.count
        }
    }

    /// Reads `table` and compares it with the expected rows. `truth` is the source's claim,
    /// cross-checked against what was actually delivered. Throws the table reader's errors, and
    /// `SpillError` when the spilled expected side cannot be written or read back.
    ///
    /// Two passes at most. The first reads only what the totals need (the row count and the digest
    /// sum): a table holding exactly the expected rows passes on it, with its duplicates-left and
    /// lost counts taken from the expected side (equal multisets have equal counts). Any other
    /// table is read a second time and matched row by row (`ReadBackTally`) for the exact counts
    /// of the failure messages. A different table with the same row count and sum needs a sum
    /// collision of the rows' 64-bit digests: probability about 2⁻⁶⁴ for unplanned faults (the sum
    /// of hashes is the multiset hash MSet-Add-Hash: Clarke, Devadas, van Dijk, Gassend, Suh,
    /// "Incremental Multiset Hash Functions and Their Application to Memory Integrity Checking",
    /// ASIACRYPT 2003), the same order as the 64-bit fingerprints the row-by-row match uses.
    public func verify(_ table: some TableContents, truth: GroundTruth) throws -> VerificationResult {
        let schemaFailures = self.schemaFailures(try table.schema())
        var first: (rows: Int, sum: UInt64)?
        if spilled == nil {
            var rows = 0
            var sum: UInt64 = 0
            try table.forEachDigests(columns: columns ?? [], identity: identityColumn, key: nil) { d in
                rows += d.rows.count
                sum &+= RowDigest.sum(d.rows)
            }
            if rows == expectedCount, sum == expectedSum {
                var r = matched(truth: truth)
                r.failures += schemaFailures
                return r
            }
            first = (rows, sum)
        }
        var r = try tallied(table, truth: truth)
        r.failures += schemaFailures
        if let first, first.rows != r.rowsWritten || RowDigest.format(first.sum) != r.checksum {
            // the strategy has finished: nothing should write the table any more
            r.failures.append(
                "the two read-back passes disagree (\(first.rows) rows, checksum \(RowDigest.format(first.sum)); then "
                    + "\(r.rowsWritten) rows, checksum \(r.checksum)): the table changed while it was verified, "
                    + "or reading it is not deterministic")
        }
        return r
    }

    /// Where the table's declared schema differs from the delivered records' (a column missing,
    /// added, of another type or nullability): row digests hash integer types alike and strings
    /// like binary, so only this comparison catches a table that declares the wrong type.
    private func schemaFailures(_ declared: Schema?) -> [String] {
        guard let declared, let expected = deliveredSchema, declared != expected else { return [] }
        func describe(_ f: Field) -> String { "\(f.name) \(f.type.rawValue)\(f.nullable ? "" : " not null")" }
        let missing = expected.fields.filter { declared.index(of: $0.name) == nil }.map(\.name)
        let extra = declared.fields.filter { expected.index(of: $0.name) == nil }.map(\.name)
        var parts: [String] = []
        if !missing.isEmpty { parts.append("lacks \(missing.joined(separator: ", "))") }
        if !extra.isEmpty { parts.append("has columns the strategy did not write: \(extra.joined(separator: ", "))") }
        for f in declared.fields {
            if let i = expected.index(of: f.name), expected.fields[i] != f {
                parts.append("declares \(describe(f)), the records have \(describe(expected.fields[i]))")
            }
        }
        if parts.isEmpty { parts.append("orders its columns differently") }
        return ["the table's schema differs from the delivered records': it " + parts.joined(separator: "; ")]
    }

    /// The result for a table whose rows are exactly the expected ones (same count and digest sum).
    private func matched(truth: GroundTruth) -> VerificationResult {
        var r = VerificationResult()
        r.rowsExpected = expectedCount
        r.rowsWritten = expectedCount
        r.uniqueDelivered = uniqueDelivered
        r.expectedChecksum = RowDigest.format(expectedSum)
        r.checksum = r.expectedChecksum
        // rows beyond the first of each identity: none among batch winners (one per key), else the
        // expected rows less their distinct identities (bronze keeps every delivered copy)
        r.duplicatesLeft = byKey ? 0 : expectedCount - (expectedIds ?? deliveredIds).count
        r.lostRecords = 0
        r.failures = sourceFailures(truth, uniqueDelivered: r.uniqueDelivered)
        return r
    }

    /// Distinct delivered identities in memory (the batch winners' keys when they are the
    /// identities; 0 when spilled: the spill's resolve counts them).
    private var uniqueDelivered: Int {
        byKey && expectation.key == [identityColumn] ? winners.count : deliveredIds.count
    }

    /// The source's claims checked against what was delivered (`uniqueDelivered`: counted in
    /// memory, or by the spill's resolve).
    private func sourceFailures(_ truth: GroundTruth, uniqueDelivered: Int) -> [String] {
        var failures: [String] = []
        if delivered != truth.delivered {
            failures.append(
                "the source reported \(truth.delivered) delivered records but the pipeline received \(delivered)")
        }
        if uniqueDelivered != truth.uniqueIds {
            failures.append(
                "the source reported \(truth.uniqueIds) unique keys but the delivered records have \(uniqueDelivered)")
        }
        return failures
    }

    /// Reads `table` and matches it row by row against the expected side (`ReadBackTally`).
    func tallied(_ table: some TableContents, truth: GroundTruth) throws -> VerificationResult {
        var tally = ReadBackTally(self)
        let key = expectation.key ?? []
        let byKey = self.byKey
        try table.forEachDigests(columns: columns ?? [], identity: identityColumn, key: byKey ? key : nil) { d in
            tally.add(rows: d.rows, identities: d.identity, keys: byKey ? d.key! : [])
        }
        let t = try tally.finish()

        var r = VerificationResult()
        r.rowsExpected = t.expectedCount
        r.uniqueDelivered = t.uniqueDelivered
        r.expectedChecksum = RowDigest.format(t.expectedSum)
        r.rowsWritten = tally.rowsWritten
        r.checksum = RowDigest.format(tally.sum)
        r.duplicatesLeft = r.rowsWritten - t.marked - t.foreign
        // missing keys, not rows: bronze expects several rows of one key
        r.lostRecords = t.expectedMembers - t.marked

        r.failures = sourceFailures(truth, uniqueDelivered: r.uniqueDelivered)
        if r.rowsWritten != r.rowsExpected {
            r.failures.append("the table has \(r.rowsWritten) rows, expected \(r.rowsExpected)")
        }
        if r.lostRecords > 0 { r.failures.append("\(r.lostRecords) records lost") }
        // A dedup strategy promises one row per key: a duplicate left is a failure, never a data point.
        if expectation.key != nil, r.duplicatesLeft > 0 {
            r.failures.append("\(r.duplicatesLeft) duplicate keys left in the table of a dedup strategy")
        }
        if r.checksum != r.expectedChecksum {
            r.failures.append("table checksum \(r.checksum) differs from the expected \(r.expectedChecksum)")
        }
        return r
    }

    /// The table's rows matched against the expected side, one read-back batch at a time: marked
    /// in a bitmap over the expected side's slots (1 bit a slot instead of a second set), batch
    /// winners by key in the winners map (a row counts when it is its key's winner), otherwise by
    /// identity in the expected set; identities the expected rows lack go to a small set. Spilled
    /// batch winners instead append each row to disk and match partition by partition in `finish`.
    private struct ReadBackTally {
        private let verifier: Verifier
        private let expectedSet: FingerprintSet
        private var marks: [UInt64]
        private var marked = 0
        private var foreign = FingerprintSet(expected: 16)
        private var tableSpill: PartitionedSpill?
        private(set) var rowsWritten = 0
        private(set) var sum: UInt64 = 0

        /// What matching found (and the expected side's totals, from the spill when spilled).
        struct Totals {
            var expectedCount: Int
            var expectedSum: UInt64
            var uniqueDelivered: Int
            /// Expected members: keys for batch winners, identities otherwise.
            var expectedMembers: Int
            var marked: Int
            var foreign: Int
        }

        init(_ v: Verifier) {
            verifier = v
            expectedSet = v.expectedIds ?? v.deliveredIds
            tableSpill = v.spilled?.tableSpill()
            let slots = v.spilled != nil ? 0 : v.byKey ? v.winners.capacity : expectedSet.capacity
            marks = [UInt64](repeating: 0, count: slots / 64 + 1)
        }

        /// One batch of table rows: row digests, identity digests and (batch winners) key digests.
        mutating func add(rows: [UInt64], identities ids: [UInt64], keys: [UInt64]) {
            let n = rows.count
            rowsWritten += n
            sum &+= RowDigest.sum(rows)
            if let tableSpill {
                for i in 0..<n { tableSpill.append(keys[i], rows[i], ids[i]) }
                return
            }
            // Probing the expected side is the read-back's largest cost after decoding (random
            // access into tens of MB): done in parallel chunks (read-only), one slot position per
            // row (-1: not an expected row), then marked in order on this thread.
            var pos = [Int](repeating: -1, count: n)
            pos.withUnsafeMutableBufferPointer { pb in
                let out = SendablePointer(pb.baseAddress!)
                if verifier.byKey {
                    let winners = verifier.winners  // a local copy: the parallel probes capture it
                    let (kv, rv) = (UncheckedSendable(keys), UncheckedSendable(rows))
                    parallelChunks(count: n, minimumChunk: 32_768) { range in
                        kv.value[range].withUnsafeBufferPointer { kb in
                            winners.lookupEach(kb) { i, hit in
                                let row = range.lowerBound &+ i
                                // a row counts when it is its key's winner: equal row digests
                                if let hit, hit.value == rv.value[row] { out.base[row] = hit.position }
                            }
                        }
                    }
                } else {
                    let expectedSet = self.expectedSet
                    let iv = UncheckedSendable(ids)
                    parallelChunks(count: n, minimumChunk: 32_768) { range in
                        iv.value[range].withUnsafeBufferPointer { ib in
                            expectedSet.positions(ib) { i, p in if let p { out.base[range.lowerBound &+ i] = p } }
                        }
                    }
                }
            }
            marks.withUnsafeMutableBufferPointer { m in
                for i in 0..<n {
                    let p = pos[i]
                    guard p >= 0 else {
                        foreign.insert(ids[i])
                        continue
                    }
                    let bit: UInt64 = 1 << UInt64(p & 63)
                    if m[p >> 6] & bit == 0 {
                        m[p >> 6] |= bit
                        marked += 1
                    }
                }
            }
        }

        func finish() throws -> Totals {
            let v = verifier
            if let spilled = v.spilled, let tableSpill {
                defer { tableSpill.discard() }
                let o = try spilled.resolve(table: tableSpill)
                return Totals(
                    expectedCount: o.expectedCount, expectedSum: o.expectedSum, uniqueDelivered: o.uniqueDelivered,
                    expectedMembers: o.expectedCount, marked: o.marked, foreign: o.foreign)
            }
            return Totals(
                expectedCount: v.expectedCount, expectedSum: v.expectedSum, uniqueDelivered: v.uniqueDelivered,
                expectedMembers: v.byKey ? v.winners.count : expectedSet.count, marked: marked, foreign: foreign.count)
        }
    }
}
