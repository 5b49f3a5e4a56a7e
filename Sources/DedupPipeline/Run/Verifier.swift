import DeltaStorage

/// The table content a verifier checks, one batch at a time (a file at a time for Delta tables,
/// so verifying 10M rows never holds the whole table). Tests substitute a faulty reader here.
public protocol TableContents {
    func forEachBatch(columns: [String], _ body: (ColumnBatch) throws -> Void) throws
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
/// micro-batch in the table's shape (records + hash columns + partition_date), before the
/// strategy sees it; afterwards `verify` reads the table back and compares: row count, the
/// order-independent checksum (`RowDigest`) of the expected rows vs the table's, duplicates left
/// and records lost.
public struct Verifier {
    public let expectation: TableExpectation
    /// The column holding each record's identity (the composite hash).
    public let identityColumn: String
    private var digests: [UInt64] = []
    private var identities: [UInt64] = []
    private var keys: [UInt64] = []
    private var sortKeys: ReferenceSortKeys?
    private var batchStarts: [Int] = []
    private var columns: [String]?

    public init(expectation: TableExpectation, identityColumn: String = "composite_hash") {
        self.expectation = expectation
        self.identityColumn = identityColumn
    }

    /// Records one delivered micro-batch (in the table's shape).
    public mutating func observe(_ batch: ColumnBatch) {
        if columns == nil { columns = batch.schema.names }
        batchStarts.append(digests.count)
        digests += RowDigest.digests(batch)
        identities += RowDigest.digests(batch.selecting([identityColumn]))
        if let key = expectation.key {
            keys +=
                key == [identityColumn] ? identities.suffix(batch.rowCount) : RowDigest.digests(batch.selecting(key))
        }
        if let s = expectation.sortBy, let c = batch.column(s) {
            let k = ReferenceSortKeys(c)
            if sortKeys == nil { sortKeys = k } else { sortKeys!.append(k) }
        }
    }

    /// Reads `table` and compares it with the expected rows. `truth` is the source's claim,
    /// cross-checked against what was actually delivered.
    public func verify(_ table: some TableContents, truth: GroundTruth) throws -> VerificationResult {
        var r = VerificationResult()
        let n = digests.count
        let expected = ReferenceModel.expectedRows(
            expectation, count: n, keys: expectation.key == nil ? [] : keys, sortKeys: sortKeys,
            batchStarts: batchStarts)
        r.rowsExpected = expected.count
        var expectedSum: UInt64 = 0
        for i in expected { expectedSum &+= digests[i] }
        var delivered = FingerprintSet(expected: n)
        for id in identities { delivered.insert(id) }
        r.uniqueDelivered = delivered.count
        r.expectedChecksum = RowDigest.format(expectedSum)

        var tableIds = FingerprintSet(expected: expected.count)
        var sum: UInt64 = 0
        try table.forEachBatch(columns: columns ?? []) { batch in
            r.rowsWritten += batch.rowCount
            sum &+= RowDigest.sum(RowDigest.digests(batch))
            for id in RowDigest.digests(batch.selecting([identityColumn])) { tableIds.insert(id) }
        }
        r.checksum = RowDigest.format(sum)
        r.duplicatesLeft = r.rowsWritten - tableIds.count
        // missing keys, not rows: bronze expects several rows of one key
        var missing = FingerprintSet(expected: 16)
        for i in expected where !tableIds.contains(identities[i]) { missing.insert(identities[i]) }
        r.lostRecords = missing.count

        if n != truth.delivered {
            r.failures.append("the source reported \(truth.delivered) delivered records but the pipeline received \(n)")
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

/// A Delta table's current version, read one data file at a time.
public struct DeltaTableContents: TableContents {
    public let table: DeltaTable

    public init(table: DeltaTable) { self.table = table }

    public func forEachBatch(columns: [String], _ body: (ColumnBatch) throws -> Void) throws {
        let snap = try table.snapshot()
        let names = columns.isEmpty ? snap.schema.names : columns
        for f in snap.files { try body(try table.read(files: [f], columns: names)) }
    }
}
