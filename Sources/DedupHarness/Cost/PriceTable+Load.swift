import DedupPipeline
import Foundation
import DedupYAML

extension PriceTable {
    static let keys = [
        "version", "name", "as_of", "provider", "storage_class", "region", "currency", "source",
        "bytes_per_gb", "storage", "requests", "retrieval_usd_per_gb", "minimum_billable_object_bytes",
        "minimum_storage_days",
    ]

    /// Loads and validates a price table file; problems are located `SpecError`s.
    public static func load(path: String) throws(SpecError) -> PriceTable {
        let (r, root, _) = try SpecReader.load(path: path)
        return try parse(reader: r, root: root)
    }

    /// Parses price table text (for tests); `file` names it in messages.
    public static func parse(text: String, file: String) throws(SpecError) -> PriceTable {
        let r = SpecReader(file: file)
        return try parse(reader: r, root: try r.compose(text))
    }

    static func parse(reader r: SpecReader, root: YAMLNode) throws(SpecError) -> PriceTable {
        let pairs = try r.mapping(root, "")
        try r.checkKeys(pairs, allowed: keys, prefix: "")
        func node(_ k: String) -> YAMLNode? { pairs.first { $0.key == k }?.value }
        func required(_ k: String, _ expected: String) throws(SpecError) -> YAMLNode {
            guard let n = node(k) else { throw r.error(root, k, value: nil, expected: "missing; expected \(expected)") }
            return n
        }
        func price(_ n: YAMLNode, _ key: String) throws(SpecError) -> Double {
            let v = try r.number(n, key, expected: "a price in USD ≥ 0")
            guard v >= 0 else { throw r.mismatch(n, key, expected: "a price in USD ≥ 0") }
            return v
        }
        func text(_ k: String, default value: String) throws(SpecError) -> String {
            try node(k).map { n throws(SpecError) in try r.string(n, k) } ?? value
        }

        let version = Int(
            try r.integer(try required("version", "an integer revision of this table"), "version", min: 1))
        let name = try r.string(try required("name", "a table name"), "name")
        let asOfNode = try required("as_of", "the date the prices were taken (YYYY-MM-DD)")
        let asOf = Self.dateText(asOfNode)
        guard asOf.count == 10, asOf.split(separator: "-").count == 3 else {
            throw r.mismatch(asOfNode, "as_of", expected: "a date YYYY-MM-DD")
        }
        var table = PriceTable.awsS3StandardUSEast1
        table.version = version
        table.name = name
        table.asOf = asOf
        table.provider = try text("provider", default: "")
        table.storageClass = try text("storage_class", default: "")
        table.region = try text("region", default: "")
        table.currency = try text("currency", default: "USD")
        table.source = try text("source", default: "")
        if let n = node("bytes_per_gb") { table.bytesPerGB = Double(try r.integer(n, "bytes_per_gb", min: 1)) }

        let storageNode = try required("storage", "a list of tiers {up_to_gb, usd_per_gb_month}")
        var tiers: [Tier] = []
        let tierNodes = try r.sequence(storageNode, "storage")
        guard !tierNodes.isEmpty else { throw r.mismatch(storageNode, "storage", expected: "at least one tier") }
        for (i, t) in tierNodes.enumerated() {
            let key = "storage[\(i)]"
            let tp = try r.mapping(t, key)
            try r.checkKeys(tp, allowed: ["up_to_gb", "usd_per_gb_month"], prefix: key)
            guard let priceNode = tp.first(where: { $0.key == "usd_per_gb_month" })?.value else {
                throw r.error(
                    t, "\(key).usd_per_gb_month", value: nil, expected: "missing; expected a price in USD ≥ 0")
            }
            var upTo: Double?
            if let u = tp.first(where: { $0.key == "up_to_gb" })?.value {
                let v = try r.number(u, "\(key).up_to_gb", expected: "a size in GB")
                guard v > (tiers.last?.upToGB ?? 0) else {
                    throw r.mismatch(u, "\(key).up_to_gb", expected: "a size in GB above the previous tier's end")
                }
                upTo = v
            } else if i != tierNodes.count - 1 {
                throw r.error(
                    t, "\(key).up_to_gb", value: nil, expected: "missing; only the last tier may be unbounded")
            }
            tiers.append(Tier(upToGB: upTo, usdPerGBMonth: try price(priceNode, "\(key).usd_per_gb_month")))
        }
        if tiers.last?.upToGB != nil {
            throw r.mismatch(
                tierNodes.last!, "storage[\(tiers.count - 1)]", expected: "an unbounded last tier (no up_to_gb)")
        }
        table.storageTiers = tiers

        let requestsNode = try required("requests", "put_usd_per_1000 and get_usd_per_1000")
        let rp = try r.mapping(requestsNode, "requests")
        try r.checkKeys(rp, allowed: ["put_usd_per_1000", "get_usd_per_1000"], prefix: "requests")
        for (k, path) in [
            ("put_usd_per_1000", \PriceTable.putUSDPer1000), ("get_usd_per_1000", \PriceTable.getUSDPer1000),
        ] {
            guard let n = rp.first(where: { $0.key == k })?.value else {
                throw r.error(
                    requestsNode, "requests.\(k)", value: nil, expected: "missing; expected a price in USD ≥ 0")
            }
            table[keyPath: path] = try price(n, "requests.\(k)")
        }
        table.retrievalUSDPerGB =
            try node("retrieval_usd_per_gb").map { n throws(SpecError) in try price(n, "retrieval_usd_per_gb") } ?? 0
        table.minimumBillableObjectBytes = Int(
            try node("minimum_billable_object_bytes").map { n throws(SpecError) in
                try r.integer(n, "minimum_billable_object_bytes", min: 0)
            } ?? 0)
        table.minimumStorageDays = Int(
            try node("minimum_storage_days").map { n throws(SpecError) in
                try r.integer(n, "minimum_storage_days", min: 0)
            } ?? 0)
        return table
    }

    /// Dates may be written plain (YAML would call them timestamps) or quoted: keep the text.
    static func dateText(_ node: YAMLNode) -> String {
        node.scalar?.text ?? ""
    }
}
