/// Colours (Paul Tol's colour-blind-safe "bright" scheme), point types and dash types per series,
/// so series differ by more than colour and coinciding lines stay visible (different markers).
enum ChartStyle {
    static let colors = ["#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bbbbbb"]
    /// gnuplot point types: filled circle, square, triangle, diamond, pentagon, then open shapes.
    static let points = [7, 5, 9, 13, 15, 6, 4, 8, 12]
    static let dashes = [1, 2, 4, 5, 3]

    static func line(_ i: Int) -> String {
        "lc rgb '\(colors[i % colors.count])' pt \(points[i % points.count]) dt \(dashes[i % dashes.count]) lw 2 ps 1.1"
    }

    /// Phase colours, fixed per phase name so every chart agrees.
    static func phaseColor(_ phase: String) -> String {
        switch phase {
        case "gen_s": return "#4477aa"
        case "hash_s": return "#ccbb44"
        case "dedup_s": return "#ee6677"
        case "write_s": return "#228833"
        case "total_s": return "#aa3377"
        case "wall_s": return "#555555"
        default: return "#bbbbbb"
        }
    }
}
