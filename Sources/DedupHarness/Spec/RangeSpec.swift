import DedupPipeline
import DedupFormats
import Foundation
import DedupYAML

/// A numeric axis written as a range: `{from, to, step}` (linear, inclusive of `to` when a step
/// lands on it) or `{from, to, count, scale: linear|log}` (`count` points including both ends).
///
/// Values are rounded to what the user wrote so they read back exactly: a step range to the
/// decimals of its literals (0.1 + 0.2 gives 0.3); integer literals give integers (for a count
/// range, as long as rounding keeps every point distinct); other count points keep 12 digits.
struct RangeSpec: Equatable {
    enum Scale: String { case linear, log }

    var from: Double
    var to: Double
    var step: Double?
    var count: Int?
    var scale: Scale
    /// Whether from, to (and step) were all integers: the values are then integers too.
    var integral: Bool
    /// Decimal places of the most precise literal (step ranges round to these).
    var decimals: Int

    static let maxValues = 100_000

    static func parse(_ r: SpecReader, _ node: YAMLNode, _ key: String) throws(SpecError) -> RangeSpec {
        let pairs = try r.mapping(node, key)
        try r.checkKeys(pairs, allowed: ["from", "to", "step", "count", "scale"], prefix: key)
        func field(_ k: String) -> YAMLNode? { pairs.first { $0.key == k }?.value }
        let shape = "a range {from, to, step} or {from, to, count, scale: log}"
        guard let fromNode = field("from"), let toNode = field("to") else {
            throw r.error(node, key, value: nil, expected: "'from' and 'to' in \(shape) (a list of values needs [ ])")
        }
        var literals = [fromNode, toNode]
        let from = try r.number(fromNode, "\(key).from", expected: "a number")
        let to = try r.number(toNode, "\(key).to", expected: "a number")
        var spec = RangeSpec(from: from, to: to, step: nil, count: nil, scale: .linear, integral: true, decimals: 0)
        switch (field("step"), field("count")) {
        case (let s?, nil):
            let step = try r.number(s, "\(key).step", expected: "a number ≠ 0 moving from 'from' toward 'to'")
            guard step != 0, (to - from) * step >= 0 else {
                throw r.mismatch(
                    s, "\(key).step",
                    expected: "a number ≠ 0 moving from \(JSONNumber.canonical(from)) toward \(JSONNumber.canonical(to))")
            }
            guard ((to - from) / step).rounded(.down) < Double(maxValues) else {
                throw r.mismatch(s, "\(key).step", expected: "a step giving at most \(maxValues) values")
            }
            spec.step = step
            literals.append(s)
        case (nil, let c?):
            spec.count = Int(try r.integer(c, "\(key).count", min: 1, max: Int64(maxValues)))
        case (_?, _?):
            throw r.error(node, key, value: nil, expected: "either 'step' or 'count', not both")
        case (nil, nil):
            throw r.error(node, key, value: nil, expected: "'step' or 'count' in \(shape)")
        }
        if let s = field("scale") {
            let text = try r.string(s, "\(key).scale")
            guard let scale = Scale(rawValue: text) else {
                throw r.mismatch(s, "\(key).scale", expected: "linear or log")
            }
            guard spec.count != nil || scale == .linear else {
                throw r.mismatch(s, "\(key).scale", expected: "linear with 'step' (a log range needs 'count')")
            }
            if scale == .log, !(from > 0 && to > 0) {
                throw r.error(
                    node, key, value: "from \(JSONNumber.canonical(from)) to \(JSONNumber.canonical(to))",
                    expected: "positive 'from' and 'to' for a log range")
            }
            spec.scale = scale
        }
        for n in literals {
            guard let scalar = n.scalar else { continue }
            if case .int = YAMLScalar.resolve(scalar.text, quoted: scalar.quoted) { continue }
            spec.integral = false
            spec.decimals = max(spec.decimals, decimals(of: scalar.text))
        }
        return spec
    }

    /// Decimal places a literal such as `0.25`, `1e-3` or `2.5E-7` needs.
    static func decimals(of literal: String) -> Int {
        let lower = literal.lowercased()
        let parts = lower.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? lower
        let fraction = mantissa.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        return max(0, fraction - exponent)
    }

    /// The values in order, rounded as described above and without repeats.
    func values() -> [JSONValue] {
        var raw: [Double] = []
        if let step {
            let n = Int(((to - from) / step * (1 + 1e-12)).rounded(.down))
            raw = (0...n).map { from + Double($0) * step }
        } else if let count {
            if count == 1 {
                raw = [from]
            } else {
                raw = (0..<count).map { i in
                    let t = Double(i) / Double(count - 1)
                    if i == 0 { return from }
                    if i == count - 1 { return to }
                    return scale == .log ? exp(log(from) + t * (log(to) - log(from))) : from + t * (to - from)
                }
            }
        }
        // A count range between integers stays integral unless rounding would merge points.
        let asIntegers = integral && Set(raw.map { $0.rounded() }).count == raw.count
        var out: [JSONValue] = []
        var seen: Set<String> = []
        for v in raw {
            let value: JSONValue
            if asIntegers {
                value = .int(Int64(v.rounded()))
            } else if step != nil {
                let scaleFactor = pow(10.0, Double(min(decimals, 15)))
                value = .double((v * scaleFactor).rounded() / scaleFactor)
            } else {
                value = .double(Double(String(format: "%.12g", v)) ?? v)
            }
            if seen.insert(value.canonicalJSON).inserted { out.append(value) }
        }
        return out
    }
}
