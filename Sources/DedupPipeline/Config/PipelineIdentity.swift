/// `pipeline:` — the seed's name and version of the pipeline (`pipeline: {name, version}`), shown
/// in `dedupbench pipeline`'s header so a run's output says which pipeline produced it.
public struct PipelineIdentity: Sendable, Equatable {
    public var name: String?
    /// As written (`1.0.0`, `2`): a label, never compared numerically.
    public var version: String?

    public init(name: String? = nil, version: String? = nil) {
        self.name = name
        self.version = version
    }

    /// `name version`, `name`, or nil when neither is set.
    public var label: String? {
        switch (name, version) {
        case (nil, nil): nil
        case (let n?, nil): n
        case (nil, let v?): "version \(v)"
        case (let n?, let v?): "\(n) \(v)"
        }
    }
}
