import Foundation

/// Locates the pipeline-core fixtures and makes scratch directories for tests.
enum CoreFixtures {
    static var root: String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.path
    }

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// The package root, for the repository's own config files.
    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// A fresh empty directory under the system temp dir.
    static func scratchDirectory(_ label: String) throws -> String {
        let dir = NSTemporaryDirectory() + "dedupbench-core-\(label)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
