import Foundation
import DedupYAML

/// A versioned compute price (`config/prices/aws-ec2-*.yaml`): one on-demand instance type, its
/// vCPUs and hourly price, from which the report derives a price per vCPU-hour.
public struct ComputePriceTable: Sendable, Equatable {
    public var name: String
    public var version: Int
    /// The date the price was taken from the provider's list (YYYY-MM-DD).
    public var asOf: String
    public var provider: String
    public var instance: String
    public var vcpus: Int
    public var region: String
    public var currency: String
    public var source: String
    public var usdPerHour: Double

    /// `usdPerHour / vcpus`.
    public var usdPerVCPUHour: Double { usdPerHour / Double(vcpus) }

    /// m7i.large on-demand, us-east-1: the same numbers as
    /// config/prices/aws-ec2-m7i-large-us-east-1.yaml (a test keeps them equal).
    public static let awsM7iLargeUSEast1 = ComputePriceTable(
        name: "aws-ec2-m7i-large-us-east-1", version: 1, asOf: "2025-01-13", provider: "aws", instance: "m7i.large",
        vcpus: 2, region: "us-east-1", currency: "USD", source: "https://aws.amazon.com/ec2/pricing/on-demand/",
        usdPerHour: 0.1008)

    static let keys = ["version", "name", "as_of", "provider", "instance", "vcpus", "region", "currency", "source", "usd_per_hour"]

    /// Loads and validates a compute price file; problems are located `SpecError`s.
    public static func load(path: String) throws(SpecError) -> ComputePriceTable {
        let (r, root, _) = try SpecReader.load(path: path)
        let pairs = try r.mapping(root, "")
        try r.checkKeys(pairs, allowed: keys, prefix: "")
        func required(_ k: String, _ expected: String) throws(SpecError) -> YAMLNode {
            guard let n = pairs.first(where: { $0.key == k })?.value else {
                throw r.error(root, k, value: nil, expected: "missing; expected \(expected)")
            }
            return n
        }
        func text(_ k: String) throws(SpecError) -> String {
            try pairs.first { $0.key == k }.map { p throws(SpecError) in try r.string(p.value, k) } ?? ""
        }
        let price = try required("usd_per_hour", "the on-demand price per instance-hour in USD")
        let usd = try r.number(price, "usd_per_hour", expected: "a price in USD > 0")
        guard usd > 0 else { throw r.mismatch(price, "usd_per_hour", expected: "a price in USD > 0") }
        let asOfNode = try required("as_of", "the date the price was taken (YYYY-MM-DD)")
        return ComputePriceTable(
            name: try r.string(try required("name", "a table name"), "name"),
            version: Int(try r.integer(try required("version", "an integer revision of this table"), "version", min: 1)),
            asOf: PriceTable.dateText(asOfNode), provider: try text("provider"),
            instance: try r.string(try required("instance", "the instance type, e.g. m7i.large"), "instance"),
            vcpus: Int(try r.integer(try required("vcpus", "the instance's vCPU count"), "vcpus", min: 1)),
            region: try text("region"), currency: try text("currency"), source: try text("source"), usdPerHour: usd)
    }
}
