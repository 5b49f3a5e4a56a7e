import DedupPipeline
import Foundation

/// The machine, toolchain and source tree a result set came from (DESIGN §5).
public struct Provenance: Codable, Sendable, Equatable {
    enum CodingKeys: String, CodingKey {
        case gitCommit = "git_commit"
        case gitDirty = "git_dirty"
        case host
        case cpuModel = "cpu_model"
        case cores
        case memoryBytes = "memory_bytes"
        case os, kernel
        case swiftVersion = "swift_version"
        case swiftToolchain = "swift_toolchain"
        case buildConfiguration = "build_configuration"
        case dedupbenchVersion = "dedupbench_version"
    }

    public var gitCommit: String
    public var gitDirty: Bool
    public var host: String
    public var cpuModel: String
    public var cores: Int
    public var memoryBytes: UInt64
    public var os: String
    public var kernel: String
    /// The compiler that built this binary (from `#if compiler` checks) and the `swift` on PATH.
    public var swiftVersion: String
    public var swiftToolchain: String
    public var buildConfiguration: String
    public var dedupbenchVersion: String

    /// dedupbench's version, recorded with every result set.
    public static let dedupbenchVersion = "0.1.0"

    /// Collects provenance; `directory` is where git is asked (the working tree of the run).
    public static func collect(directory: String = FileManager.default.currentDirectoryPath) -> Provenance {
        let commit = command("/usr/bin/env", ["git", "-C", directory, "rev-parse", "HEAD"]) ?? "unknown"
        let status = command("/usr/bin/env", ["git", "-C", directory, "status", "--porcelain", "--untracked-files=no"])
        var uts = utsname()
        uname(&uts)
        return Provenance(
            gitCommit: commit, gitDirty: commit == "unknown" ? false : !(status ?? "").isEmpty,
            host: ProcessInfo.processInfo.hostName, cpuModel: cpuModel(),
            cores: ProcessInfo.processInfo.activeProcessorCount,
            memoryBytes: ProcessInfo.processInfo.physicalMemory, os: osName(),
            kernel: "\(field(uts.sysname)) \(field(uts.release)) \(field(uts.machine))",
            swiftVersion: compilerVersion,
            swiftToolchain: command("/usr/bin/env", ["swift", "--version"])?.split(separator: "\n").first.map(
                String.init) ?? "unknown",
            buildConfiguration: buildConfiguration, dedupbenchVersion: dedupbenchVersion)
    }

    static var buildConfiguration: String {
        #if DEBUG
            return "debug"
        #else
            return "release"
        #endif
    }

    static var compilerVersion: String {
        #if compiler(>=6.5)
            return "6.5+"
        #elseif compiler(>=6.4)
            return "6.4"
        #elseif compiler(>=6.3)
            return "6.3"
        #elseif compiler(>=6.2)
            return "6.2"
        #elseif compiler(>=6.1)
            return "6.1"
        #else
            return "6.0"
        #endif
    }

    static func cpuModel() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
                ?? "unknown"
        }
        return "unknown"
    }

    static func osName() -> String {
        guard let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) else {
            return ProcessInfo.processInfo.operatingSystemVersionString
        }
        for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
            return String(line.dropFirst("PRETTY_NAME=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return ProcessInfo.processInfo.operatingSystemVersionString
    }

    private static func field<T>(_ tuple: T) -> String {
        withUnsafeBytes(of: tuple) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// Runs a short command and returns its trimmed stdout, or nil if it failed.
    static func command(_ exe: String, _ args: [String]) -> String? {
        guard let r = try? ChildProcess.run(executable: exe, arguments: args, timeout: 20), r.exitCode == 0 else {
            return nil
        }
        return String(decoding: r.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
