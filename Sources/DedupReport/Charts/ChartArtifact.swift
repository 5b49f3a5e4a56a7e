/// The files of one chart: a gnuplot script and its data, both deterministic text, which gnuplot
/// turns into `<name>.svg` (and `<name>.png` when asked).
public struct ChartArtifact: Equatable, Sendable {
    /// File base name (a slug; no directory, no extension).
    public var name: String
    public var title: String
    /// One sentence under the chart saying what the bars/lines are.
    public var caption: String
    public var script: String
    public var data: String
    public var png: Bool
    /// The result column on the y axis (phase charts: `wall_s`).
    public var metric: String = ""

    public var scriptFile: String { name + ".gp" }
    public var dataFile: String { name + ".dat" }
    public var svgFile: String { name + ".svg" }
    public var pngFile: String? { png ? name + ".png" : nil }
}
