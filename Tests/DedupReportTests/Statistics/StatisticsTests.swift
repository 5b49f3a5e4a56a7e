import Testing

@testable import DedupReport

@Suite struct SampleStatisticsTests {
    @Test func oddSampleHandComputed() throws {
        // sorted 1 1 3 4 5 → median 3, mean 14/5; |x−3| = 2 2 0 1 2 → sorted 0 1 2 2 2 → MAD 2
        let s = try #require(SampleStatistics([3, 1, 4, 1, 5]))
        #expect(s.count == 5)
        #expect(s.median == 3)
        #expect(s.min == 1)
        #expect(s.max == 5)
        #expect(s.mean == 2.8)
        #expect(s.mad == 2)
    }

    @Test func evenSampleHandComputed() throws {
        // sorted 2 4 8 10 → median (4+8)/2 = 6; |x−6| = 4 2 2 4 → MAD (2+4)/2 = 3
        let s = try #require(SampleStatistics([10, 2, 8, 4]))
        #expect(s.median == 6)
        #expect(s.mean == 6)
        #expect(s.mad == 3)
    }

    @Test func emptySampleHasNoStatistics() {
        #expect(SampleStatistics([]) == nil)
    }

    @Test func orderDoesNotMatter() {
        #expect(SampleStatistics([0.1, 0.7, 0.2, 0.9]) == SampleStatistics([0.9, 0.2, 0.7, 0.1]))
    }
}

@Suite struct ResampleGeneratorTests {
    @Test func splitMix64ReferenceVectors() {
        // Reference outputs of SplitMix64 for seed 1234567 (Vigna's splitmix64.c).
        var rng = ResampleGenerator(seed: 1_234_567)
        let expected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ]
        #expect((0..<5).map { _ in rng.next() } == expected)
    }

    @Test func indexStaysInRange() {
        var rng = ResampleGenerator(seed: 9)
        for n in [1, 2, 3, 7, 1000] {
            for _ in 0..<200 { #expect((0..<n).contains(rng.index(below: n))) }
        }
    }

    @Test func stableSeedIsFNV1a() {
        // FNV-1a 64 of "" is the offset basis; of "a" it is 0xaf63dc4c8601ec8c.
        #expect(ResampleGenerator.stableSeed("") == 0xCBF2_9CE4_8422_2325)
        #expect(ResampleGenerator.stableSeed("a") == 0xAF63_DC4C_8601_EC8C)
    }
}

@Suite struct BootstrapTests {
    let sample: [Double] = [10.2, 9.8, 11.5, 10.1, 9.9, 12.3, 10.4, 10.0, 9.7, 10.6]

    @Test func sameInputSameInterval() {
        let a = Bootstrap.medianInterval(sample, seed: 42)
        let b = Bootstrap.medianInterval(sample.reversed(), seed: 42)
        #expect(a != nil)
        #expect(a == b)
    }

    @Test func intervalBracketsTheMedianAndStaysInTheSample() throws {
        let i = try #require(Bootstrap.medianInterval(sample, seed: 7))
        let m = SampleStatistics.median(sample)
        #expect(i.lower <= m && m <= i.upper)
        #expect(i.lower >= sample.min()! && i.upper <= sample.max()!)
        #expect(i.lower < i.upper)
    }

    @Test func seedChangesTheDraws() {
        let intervals = Set((1...6).map { seed in
            Bootstrap.medianInterval(sample, seed: UInt64(seed), resamples: 200).map { "\($0.lower)/\($0.upper)" } ?? ""
        })
        #expect(intervals.count > 1)
    }

    @Test func degenerateSamples() {
        #expect(Bootstrap.medianInterval([], seed: 1) == nil)
        #expect(Bootstrap.medianInterval([4], seed: 1) == Bootstrap.Interval(lower: 4, upper: 4))
        #expect(Bootstrap.medianInterval([5, 5, 5], seed: 1) == Bootstrap.Interval(lower: 5, upper: 5))
    }

    @Test func percentileIndices() {
        // B = 2000 sorted values 0…1999: the 95% interval is at indices ⌊0.025·B⌋ = 50 and ⌈0.975·B⌉−1 = 1949.
        let i = Bootstrap.percentile((0..<2000).map(Double.init), confidence: 0.95)
        #expect(i == Bootstrap.Interval(lower: 50, upper: 1949))
    }

    @Test func ratioOfMediansOfAThirtyPercentSlowdown() throws {
        let slower = sample.map { $0 * 1.3 }
        let r = try #require(Bootstrap.ratioOfMediansInterval(baseline: sample, candidate: slower, seed: 3))
        #expect(r.lower > 1.0)
        #expect(r.contains(1.3))
    }
}

@Suite struct MannWhitneyUTests {
    @Test func completeSeparationFourVsFour() throws {
        // U = 0; exact two-sided p = 2 / C(8,4) = 2/70.
        let r = try #require(MannWhitneyU.test([1, 2, 3, 4], [5, 6, 7, 8]))
        #expect(r.u == 0)
        #expect(r.exact)
        #expect(abs(r.pValue - 2.0 / 70) < 1e-12)
        #expect(r.canReachSignificance(alpha: 0.05))
    }

    @Test func threeVsThreeCannotReachFivePercent() throws {
        // The most extreme split has p = 2 / C(6,3) = 0.1 > 0.05.
        let r = try #require(MannWhitneyU.test([1, 2, 3], [4, 5, 6]))
        #expect(abs(r.pValue - 0.1) < 1e-12)
        #expect(abs(r.minimumPValue - 0.1) < 1e-12)
        #expect(!r.canReachSignificance(alpha: 0.05))
    }

    @Test func tiesUseMidRanksExactly() throws {
        // Ranks: 1→1, the three 2s→3, 3→5, 4→6. R(x) = 1+3+3 = 7, U = 7 − 6 = 1.
        // Of the 20 ways to pick 3 ranks from {1,3,3,3,5,6}, 3 sum to 7 and 3 sum to 14
        // (|sum − 10.5| ≥ 3.5), so p = 6/20.
        let r = try #require(MannWhitneyU.test([1, 2, 2], [2, 3, 4]))
        #expect(r.u == 1)
        #expect(abs(r.pValue - 0.3) < 1e-12)
    }

    @Test func identicalSamplesAreNotDifferent() throws {
        let r = try #require(MannWhitneyU.test([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]))
        #expect(r.pValue == 1)
    }

    @Test func normalApproximationHandComputed() throws {
        // m = n = 4, U = 0: mean 8, variance 4·4/12·9 = 12, z = (8 − 0.5)/√12, p = erfc(z/√2) = 0.0303828…
        let r = try #require(MannWhitneyU.test([1, 2, 3, 4], [5, 6, 7, 8], exactLimit: 0))
        #expect(!r.exact)
        #expect(abs(r.pValue - 0.030382821976577) < 1e-9)
    }

    @Test func symmetricInItsArguments() throws {
        let x: [Double] = [3.1, 2.9, 3.3, 3.0, 3.2], y: [Double] = [3.6, 3.4, 3.9, 3.5, 3.8]
        let a = try #require(MannWhitneyU.test(x, y)), b = try #require(MannWhitneyU.test(y, x))
        #expect(abs(a.pValue - b.pValue) < 1e-12)
        #expect(a.u + b.u == 25)
    }
}
