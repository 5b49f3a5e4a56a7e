import DedupHarness
import Foundation
import Testing

@testable import DedupReport

/// The monthly bill at a stated volume, checked by hand on a crafted result set.
struct CostProjectionTests {
    /// Two strategies at scale 100,000 with dup_prob 0.1: per unique record bronze keeps 110 bytes
    /// live and nothing to vacuum; delta keeps 100 live and 50 removed. CPU: 0.11 s per 110,000 deliveries.
    static func experiment() throws -> ExperimentResults {
        var runs: [TestSupport.Run] = []
        for (cell, strategy, live, table, puts) in [("b", "bronze_append", 11_000_000, 11_000_000, 20), ("d", "delta_merge", 10_000_000, 15_000_000, 40)] {
            for r in 0..<2 {
                runs.append(TestSupport.Run(
                    cell: cell, repeatIndex: r, params: #"{"strategy":"\#(strategy)"}"#,
                    overrides: ["strategy": strategy, "live_bytes": "\(live)", "table_bytes": "\(table)", "put_requests": "\(puts)",
                                "get_requests": "10", "cpu_s": strategy == "bronze_append" ? "0.11" : "0.22"]))
            }
        }
        let file = try TestSupport.resultFile(TestSupport.csv(runs), in: try TestSupport.temporaryDirectory())
        return ExperimentResults.group([file], resamples: 200)[0]
    }

    @Test func monthlyBillFollowsTheStatedModel() throws {
        let a = CostProjection.Assumptions(eventsPerDay: 1e9, duplicateRate: 0.1, retentionDays: 30, batchIntervalSeconds: 60)
        let p = try #require(CostProjection(experiment: Self.experiment(), assumptions: a))
        let bronze = try #require(p.rows.first { $0.strategy == "bronze_append" })
        let delta = try #require(p.rows.first { $0.strategy == "delta_merge" })
        // Live: 110 B × 1e9/day × 30 days = 3.3e12 B; S3 tiers on binary GB.
        #expect(abs(bronze.liveStorage - a.storage.storageUSDPerMonth(bytes: 3.3e12)) < 1e-9)
        #expect(bronze.vacuumStorage == 0)
        // Removed: 50 B × 1e9 × 7 days = 3.5e11 B on top of the live 3e12 B.
        let deltaLive = a.storage.storageUSDPerMonth(bytes: 3e12)
        #expect(abs(delta.vacuumStorage - (a.storage.storageUSDPerMonth(bytes: 3.35e12) - deltaLive)) < 1e-9)
        // Requests: 43,200 batches/month × (puts/10 batches) PUTs and 1 GET each.
        #expect(abs(delta.requests - a.storage.requestUSD(puts: 4 * 43_200, gets: 43_200)) < 1e-12)
        // Compute: 0.22 s / 110,000 deliveries × 1.1e9 × 30 = 66,000 s = 18.33 vCPU-h × 0.0504.
        #expect(abs(delta.compute - 66_000.0 / 3600 * 0.0504) < 1e-9)
        #expect(bronze.basis == "scale 100k, dup_prob 10%")
        let headline = p.headline()
        #expect(headline.hasPrefix("At 1B events/day with 10% duplicates and 30 days retention, **bronze_append** costs "))
        // Bronze keeps 110 B live; delta 100 B live + 50 B × 7/30 until vacuum ≈ 111.7 B: bronze is cheaper in both.
        #expect(headline.contains("less in storage") && headline.contains("less in compute than **delta_merge**"))
        #expect(p.assumptionLines().contains { $0.contains("m7i.large") && $0.contains("us-east-1") && $0.contains("aws.amazon.com/ec2/pricing") })
    }

    @Test func committedComputePriceTableMatchesTheBuiltIn() throws {
        let path = TestSupport.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config/prices/aws-ec2-m7i-large-us-east-1.yaml").path
        #expect(try ComputePriceTable.load(path: path) == .awsM7iLargeUSEast1)
        #expect(ComputePriceTable.awsM7iLargeUSEast1.usdPerVCPUHour == 0.0504)
    }
}
