/// What dedupbench's reader implements of the Delta protocol's reader requirements
/// (PROTOCOL.md "Protocol Evolution", "Table Features", "Valid Feature Names in Table Features").
/// Anything else is refused (`.unsupported`, exit 69) with the feature's name, never read wrongly.
public enum ReaderSupport {
    /// Reader features we implement: `deletionVectors` (rows hidden by DVs are skipped).
    public static let implemented: Set<String> = ["deletionVectors"]
    /// Features whose only reader requirement is a column type or mode we check separately:
    /// `timestampNtz`/`variantType` add column types (our schema parser refuses unknown types),
    /// `columnMapping` is harmless with mode `none`, and `vacuumProtocolCheck` constrains only
    /// vacuum (which checks the protocol itself).
    static let harmlessUnlessUsed: Set<String> = [
        "timestampNtz", "variantType", "variantType-preview", "columnMapping", "vacuumProtocolCheck",
    ]

    /// Throws `.unsupported` naming the first reader feature (or version) we cannot honour.
    public static func checkReadable(
        _ p: DeltaProtocol, configuration: [String: String], tablePath: String
    ) throws(DeltaError) {
        let mapping = configuration["delta.columnMapping.mode"]?.lowercased() ?? "none"
        func refuse(_ what: String) -> DeltaError {
            DeltaError(
                .unsupported,
                "\(tablePath) needs the Delta reader feature \(what), which dedupbench does not implement (reader version \(p.minReaderVersion); dedupbench reads version 1 tables, version 2/3 with: \(implemented.sorted().joined(separator: ", ")))"
            )
        }
        if mapping != "none" { throw refuse("columnMapping (mode \(mapping))") }
        switch p.minReaderVersion {
        case 1, 2: return
        case 3:
            for f in p.readerFeatures ?? [] where !implemented.contains(f) && !harmlessUnlessUsed.contains(f) {
                throw refuse("'\(f)'")
            }
        default: throw refuse("of reader version \(p.minReaderVersion)")
        }
    }
}
