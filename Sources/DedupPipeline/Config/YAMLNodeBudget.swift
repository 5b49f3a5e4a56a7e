import Yams

/// Bounds what a YAML document may expand to. Yams (and libyaml under it) resolve an alias
/// (`*name`) to its anchor's node without limit, so a few lines of nested aliases — the "billion
/// laughs" document — expand to 10^9 nodes and would hang any walk over them. Every reader counts
/// the expanded nodes right after composing and refuses a document past `limit`, in milliseconds
/// (the walk stops at the limit). Real configs, specs and price tables have a few hundred nodes.
public enum YAMLNodeBudget {
    public static let limit = 100_000

    /// nil when `node` expands to at most `limit` nodes; else the line and column (1-based) of the
    /// node where the count went past it.
    public static func excess(_ node: Node, limit: Int = YAMLNodeBudget.limit) -> (line: Int, column: Int)? {
        var count = 0
        var stack = [node]
        while let n = stack.popLast() {
            count += 1
            if count > limit { return (n.mark?.line ?? 0, n.mark?.column ?? 0) }
            switch n {
            case .scalar, .alias: break
            case .sequence(let s): stack.append(contentsOf: s)
            case .mapping(let m):
                for (k, v) in m {
                    stack.append(k)
                    stack.append(v)
                }
            }
        }
        return nil
    }

    /// The sentence for a document over the limit.
    public static let expected =
        "a document of at most \(limit) values once YAML aliases are expanded (nested aliases such as the "
        + "'billion laughs' pattern are refused)"
}
