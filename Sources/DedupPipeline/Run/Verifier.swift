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
}

extension TableContents {
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
/// the same results from files on disk). Afterwards `verify` reads the table back and compares:
/// row count, the order-independent checksum (`RowDigest`) of the expected rows vs the table's,
/// duplicates left and records lost.
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
        if columns == nil { columns = batch.schema.names }
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
    public func verify(_ table: some TableContents, truth: GroundTruth) throws -> VerificationResult {
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

        if delivered != truth.delivered {
            r.failures.append(
                "the source reported \(truth.delivered) delivered records but the pipeline received \(delivered)")
        }
        if r.uniqueDelivered != truth.uniqueIds {
            r.failures.append(
                "the source reported \(truth.uniqueIds) unique keys but the delivered records have \(r.uniqueDelivered)"
            )
        }
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
            let unique = v.byKey && v.expectation.key == [v.identityColumn] ? v.winners.count : v.deliveredIds.count
            return Totals(
                expectedCount: v.expectedCount, expectedSum: v.expectedSum, uniqueDelivered: unique,
                expectedMembers: v.byKey ? v.winners.count : expectedSet.count, marked: marked, foreign: foreign.count)
        }
    }
}
