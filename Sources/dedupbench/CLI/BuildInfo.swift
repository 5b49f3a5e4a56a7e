import DedupHarness
import Foundation

/// `dedupbench --version`: the version and the git commit of the checkout the binary was built in.
///
/// The commit is read at run time, without running git, from the `.git` of the checkout that holds
/// the executable (`<checkout>/.build/<config>/dedupbench`): `HEAD`, then the ref it names (loose or
/// in `packed-refs`; worktrees' `.git` files followed). So it works from a fresh clone, with plain
/// `swift build` and with `make`, and needs no generated file. `DEDUPBENCH_BUILD_COMMIT` overrides
/// it (for installed binaries that left their checkout). It is the checkout's commit: after a
/// checkout without a rebuild, rebuild before trusting it.
enum BuildInfo {
    static var versionLine: String {
        "dedupbench \(Provenance.dedupbenchVersion) (commit \(commit ?? "unknown"))"
    }

    static var commit: String? {
        if let c = ProcessInfo.processInfo.environment["DEDUPBENCH_BUILD_COMMIT"], !c.isEmpty { return c }
        var dir = (HarnessCLI.currentExecutable() as NSString).deletingLastPathComponent
        while dir.count > 1 {
            if let c = commit(gitPath: (dir as NSString).appendingPathComponent(".git")) { return c }
            dir = (dir as NSString).deletingLastPathComponent
        }
        return nil
    }

    private static func read(_ path: String) -> String? {
        (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The commit HEAD names in the git directory `gitPath` (a directory, or a `gitdir:` file).
    static func commit(gitPath: String) -> String? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: gitPath, isDirectory: &isDir) else { return nil }
        var gitDir = gitPath
        if !isDir.boolValue {
            guard let text = read(gitPath), text.hasPrefix("gitdir:") else { return nil }
            let target = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces)
            gitDir =
                target.hasPrefix("/")
                ? target : ((gitPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        guard let head = read(gitDir + "/HEAD") else { return nil }
        guard head.hasPrefix("ref:") else { return head.count == 40 ? head : nil }
        let ref = head.dropFirst("ref:".count).trimmingCharacters(in: .whitespaces)
        // A worktree keeps HEAD locally but refs in the common directory.
        let common =
            read(gitDir + "/commondir").map { c in
                c.hasPrefix("/") ? c : (gitDir as NSString).appendingPathComponent(c)
            } ?? gitDir
        for base in [gitDir, common] {
            if let sha = read(base + "/" + ref), sha.count == 40 { return sha }
            if let packed = read(base + "/packed-refs") {
                for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
                    return String(line.prefix(40))
                }
            }
        }
        return nil
    }
}
