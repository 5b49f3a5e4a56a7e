import DedupPipeline
import Foundation

/// A versioned object-storage price table (`config/prices/*.yaml`): storage per GB-month by tier and
/// request prices per 1,000. The cost columns of every run are computed from one of these.
public struct PriceTable: Sendable, Equatable, Codable {
    enum CodingKeys: String, CodingKey {
        case name, version
        case asOf = "as_of"
        case provider
        case storageClass = "storage_class"
        case region, currency, source
        case bytesPerGB = "bytes_per_gb"
        case storageTiers = "storage"
        case putUSDPer1000 = "put_usd_per_1000"
        case getUSDPer1000 = "get_usd_per_1000"
        case retrievalUSDPerGB = "retrieval_usd_per_gb"
        case minimumBillableObjectBytes = "minimum_billable_object_bytes"
        case minimumStorageDays = "minimum_storage_days"
    }

    /// One storage tier: the price applies to the GB between the previous tier's end and `upToGB`.
    public struct Tier: Sendable, Equatable, Codable {
        enum CodingKeys: String, CodingKey {
            case upToGB = "up_to_gb"
            case usdPerGBMonth = "usd_per_gb_month"
        }

        /// End of the tier in GB (nil: unbounded, the last tier).
        public var upToGB: Double?
        public var usdPerGBMonth: Double
        public init(upToGB: Double?, usdPerGBMonth: Double) {
            self.upToGB = upToGB
            self.usdPerGBMonth = usdPerGBMonth
        }
    }

    /// Identifies the table in the manifest (e.g. `aws-s3-standard-us-east-1`) and its revision.
    public var name: String
    public var version: Int
    /// The date the prices were taken from the provider's list (ISO 8601 date).
    public var asOf: String
    public var provider: String
    public var storageClass: String
    public var region: String
    public var currency: String
    public var source: String
    /// Bytes in one billed GB (AWS bills binary gigabytes: 2^30).
    public var bytesPerGB: Double
    public var storageTiers: [Tier]
    /// PUT, COPY, POST and LIST requests, per 1,000.
    public var putUSDPer1000: Double
    /// GET, SELECT and all other requests, per 1,000.
    public var getUSDPer1000: Double
    /// Retrieval fee per GB read (Infrequent Access); informational, not in the run columns.
    public var retrievalUSDPerGB: Double
    /// Smallest billed object size (Infrequent Access bills 128 KiB per smaller object); informational.
    public var minimumBillableObjectBytes: Int
    /// Minimum storage duration in days (30 for Infrequent Access); informational.
    public var minimumStorageDays: Int

    /// S3 Standard, us-east-1 (the default when an experiment names no table). The same numbers as
    /// config/prices/aws-s3-standard-us-east-1.yaml (a test keeps them equal).
    public static let awsS3StandardUSEast1 = PriceTable(
        name: "aws-s3-standard-us-east-1", version: 1, asOf: "2025-01-13", provider: "aws",
        storageClass: "STANDARD", region: "us-east-1", currency: "USD",
        source: "https://aws.amazon.com/s3/pricing/", bytesPerGB: 1_073_741_824,
        storageTiers: [
            Tier(upToGB: 51_200, usdPerGBMonth: 0.023),
            Tier(upToGB: 512_000, usdPerGBMonth: 0.022),
            Tier(upToGB: nil, usdPerGBMonth: 0.021),
        ],
        putUSDPer1000: 0.005, getUSDPer1000: 0.0004, retrievalUSDPerGB: 0, minimumBillableObjectBytes: 0,
        minimumStorageDays: 0)

    /// Monthly storage cost of `bytes`, walking the tiers.
    public func storageUSDPerMonth(bytes: Double) -> Double {
        var remaining = max(0, bytes) / bytesPerGB
        var start = 0.0
        var total = 0.0
        for tier in storageTiers {
            let width = tier.upToGB.map { $0 - start } ?? .infinity
            let inTier = min(remaining, width)
            total += inTier * tier.usdPerGBMonth
            remaining -= inTier
            if remaining <= 0 { break }
            start = tier.upToGB ?? start
        }
        return total
    }

    /// Cost of the requests a run made.
    public func requestUSD(puts: Double, gets: Double) -> Double {
        puts / 1000 * putUSDPer1000 + gets / 1000 * getUSDPer1000
    }

    /// What the manifest records about the table.
    public var reference: String { "\(name) v\(version) (\(asOf))" }
}
