import DedupFormats
import DedupYAML

/// The seed's named scales for `generation.scale` (and `--scale`): `small`=100, `medium`=10,000,
/// `large`=1,000,000, `xlarge`=10,000,000 (day04's `--scale large`). An integer is accepted too.
public enum ScalePreset: String, CaseIterable, Sendable {
    case small, medium, large, xlarge

    /// Messages the preset stands for.
    public var messages: Int {
        switch self {
        case .small: 100
        case .medium: 10_000
        case .large: 1_000_000
        case .xlarge: 10_000_000
        }
    }

    /// `small (100), medium (10000), …` for messages.
    public static let listing = allCases.map { "\($0.rawValue) (\($0.messages))" }.joined(separator: ", ")

    /// An integer ≥ 0 (the largest scale a run may ask for follows `MemoryEstimate`, checked
    /// before running) or a preset name; anything else is an error that lists the presets
    /// and suggests the closest one.
    static func decode(_ r: YAMLReader) throws(InputError) -> Int {
        guard let s = r.scalar, !r.isNull else { throw r.fail(expected) }
        if !s.quoted, YAMLScalar.int(s.text) != nil {
            guard let n = try? r.int(in: 0...Int.max) else { throw r.fail(expected) }
            return n
        }
        if let p = ScalePreset(rawValue: s.text.lowercased()) { return p.messages }
        throw r.fail(expected + Suggestion.hint(for: s.text.lowercased(), in: allCases.map(\.rawValue)))
    }

    static let expected = "a non-negative integer or a preset: \(listing)"
}
