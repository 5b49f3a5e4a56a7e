/// What happened to one planned chart.
public struct ChartOutcome: Sendable {
    public enum Status: Equatable, Sendable {
        /// gnuplot wrote the SVG (and PNG when asked).
        case rendered
        /// Script and data were written, but gnuplot was not available.
        case skipped
        /// gnuplot failed (exit status, timeout, or no output).
        case failed(String)
        /// The request cannot be drawn (unknown axis or metric, no data); nothing was written.
        case invalid(String)
    }

    public var experiment: String
    public var name: String
    /// nil for `invalid` requests.
    public var artifact: ChartArtifact?
    public var status: Status
}
