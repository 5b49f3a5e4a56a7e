import Foundation

/// A second line of defence behind id lookups: a path is served only if, with symbolic links and
/// `..` resolved, it lies inside one of the served folders.
enum PathGuard {
    /// The resolved path when it is inside one of `roots` (also resolved), else nil.
    static func contained(_ path: String, in roots: [String]) -> String? {
        guard let resolved = realpath(path) else { return nil }
        return roots.contains { root in
            guard let r = realpath(root) else { return false }
            return resolved == r || resolved.hasPrefix(r.hasSuffix("/") ? r : r + "/")
        } ? resolved : nil
    }

    static func realpath(_ path: String) -> String? {
        guard let p = Foundation.realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
