import DeltaStorage
import Testing

@testable import DedupPipeline

/// The verifier's fused fold-in (`FingerprintMap.foldBatch`) against the reference model's batch
/// winners, and the reference model against a plain dictionary rendering of the rule.
@Suite struct BatchWinnerFoldTests {
    /// Batches of keys drawn from a small pool (many repeats within and across batches, the
    /// fingerprint 0 among them), sort keys with ties, and a digest per row.
    static func batches(seed: UInt64, count: Int = 6, rows: Int = 2_000, pool: Int = 1_500) -> [(
        keys: [UInt64], sort: [Int64], digests: [UInt64]
    )] {
        var rng = Xoshiro256StarStar(seed: seed)
        let keys = (0..<pool).map { $0 == 0 ? 0 : rng.next() }
        return (0..<count).map { _ in
            let k = (0..<rows).map { _ in keys[Int(rng.next() % UInt64(pool))] }
            let s = (0..<rows).map { _ in Int64(rng.next() % 50) - 25 }  // ties and negatives
            let d = (0..<rows).map { _ in rng.next() }
            return (k, s, d)
        }
    }

    /// Key → value of every entry of `m`.
    static func entries(_ m: FingerprintMap) -> [UInt64: UInt64] {
        var out: [UInt64: UInt64] = [:]
        m.forEach { out[$0] = $1 }
        return out
    }

    @Test(
        "foldBatch leaves the map and sum that updating each batch winner does",
        arguments: [(true, true), (true, false), (false, true), (false, false)])
    func foldEqualsWinners(sorted: Bool, keepLast: Bool) {
        // expected 8: the folded map grows several times inside batches
        var folded = FingerprintMap(expected: 8)
        var reference = FingerprintMap(expected: 8)
        var scratch = FingerprintMap.BatchScratch()
        var (foldedSum, referenceSum): (UInt64, UInt64) = (0, 0)
        for b in Self.batches(seed: sorted ? 21 : 22) {
            let sortKeys = sorted ? ReferenceSortKeys(Column(.int64(b.sort))) : nil
            for i in ReferenceModel.batchWinners(keys: b.keys, sortKeys: sortKeys, keepLast: keepLast) {
                if let old = reference.update(b.keys[i], b.digests[i]) { referenceSum &-= old }
                referenceSum &+= b.digests[i]
            }
            let replaces = ReferenceModel.replaces(sortKeys: sortKeys, keepLast: keepLast)
            b.keys.withUnsafeBufferPointer { kb in
                b.digests.withUnsafeBufferPointer { db in
                    foldedSum &+= folded.foldBatch(keys: kb, values: db, scratch: &scratch, replaces: replaces)
                }
            }
            #expect(folded.count == reference.count)
            #expect(foldedSum == referenceSum)
            #expect(Self.entries(folded) == Self.entries(reference))
        }
        var sum: UInt64 = 0
        folded.forEach { sum &+= $1 }
        #expect(sum == foldedSum && folded.get(0) != nil)
    }

    @Test("batch winners are the rule's rows, ascending", arguments: [true, false])
    func winnersFollowTheRule(keepLast: Bool) {
        let b = Self.batches(seed: 23, count: 1)[0]
        // the rule, plainly: per key the best sort key (last: the latest of the best; first: the earliest)
        var best: [UInt64: Int] = [:]
        for i in b.keys.indices {
            guard let w = best[b.keys[i]] else {
                best[b.keys[i]] = i
                continue
            }
            if keepLast ? b.sort[i] >= b.sort[w] : b.sort[i] < b.sort[w] { best[b.keys[i]] = i }
        }
        let rows = ReferenceModel.batchWinners(
            keys: b.keys, sortKeys: ReferenceSortKeys(Column(.int64(b.sort))), keepLast: keepLast)
        #expect(rows == best.values.sorted())
        let arrival = ReferenceModel.batchWinners(keys: b.keys, sortKeys: nil, keepLast: true)
        #expect(arrival == b.keys.indices.filter { i in !b.keys[(i + 1)...].contains(b.keys[i]) })
    }

