import DedupYAML
/// `file.max_quarantined`: the rejected input lines a run tolerates, as a count (an integer ≥ 0,
/// e.g. `10`) or as a fraction of the non-blank lines read (a decimal in (0, 1), e.g. `0.01`).
public enum QuarantineLimit: Sendable, Equatable, CustomStringConvertible {
    case count(Int)
    case fraction(Double)

    /// Whether `rejected` of `lines` non-blank lines is within the limit.
    public func allows(rejected: Int, of lines: Int) -> Bool {
        switch self {
        case .count(let n): rejected <= n
        case .fraction(let f): Double(rejected) <= f * Double(lines)
        }
    }

    public var description: String {
        switch self {
        case .count(let n): "\(n) line\(n == 1 ? "" : "s")"
        case .fraction(let f): "\(NumberText.short(f * 100))% of the lines"
        }
    }

    static func decode(_ r: YAMLReader) throws -> QuarantineLimit {
        let expected = "a count of lines (an integer >= 0) or a fraction of the lines read (a decimal in (0, 1))"
        guard let s = r.scalar, !s.quoted else { throw r.fail(expected) }
        if let n64 = YAMLScalar.int(s.text), let n = Int(exactly: n64) {
            guard n >= 0 else { throw r.fail(expected) }
            return .count(n)
        }
        guard let f = YAMLScalar.double(s.text), f.isFinite, f > 0, f < 1 else { throw r.fail(expected) }
        return .fraction(f)
    }
}
