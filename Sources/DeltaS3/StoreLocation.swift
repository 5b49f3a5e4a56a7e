import DeltaStorage

/// Chooses the object store for a table location by its form, as deltalake and duckdb do:
/// `s3://bucket/prefix` → `S3ObjectStore` (settings from the AWS environment variables, see
/// `S3Settings`); anything else is a local directory (`LocalObjectStore`, with the optional
/// injected request latency of `storage.simulate`).
public enum StoreLocation {
    /// True for `s3://…` locations.
    public static func isS3(_ location: String) -> Bool { location.hasPrefix("s3://") }

    /// The store for `location`. Throws `S3Error` for a malformed URI or missing credentials.
    public static func open(
        _ location: String, simulate: StoreSimulation? = nil, partBytes: Int = 8 << 20,
        environment: [String: String]
    ) throws -> any ObjectStore {
        guard isS3(location) else { return LocalObjectStore(root: location, simulate: simulate) }
        let settings = try S3Settings.fromEnvironment(environment, partBytes: partBytes)
        return try S3ObjectStore(uri: location, settings: settings)
    }

    /// `base` joined with `name` (one `/` between them).
    public static func join(_ base: String, _ name: String) -> String {
        (base.hasSuffix("/") ? base : base + "/") + name
    }
}
