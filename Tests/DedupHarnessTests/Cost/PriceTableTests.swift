import DedupPipeline
import DedupFormats
import Foundation
import Testing

@testable import DedupHarness

@Suite struct PriceTableTests {
    static let file = TestSupport.packageRoot + "/config/prices/aws-s3-standard-us-east-1.yaml"
    static let iaFile = TestSupport.packageRoot + "/config/prices/aws-s3-standard-ia-us-east-1.yaml"

    @Test func shippedTableEqualsTheBuiltInDefault() throws {
        let t = try PriceTable.load(path: Self.file)
        #expect(t == PriceTable.awsS3StandardUSEast1)
        #expect(t.storageTiers.map(\.usdPerGBMonth) == [0.023, 0.022, 0.021])
        #expect(t.putUSDPer1000 == 0.005 && t.getUSDPer1000 == 0.0004)
    }

    @Test func infrequentAccessTableLoads() throws {
        let t = try PriceTable.load(path: Self.iaFile)
        #expect(t.storageClass == "STANDARD_IA")
        #expect(t.storageTiers == [.init(upToGB: nil, usdPerGBMonth: 0.0125)])
        #expect(t.putUSDPer1000 == 0.01 && t.getUSDPer1000 == 0.001)
        #expect(t.retrievalUSDPerGB == 0.01 && t.minimumBillableObjectBytes == 131_072 && t.minimumStorageDays == 30)
    }

    @Test func storageWalksTheTiers() {
        let t = PriceTable.awsS3StandardUSEast1
        let gb = 1_073_741_824.0
        #expect(abs(t.storageUSDPerMonth(bytes: gb) - 0.023) < 1e-12)
        // 100 TB: 50 TB at 0.023, 50 TB at 0.022.
        let expected = 51_200 * 0.023 + 51_200 * 0.022
        #expect(abs(t.storageUSDPerMonth(bytes: 102_400 * gb) - expected) < 1e-6)
        // 1 PB: all three tiers.
        let pb = 1_048_576.0
        let three = 51_200 * 0.023 + (512_000 - 51_200) * 0.022 + (pb - 512_000) * 0.021
        #expect(abs(t.storageUSDPerMonth(bytes: pb * gb) - three) < 1e-6)
        #expect(t.storageUSDPerMonth(bytes: 0) == 0)
        #expect(abs(t.requestUSD(puts: 2000, gets: 10_000) - (0.01 + 0.004)) < 1e-12)
    }

    @Test func badTablesGetLocatedErrors() {
        let base =
            "version: 1\nname: t\nas_of: 2025-01-13\nrequests: {put_usd_per_1000: 0.005, get_usd_per_1000: 0.0004}\n"
        let cases: [(String, String)] = [
            (
                base + "storage:\n  - {up_to_gb: 10, usd_per_gb_month: 0.02}\n",
                "6:5: storage[0]: got 'a mapping'; expected an unbounded last tier (no up_to_gb)"
            ),
            (
                base + "storage:\n  - {up_to_gb: 10, usd_per_gb_month: -1}\n  - {usd_per_gb_month: 0.01}\n",
                "6:38: storage[0].usd_per_gb_month: got '-1'; expected a price in USD ≥ 0"
            ),
            (
                base
                    + "storage:\n  - {up_to_gb: 10, usd_per_gb_month: 1}\n  - {up_to_gb: 5, usd_per_gb_month: 1}\n  - {usd_per_gb_month: 1}\n",
                "7:16: storage[1].up_to_gb: got '5'; expected a size in GB above the previous tier's end"
            ),
            (
                "version: 1\nname: t\nas_of: soon\nstorage: []\nrequests: {}\n",
                "3:8: as_of: got 'soon'; expected a date YYYY-MM-DD"
            ),
            (
                base + "storage:\n  - {usd_per_gb_month: 1}\ncurrency: [usd]\n",
                "7:11: currency: got 'a list'; expected text"
            ),
        ]
        for (text, expected) in cases {
            do {
                _ = try PriceTable.parse(text: text, file: "p.yaml")
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.description == "p.yaml:" + expected)
            }
        }
    }

    @Test func rowCostsComeFromLiveBytesAndRequests() throws {
        let builder = RowBuilder(experiment: "e", prices: .awsS3StandardUSEast1)
        let spec = try TestSupport.spec("version: 1\nname: e\npipeline: {}\nmatrix:\n  strategy: [a]\n")
        let run = try ExperimentPlan(spec: spec).runs()[0]
        let metrics: [String: JSONValue] = [
            "live_bytes": .int(1_073_741_824), "table_bytes": .int(2_147_483_648), "put_requests": .int(1000),
            "get_requests": .int(2500), "status": .string("ok"),
        ]
        let row = builder.row(for: run, metrics: metrics, status: "ok", error: "", attempts: 1)
        #expect(row["s3_storage_usd_month"] == "0.023")
        #expect(row["s3_request_usd"] == "0.006")
        #expect(row["s3_total_usd"] == "0.029")
        #expect(row["seed"] == String(run.seed) && row["cell_id"] == run.cell.id && row["attempts"] == "1")
    }
}
