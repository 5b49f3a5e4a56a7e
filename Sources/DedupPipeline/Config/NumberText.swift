/// Numbers as a user wrote them in a config, for messages: `1000`, not `1000.0`.
enum NumberText {
    static func short(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}
