import Foundation

/// A fresh directory under the system temp dir, removed on deinit.
final class TempDir {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "dedupbench-parquet-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func entries() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    func size(of name: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path + "/" + name))?[.size] as? Int) ?? -1
    }
}
