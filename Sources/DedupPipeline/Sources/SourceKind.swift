/// The pluggable record sources (DESIGN §2). Adding a source = one file + one case + one registry line.
public enum SourceKind: String, CaseIterable, Sendable, Codable {
    case synthetic
    case pubsub
    case file

    /// Accepts the seed's names too (`polars_synthetic`).
    public init?(configName: String) {
        switch configName {
        case "polars_synthetic": self = .synthetic
        default: self.init(rawValue: configName)
        }
    }

    /// Decodes the seed's names too.
    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let kind = SourceKind(configName: name) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "unknown source '\(name)'; expected one of \(SourceKind.acceptedNames.joined(separator: ", "))")
            )
        }
        self = kind
    }

    /// Every spelling a config may use, for error messages.
    public static let acceptedNames = allCases.map(\.rawValue) + ["polars_synthetic"]
}
