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
        for i in 0..<1_000 { m.set(UInt64(i % 300), (UInt64(i), UInt64(i * 2))) }
        #expect(m.count == 300)
        #expect(m.get(0)! == (900, 1_800) && m.get(299)! == (899, 1_798) && m.get(300) == nil)
    }
}
