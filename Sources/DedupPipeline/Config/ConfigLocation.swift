import Foundation

/// Which pipeline config a command loads, and why: `--config FILE`, else the `PIPELINE_CONFIG`
/// environment variable (the seed's, README "Config Not Found"), else `config/pipeline.yaml` when
/// it exists in the working directory, else the built-in defaults. A named file that does not
/// exist is an error when loaded, never a silent fall-back to the next choice.
public struct ConfigLocation: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        case flag = "from --config"
        case environment = "from PIPELINE_CONFIG"
        case defaultPath = "default path"
        case builtIn = "built-in defaults"
    }

    /// The file to load; nil for the built-in defaults.
    public var path: String?
    public var reason: Reason

    public static let variable = "PIPELINE_CONFIG"
    public static let defaultPath = "config/pipeline.yaml"

    public static func resolve(
        flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> ConfigLocation {
        if let flag { return ConfigLocation(path: flag, reason: .flag) }
        if let env = environment[variable], !env.isEmpty { return ConfigLocation(path: env, reason: .environment) }
        if exists(defaultPath) { return ConfigLocation(path: defaultPath, reason: .defaultPath) }
        return ConfigLocation(path: nil, reason: .builtIn)
    }

    /// `config/pipeline.yaml (default path)`, or `built-in defaults (no --config, PIPELINE_CONFIG
    /// unset, no config/pipeline.yaml)`.
    public var description: String {
        guard let path else {
            return "built-in defaults (no --config, \(Self.variable) unset, no \(Self.defaultPath))"
        }
        return "\(path) (\(reason.rawValue))"
    }
}
