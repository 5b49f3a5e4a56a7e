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
/// row is kept), so its memory is one fingerprint set over the keys. Afterwards `verify` reads the
/// table back and compares: row count, the order-independent checksum (`RowDigest`) of the
/// expected rows vs the table's, duplicates left and records lost.
///
/// Cost (the 1M bench, `make bench-pipeline`): one pass of row digests per delivered batch and per
/// table file (identity and a one-column key come from the same pass); set and map probes load
/// their slots a few rows ahead so cache misses overlap; for batch winners the expected sum is
/// kept up to date as winners are replaced, and table rows are matched to winners by key, so no
/// second set is built over the expected identities.
public struct Verifier {
    public let expectation: TableExpectation
    /// The column holding each record's identity (the composite hash).
    public let identityColumn: String
    private var columns: [String]?
    private var delivered = 0
    private var deliveredIds: FingerprintSet
    private var expectedSum: UInt64 = 0
    private var expectedCount = 0
    /// Expected identities when they differ from the delivered ones (first-per-key on another key).
    private var expectedIds: FingerprintSet?
    /// First per key on a key other than the identity: the keys seen.
    private var seenKeys: FingerprintSet?
    /// Batch winner per key: key → (row digest, identity) of the row the table must hold (a
    /// fingerprint map: one 24-byte slot a key, no per-entry allocation). `expectedSum` is the
    /// sum of the current winners' digests.
    private var winners = FingerprintMap(expected: 0)

    /// `expectedRows`: the delivered records (sizes the sets; a wrong guess only costs growth).
    public init(expectation: TableExpectation, identityColumn: String = "composite_hash", expectedRows: Int = 0) {
        self.expectation = expectation
        self.identityColumn = identityColumn
        deliveredIds = FingerprintSet(expected: expectedRows)
        switch expectation {
        case .everyRecord: break
        case .firstPerKey(let key):
            if key != [identityColumn] {
                seenKeys = FingerprintSet(expected: expectedRows)
                expectedIds = FingerprintSet(expected: expectedRows)
            }
        case .batchWinnerPerKey:
            winners = FingerprintMap(expected: expectedRows)
        }
    }

    private var byKey: Bool { if case .batchWinnerPerKey = expectation { true } else { false } }

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
        var firstDelivery = [Bool](repeating: false, count: n)
        identities.withUnsafeBufferPointer { ib in
            firstDelivery.withUnsafeMutableBufferPointer { fb in deliveredIds.insertEach(ib) { fb[$0] = $1 } }
        }
        guard let key = expectation.key else {
            expectedSum &+= RowDigest.sum(digests)
            expectedCount += n
            return
        }
        let keys = keyDigests(batch, key: key, identities: identities, fromPass: d.key, parallel: false)
        switch expectation {
        case .everyRecord: break
        case .firstPerKey:
            guard seenKeys != nil else {
                // keyed by identity, the delivered set is the seen set: no second set
                for i in 0..<n where firstDelivery[i] {
                    expectedSum &+= digests[i]
                    expectedCount += 1
                }
                return
            }
            var firstOfKey = [Bool](repeating: false, count: n)
            keys.withUnsafeBufferPointer { kb in
                firstOfKey.withUnsafeMutableBufferPointer { fb in seenKeys!.insertEach(kb) { fb[$0] = $1 } }
            }
            for i in 0..<n where firstOfKey[i] {
                expectedSum &+= digests[i]
                expectedCount += 1
                expectedIds!.insert(identities[i])
            }
        case .batchWinnerPerKey(_, let sortBy, let keepLast):
            let sortKeys = sortBy.flatMap { batch.column($0) }.map { ReferenceSortKeys($0) }
            let rows = ReferenceModel.batchWinners(keys: keys, sortKeys: sortKeys, keepLast: keepLast)
            var sink: UInt64 = 0
            for (j, i) in rows.enumerated() {
                let ahead = j &+ FingerprintSet.lookahead
                if ahead < rows.count { sink ^= winners.touch(keys[rows[ahead]]) }
                // last write wins: a replaced winner leaves the expected sum
                if let old = winners.update(keys[i], (digests[i], identities[i])) { expectedSum &-= old.0 }
                expectedSum &+= digests[i]
            }
            consume(sink)  // keeps the early loads (RawSlots.swift)
            expectedCount = winners.count
        }
    }

    /// Reads `table` and compares it with the expected rows. `truth` is the source's claim,
    /// cross-checked against what was actually delivered.
    public func verify(_ table: some TableContents, truth: GroundTruth) throws -> VerificationResult {
        var r = VerificationResult()
        r.rowsExpected = expectedCount
        r.uniqueDelivered = deliveredIds.count
        r.expectedChecksum = RowDigest.format(expectedSum)

        // Table rows are marked in a bitmap over the expected side's slots (1 bit a slot instead
        // of a second set): batch winners by key in the winners map (a row counts when it is its
        // key's winning identity), otherwise by identity in the expected set. Identities the
        // expected rows lack go to a small set.
        let byKey = self.byKey
        let winners = self.winners  // a local copy: the parallel probes capture it
        let expectedSet = expectedIds ?? deliveredIds
        let expectedMembers = byKey ? winners.count : expectedSet.count
        var marks = [UInt64](repeating: 0, count: (byKey ? winners.capacity : expectedSet.capacity) / 64 + 1)
        var marked = 0
        var foreign = FingerprintSet(expected: 16)
        var sum: UInt64 = 0
        let key = expectation.key ?? []
        try table.forEachDigests(columns: columns ?? [], identity: identityColumn, key: byKey ? key : nil) { d in
            r.rowsWritten += d.rows.count
            sum &+= RowDigest.sum(d.rows)
            let ids = d.identity
            // Probing the expected side is the read-back's largest cost after decoding (random
            // access into tens of MB): done in parallel chunks (read-only), one slot position per
            // row (-1: not an expected row), then marked in order on this thread.
            let n = d.rows.count
            var pos = [Int](repeating: -1, count: n)
            pos.withUnsafeMutableBufferPointer { pb in
                let out = SendablePointer(pb.baseAddress!)
                if byKey {
                    let keys = d.key!
                    let (kv, iv) = (UncheckedSendable(keys), UncheckedSendable(ids))
                    parallelChunks(count: n, minimumChunk: 32_768) { range in
                        kv.value[range].withUnsafeBufferPointer { kb in
                            winners.lookupEach(kb) { i, hit in
                                let row = range.lowerBound &+ i
                                // a row counts when it is its key's winning identity
                                if let hit, hit.value.1 == iv.value[row] { out.base[row] = hit.position }
                            }
                        }
                    }
                } else {
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
        r.checksum = RowDigest.format(sum)
        r.duplicatesLeft = r.rowsWritten - marked - foreign.count
        // missing keys, not rows: bronze expects several rows of one key
        r.lostRecords = expectedMembers - marked

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
}
