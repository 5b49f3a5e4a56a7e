import Foundation

/// The Mann-Whitney U test (Wilcoxon rank-sum), two-sided: do two samples come from distributions
/// where one tends to be larger? It uses ranks only, so one wild outlier moves it by one rank.
///
/// Exact permutation distribution (ties handled with mid-ranks) when both samples together have at
/// most `exactLimit` values; otherwise the normal approximation with tie and continuity correction.
/// With few repeats the smallest attainable p-value is large: 3 vs 3 runs can never go below
/// 2/20 = 0.1, so at α = 0.05 the test cannot call anything significant. `minimumPValue` says so.
public enum MannWhitneyU {
    public struct Result: Equatable, Sendable {
        /// U of the first sample: the number of (x, y) pairs with x > y, ties counting ½.
        public var u: Double
        /// Two-sided p-value.
        public var pValue: Double
        /// Whether `pValue` comes from the exact distribution.
        public var exact: Bool
        /// The smallest p-value these sample sizes (and ties) could produce.
        public var minimumPValue: Double

        /// Whether any outcome could be significant at `alpha`.
        public func canReachSignificance(alpha: Double) -> Bool { minimumPValue <= alpha }
    }

    public static let defaultExactLimit = 50

    /// nil when either sample is empty.
    public static func test(_ x: [Double], _ y: [Double], exactLimit: Int = defaultExactLimit) -> Result? {
        let m = x.count, n = y.count, total = m + n
        guard m > 0, n > 0 else { return nil }
        // Doubled mid-ranks keep every rank sum an integer, so the exact test compares integers.
        let pooled = (x.map { ($0, 0) } + y.map { ($0, 1) }).sorted { $0.0 < $1.0 }
        var doubledRanks = [Int](repeating: 0, count: total)
        var tieGroups: [Int] = []
        var i = 0
        while i < total {
            var j = i
            while j + 1 < total && pooled[j + 1].0 == pooled[i].0 { j += 1 }
            for k in i...j { doubledRanks[k] = (i + 1) + (j + 1) }
            tieGroups.append(j - i + 1)
            i = j + 1
        }
        var observed = 0
        for k in 0..<total where pooled[k].1 == 0 { observed += doubledRanks[k] }
        let u = Double(observed) / 2 - Double(m * (m + 1)) / 2

        if total <= exactLimit {
            return exactTest(doubledRanks: doubledRanks, m: m, observed: observed, u: u)
        }
        return normalTest(m: m, n: n, u: u, tieGroups: tieGroups)
    }

    /// Counts, for every doubled rank sum s, the subsets of size m with that sum (dynamic programming).
    private static func exactTest(doubledRanks: [Int], m: Int, observed: Int, u: Double) -> Result {
        let total = doubledRanks.count
        let maxSum = doubledRanks.reduce(0, +)
        var counts = [[Double]](repeating: [Double](repeating: 0, count: maxSum + 1), count: m + 1)
        counts[0][0] = 1
        for rank in doubledRanks {
            for k in stride(from: m, through: 1, by: -1) {
                for s in stride(from: maxSum, through: rank, by: -1) where counts[k - 1][s - rank] != 0 {
                    counts[k][s] += counts[k - 1][s - rank]
                }
            }
        }
        let distribution = counts[m]
        let all = distribution.reduce(0, +)
        let expected = m * (total + 1)  // doubled mean rank sum
        let deviation = abs(observed - expected)
        var tail = 0.0, maxDeviation = 0
        for (s, c) in distribution.enumerated() where c != 0 {
            if abs(s - expected) >= deviation { tail += c }
            maxDeviation = max(maxDeviation, abs(s - expected))
        }
        var extreme = 0.0
        for (s, c) in distribution.enumerated() where c != 0 && abs(s - expected) >= maxDeviation { extreme += c }
        return Result(u: u, pValue: min(1, tail / all), exact: true, minimumPValue: min(1, extreme / all))
    }

    private static func normalTest(m: Int, n: Int, u: Double, tieGroups: [Int]) -> Result {
        let total = Double(m + n)
        let mean = Double(m * n) / 2
        let tieTerm = tieGroups.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) } / (total * (total - 1))
        let variance = Double(m * n) / 12 * ((total + 1) - tieTerm)
        guard variance > 0 else { return Result(u: u, pValue: 1, exact: false, minimumPValue: 1) }
        let sd = variance.squareRoot()
        let z = max(0, abs(u - mean) - 0.5) / sd
        let zMax = max(0, mean - 0.5) / sd
        return Result(u: u, pValue: min(1, erfc(z / 2.0.squareRoot())), exact: false,
                      minimumPValue: min(1, erfc(zMax / 2.0.squareRoot())))
    }
}
