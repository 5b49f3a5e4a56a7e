import DedupFormats

/// `strategies:` — which strategies run, in order, and each one's options as validated values.
/// The strategies module reads the options through the typed accessors of `JSONValue`.
public struct StrategySettings: Sendable, Equatable {
    public var enabled: [String]
    /// Options by strategy name, e.g. `options["polars_merge"]?["keep"]?.string == "last"`.
    /// Only names and keys from `StrategyOptionCatalog` appear here.
    public var options: [String: [String: JSONValue]]

    public init(
        enabled: [String] = StrategyOptionCatalog.names,
        options: [String: [String: JSONValue]] = [:]
    ) {
        self.enabled = enabled
        self.options = options
    }

    /// The option `key` of `strategy`, if the config set it.
    public func option(_ strategy: String, _ key: String) -> JSONValue? { options[strategy]?[key] }
}
