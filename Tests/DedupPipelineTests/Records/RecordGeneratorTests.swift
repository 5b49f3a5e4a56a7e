import DedupFormats
import DeltaStorage
import Testing

@testable import DedupPipeline

@Suite struct RecordGeneratorTests {
    @Test func splitMix64MatchesReferenceOutput() {
        // Reference values of splitmix64.c (Vigna) for seed 0.
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func sameSeedSameBytesDifferentSeedDifferent() {
        let a = RecordGenerator(seed: 11).generate(count: 50_000)
        let b = RecordGenerator(seed: 11).generate(count: 50_000)
        let c = RecordGenerator(seed: 12).generate(count: 50_000)
        #expect(a == b)
        #expect(a.columns[0] != c.columns[0])
        #expect(a.columns[4] != c.columns[4])
        #expect(a.schema == RecordSchema.base)
    }

    @Test func fieldsFollowTheSchema() throws {
        let batch = RecordGenerator(seed: 3).generate(count: 20_000)
        guard case .bytes(let ids) = batch.columns[0].values, case .int64(let seqs) = batch.columns[1].values,
            case .int32(let parts) = batch.columns[2].values, case .int32(let values) = batch.columns[4].values,
            case .bytes(let zips) = batch.columns[5].values
        else {
            Issue.record("unexpected column types")
            return
        }
        #expect(seqs == (0..<20_000).map(Int64.init))
        #expect(ids.bytes.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 122) })
        #expect((0..<ids.count).allSatisfy { ids[$0].count == 8 })
        #expect(zips.bytes.allSatisfy { $0 >= 48 && $0 <= 57 } && zips.bytes.count == 5 * 20_000)
        #expect(values.allSatisfy { (100..<10_000).contains($0) })
        #expect(Set(values).count > 5_000)  // spread over the range
        #expect(Set(parts) == [0, 1, 2])
    }

    @Test func messageIdsNeverCollide() {
        // The codec is a bijection: exhaustive on a small id space, sampled on the default one.
        for (length, size) in [(2, 1296), (3, 46_656)] {  // mixed-radix and binary Feistel paths
            let small = MessageIdCodec(seed: 5, length: length)
            let all = (0..<UInt64(size)).map { small.permuted($0) }
            #expect(Set(all).count == size && all.allSatisfy { $0 < size })
            #expect(Set(all.prefix(100)).count == 100 && all.prefix(100).map { $0 } != (0..<100).map { UInt64($0) })
        }
        let codec = MessageIdCodec(seed: 5)
        var seen = Set<UInt64>()
        for s in 0..<UInt64(1_000_000) { seen.insert(codec.permuted(s)) }
        #expect(seen.count == 1_000_000)
        #expect(codec.id(for: 0) != codec.id(for: 1) && codec.id(for: 0).count == 8)
        // The length-8 fast path writes the digits of `permuted`.
        for s: UInt64 in [0, 1, 12_345, 2_821_109_907_455] {
            var v = codec.permuted(s)
            var expected = ""
            for _ in 0..<8 {
                expected = String(Array("0123456789abcdefghijklmnopqrstuvwxyz")[Int(v % 36)]) + expected
                v /= 36
            }
            #expect(codec.id(for: s) == expected)
        }
    }

    @Test func largeRunsSpanSeveralPartitionDates() {
        let gen = RecordGenerator(seed: 1)
        let created = (0..<1_100_000).map { gen.createdAt($0) }
        let dates = Set(RecordSchema.partitionDates(createdAt: created))
        #expect(dates.count >= 6)
        #expect(created.first == RecordGenerator.defaultStartMicros)
        #expect(RecordSchema.partitionDates(createdAt: [RecordGenerator.defaultStartMicros]) == [20_101])  // 2025-01-13
    }

    @Test func partitionDatesFloorBeforeTheEpoch() {
        #expect(
            RecordSchema.partitionDates(createdAt: [0, -1, -86_400_000_000, -86_400_000_001, 86_399_999_999]) == [
                0, -1, -1, -2, 0,
            ])
    }

    @Test func timestampsParseAndFormat() {
        #expect(Timestamp.parseISO8601("2025-01-13T00:00:00Z") == 1_736_726_400_000_000)
        #expect(Timestamp.parseISO8601("2025-01-13T01:00:00+01:00") == 1_736_726_400_000_000)
        #expect(Timestamp.parseISO8601("2025-01-13 00:00:00.25") == 1_736_726_400_250_000)
        #expect(Timestamp.parseISO8601("2025-01-13") == 1_736_726_400_000_000)
        #expect(Timestamp.parseISO8601("1969-12-31T23:59:59.999999Z") == -1)
        #expect(Timestamp.parseISO8601("2025-02-30T00:00:00Z") == nil)
        #expect(Timestamp.parseISO8601("13/01/2025") == nil)
        #expect(Timestamp.formatISO8601(micros: 1_736_726_400_000_001) == "2025-01-13T00:00:00.000001Z")
        #expect(Timestamp.formatISO8601(micros: -1) == "1969-12-31T23:59:59.999999Z")
    }

    @Test func materializeRepeatsAreIdenticalRows() {
        let gen = RecordGenerator(seed: 9)
        let b = gen.materialize(order: [5, 2, 5])
        let single = gen.generate(count: 6)
        #expect(b.gather([0]) == b.gather([2]))
        #expect(b.gather([0]) == single.gather([5]))
        #expect(b.gather([1]) == single.gather([2]))
    }
}
