import Testing

@testable import DedupPipeline

@Suite struct FingerprintSetTests {
    @Test("counts distinct members exactly, through growth, with 0 kept aside")
    func distinct() {
        var set = FingerprintSet(expected: 10)  // grows several times
        var rng = Xoshiro256StarStar(seed: 5)
        var values = (0..<5_000).map { _ in rng.next() } + [0, 0]
        values += values.prefix(1_000)  // repeats
        var newOnes = 0
        for v in values where set.insert(v) { newOnes += 1 }
        #expect(set.count == 5_001 && newOnes == 5_001)
        #expect(values.allSatisfy { set.contains($0) })
        #expect(!set.contains(rng.next()))
        let positions = Set(values.compactMap { set.position(of: $0) })
        #expect(positions.count == 5_001 && positions.allSatisfy { $0 <= set.capacity })
    }

    @Test("the fingerprint map keeps the last value per key")
    func map() {
        var m = FingerprintMap(expected: 4)
        for i in 0..<1_000 { m.set(UInt64(i % 300), UInt64(i)) }
        #expect(m.count == 300)
        #expect(m.get(0) == 900 && m.get(299) == 899 && m.get(300) == nil)
    }

    @Test("batch inserts and lookups with lookahead agree with the one-at-a-time calls")
    func batches() {
        var rng = Xoshiro256StarStar(seed: 9)
        var values = (0..<3_000).map { _ in rng.next() } + [0]
        values += values.prefix(500) + [0]  // repeats, 0 twice
        var one = FingerprintSet(expected: 8)
        var batch = FingerprintSet(expected: 8)  // grows inside insertEach
        var newFlags = [Bool](repeating: false, count: values.count)
        values.withUnsafeBufferPointer { vb in batch.insertEach(vb) { newFlags[$0] = $1 } }
        #expect(newFlags == values.map { one.insert($0) })
        #expect(batch.count == 3_001)
        let probes = values + (0..<100).map { _ in rng.next() }
        var found = [Int?](repeating: -1, count: probes.count)
        probes.withUnsafeBufferPointer { pb in batch.positions(pb) { found[$0] = $1 } }
        #expect(found == probes.map { batch.position(of: $0) })
        #expect(found.suffix(100).allSatisfy { $0 == nil } && found.prefix(values.count).allSatisfy { $0 != nil })
    }

    @Test("map update returns the replaced value; lookupEach finds positions and values")
    func mapUpdate() {
        var m = FingerprintMap(expected: 4)
        #expect(m.update(7, 1) == nil)
        let replaced = m.update(7, 3)
        #expect(replaced == 1 && m.get(7) == 3 && m.count == 1)
        #expect(m.update(0, 5) == nil && m.update(0, 8) == 5)
        for i in 100..<400 { m.set(UInt64(i), UInt64(i)) }
        let keys: [UInt64] = [7, 0, 150, 399, 12_345]
        var hits: [(Int, UInt64)?] = Array(repeating: nil, count: keys.count)
        keys.withUnsafeBufferPointer { kb in
            m.lookupEach(kb) { i, h in hits[i] = h.map { ($0.position, $0.value) } }
        }
        #expect(hits[0]!.1 == 3 && hits[1]!.1 == 8 && hits[2]!.1 == 150 && hits[3]!.1 == 399 && hits[4] == nil)
        #expect(hits[1]!.0 == m.capacity && Set(hits.prefix(4).map { $0!.0 }).count == 4)
    }

    @Test("a set sized for its members does not grow when repeats follow the last new member")
    func noGrowthWhenFull() {
        var rng = Xoshiro256StarStar(seed: 11)
        let members = (0..<10_000).map { _ in rng.next() }
        var set = FingerprintSet(expected: members.count)
        let capacity = set.capacity
        var news = 0
        // the last batch ends with repeats only; single inserts of repeats after it too
        let batches = [Array(members[0..<6_000]), Array(members[6_000...]) + members.prefix(3_000), members]
        for b in batches { b.withUnsafeBufferPointer { set.insertEach($0) { _, new in if new { news += 1 } } } }
        let repeated = set.insert(members[5])
        #expect(!repeated)
        #expect(set.count == members.count && news == members.count && set.capacity == capacity)
        // one more new member does grow it, and keeps every member
        var flags: [Bool] = []
        [rng.next(), members[0]].withUnsafeBufferPointer { set.insertEach($0) { flags.append($1) } }
        #expect(flags == [true, false] && set.capacity > capacity && members.allSatisfy { set.contains($0) })
    }
}