    @Test("sort keys compare in place: signed integers, IEEE doubles, booleans, bytes, slices")
    func sortKeyOrder() {
        let ints = ReferenceSortKeys(Column(.int64([-5, 3, -5, Int64.min, Int64.max])))
        #expect(
            ints.compare(0, 1) == -1 && ints.compare(0, 2) == 0 && ints.compare(3, 0) == -1 && ints.compare(4, 1) == 1)
        let small = ReferenceSortKeys(Column(.int32([-1, 1])))
        #expect(small.compare(0, 1) == -1 && small.compare(1, 0) == 1)
        let doubles = ReferenceSortKeys(Column(.double([-2.5, -0.0, 0.0, 1e300, -.infinity])))
        #expect(doubles.compare(0, 1) == -1 && doubles.compare(1, 2) == -1 && doubles.compare(3, 2) == 1)
        #expect(doubles.compare(4, 0) == -1)
        let bools = ReferenceSortKeys(Column(.boolean([true, false])))
        #expect(bools.compare(0, 1) == 1)
        let bytes = ReferenceSortKeys(Column(.bytes(ByteColumn(["b", "ab", "abc", "b"]))))
        #expect(bytes.compare(1, 2) == -1 && bytes.compare(0, 3) == 0 && bytes.compare(0, 2) == 1)
        let tail = bytes.slice(2..<4)
        #expect(tail.compare(0, 1) == -1 && tail.compare(1, 1) == 0)
    }

    /// A table held in memory, one batch.
    struct MemoryContents: TableContents {
        let batch: ColumnBatch
        func forEachBatch(columns: [String], _ body: (ColumnBatch) throws -> Void) throws { try body(batch) }
    }

    @Test(
        "the verifier accepts exactly the reference model's rows for keys other than the identity",
        arguments: [
            TableExpectation.firstPerKey(key: ["k"]),
            .batchWinnerPerKey(key: ["k"], sortBy: "v", keepLast: false),
            .batchWinnerPerKey(key: ["k"], sortBy: "v", keepLast: true),
        ])
    func verifierOnOtherKeys(expectation: TableExpectation) throws {
        // identities repeat (redeliveries) and several identities share a key
        var rng = Xoshiro256StarStar(seed: 31)
        let schema = Schema([Field("composite_hash", .string), Field("k", .string), Field("v", .long)])
        let batches = (0..<4).map { _ in
            let ids = (0..<500).map { _ in rng.next() % 700 }
            return ColumnBatch(
                schema: schema,
                columns: [
                    Column(.bytes(ByteColumn(ids.map { "id\($0)" }))),
                    Column(.bytes(ByteColumn(ids.map { "k\($0 % 300)" }))),
                    Column(.int64(ids.map { _ in Int64(rng.next() % 20) })),
                ])
        }
        var verifier = Verifier(expectation: expectation, expectedRows: 2_000, uniqueIds: 700)
        for b in batches { verifier.observe(b) }
        let all = batches.dropFirst().reduce(batches[0]) { $0.appending($1) }
        let rows = ReferenceModel.expectedRows(
            expectation, count: all.rowCount, keys: RowDigest.digests(all.selecting(["k"])),
            sortKeys: expectation.sortBy.flatMap { all.column($0) }.map(ReferenceSortKeys.init),
            batchStarts: [0, 500, 1_000, 1_500])
        let ids = Set(RowDigest.digests(all.selecting(["composite_hash"])))
        let truth = GroundTruth(
            produced: 700, uniqueIds: ids.count, duplicatesInjected: 2_000 - ids.count, dropped: 0, delivered: 2_000)
        let good = try verifier.verify(MemoryContents(batch: all.gather(rows)), truth: truth)
        #expect(good.passed, "\(good.failures)")
        #expect(good.rowsExpected == rows.count && good.uniqueDelivered == ids.count)
        // another row of a key instead of the expected one: same count, wrong rows
        let other = (0..<all.rowCount).first { i in !rows.contains(i) && all.gather([i]) != all.gather([rows[0]]) }!
        let swapped = try verifier.verify(MemoryContents(batch: all.gather([other] + rows.dropFirst())), truth: truth)
        #expect(!swapped.passed && swapped.rowsWritten == rows.count)
        let lost = try verifier.verify(MemoryContents(batch: all.gather(Array(rows.dropFirst()))), truth: truth)
        #expect(lost.lostRecords == 1 && !lost.passed)
    }
}
