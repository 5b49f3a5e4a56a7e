import DedupPipeline
import DedupFormats
import DeltaStorage

/// Turns a spec (plus `--set` overrides) into cells and runs, in a deterministic order:
/// the product of the axes as written (first axis outermost; a zip group acts as one axis at the
/// position of its first member), minus `exclude` matches, then `include` cells; duplicates (same
/// id) are kept once. `--set key=value` forces the value in every cell: on an axis it pins it,
/// on any other key it becomes part of every cell's parameters.
public struct ExperimentPlan: Sendable {
    public var spec: ExperimentSpec
    public var overrides: [Override]
    public var cells: [Cell]

    /// A `--set key=value` argument, parsed (value as YAML: `0.1`, `true`, `sha256`, `[1, 2]`).
    public struct Override: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }

        /// Parses `key=value`; a malformed argument is a `SpecError` on file `--set`.
        public static func parse(_ argument: String) throws(SpecError) -> Override {
            guard let eq = argument.firstIndex(of: "=") else {
                throw SpecError(
                    file: "--set", line: 0, column: 0, key: argument, value: nil,
                    expected: "an argument of the form key=value, e.g. generation.scale=10000")
            }
            let key = String(argument[..<eq])
            let text = String(argument[argument.index(after: eq)...])
            guard ExperimentSpec.isValidKey(key) else {
                throw SpecError(
                    file: "--set", line: 0, column: 0, key: key, value: key,
                    expected: "a dotted config key such as generation.scale")
            }
            let reader = SpecReader(file: "--set \(key)")
            let value: JSONValue
            if text.isEmpty {
                value = .string("")
            } else {
                do { value = try reader.value(try reader.compose(text), key) } catch { value = .string(text) }
            }
            return Override(key: key, value: value)
        }
    }

    public init(spec: ExperimentSpec, overrides: [Override] = []) throws(SpecError) {
        self.spec = spec
        self.overrides = overrides
        self.cells = try MatrixExpander.expand(spec, overrides: overrides)
    }

    /// Every run in order: per cell, its warm-ups then its repeats.
    public func runs(includeWarmup: Bool = true, shard: Shard? = nil) -> [PlannedRun] {
        var out: [PlannedRun] = []
        out.reserveCapacity(cells.count * (spec.repeats + spec.warmup))
        for cell in cells where shard?.contains(cell) ?? true {
            let seed0 = RunIdentity.runSeed(experimentSeed: spec.seed, cellID: cell.id, repeat: 0)
            if includeWarmup {
                for w in 0..<spec.warmup {
                    out.append(
                        PlannedRun(cell: cell, repeatIndex: w, isWarmup: true, seed: seed0, runID: "\(cell.id)-w\(w)"))
                }
            }
            for r in 0..<spec.repeats {
                let seed = r == 0 ? seed0 : RunIdentity.runSeed(experimentSeed: spec.seed, cellID: cell.id, repeat: r)
                out.append(
                    PlannedRun(cell: cell, repeatIndex: r, isWarmup: false, seed: seed, runID: "\(cell.id)-\(r)"))
            }
        }
        return out
    }
}

/// `--shard k/n`: this process runs cells whose expansion index ≡ k-1 (mod n).
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `k/n` with 1 ≤ k ≤ n.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        self.init(index: k, count: n)
    }

    public func contains(_ cell: Cell) -> Bool { cell.index % count == index - 1 }
    public var description: String { "\(index)/\(count)" }
}

enum MatrixExpander {
    /// The most cells a matrix may expand to (product plus includes). A bigger matrix is refused
    /// before any cell is built: 10^6 cells already take hours at a second per run, and the
    /// product of a few large axes would otherwise take longer to expand than to read.
    static let maxCells = 1_000_000

    /// The product of the axis sizes plus the include entries, checked for overflow and against
    /// `maxCells`; the error names every axis and its size.
    static func cellCount(_ sizes: [Int], dims: [[String]], includes: Int, spec: ExperimentSpec) throws(SpecError) -> Int {
        var total = 1
        var over = false
        for s in sizes {
            let (p, o) = total.multipliedReportingOverflow(by: s)
            if o || p > maxCells { over = true }
            total = o ? Int.max : min(p, Int.max / 2)
        }
        if over || total + includes > maxCells {
            let axes = zip(dims, sizes).map { "\($0.joined(separator: "+")) (\($1))" }.joined(separator: " × ")
            let product = over ? "more than \(maxCells)" : "\(total + includes)"
            throw SpecError(
                file: spec.file, line: spec.axes.first?.line ?? 0, column: spec.axes.first?.column ?? 0, key: "matrix",
                value: "\(product) cells",
                expected:
                    "at most \(maxCells) cells; the axes are \(axes)\(includes > 0 ? " plus \(includes) include entries" : "") — split the experiment or drop values"
            )
        }
        return total
    }

    static func expand(_ spec: ExperimentSpec, overrides: [ExperimentPlan.Override]) throws(SpecError) -> [Cell] {
        var forced: [String: JSONValue] = [:]
        var forcedOrder: [String] = []
        for o in overrides {
            if forced.updateValue(o.value, forKey: o.key) == nil { forcedOrder.append(o.key) }
        }
        // Dimensions: each a list of keys and the tuples of values they take together.
        var dims: [(keys: [String], tuples: [[JSONValue]])] = []
        var zipped: [String: Int] = [:]
        for (g, group) in spec.zip.enumerated() { for k in group { zipped[k] = g } }
        var doneGroups: Set<Int> = []
        for axis in spec.axes {
            if let g = zipped[axis.key] {
                guard doneGroups.insert(g).inserted else { continue }
                let members = spec.zip[g].compactMap { k in spec.axes.first { $0.key == k } }
                let tuples = (0..<members[0].values.count).map { i in members.map { $0.values[i] } }
                dims.append((members.map(\.key), tuples))
            } else {
                dims.append(([axis.key], axis.values.map { [$0] }))
            }
        }
        // Pin forced axes; a pinned zip member keeps only the tuples that carry its value.
        for d in dims.indices {
            for (pos, key) in dims[d].keys.enumerated() {
                guard let v = forced[key] else { continue }
                if dims[d].keys.count == 1 {
                    dims[d].tuples = [[v]]
                } else {
                    dims[d].tuples = dims[d].tuples.filter { $0[pos].canonicalJSON == v.canonicalJSON }
                    guard !dims[d].tuples.isEmpty else {
                        throw SpecError(
                            file: "--set", line: 0, column: 0, key: key, value: v.text,
                            expected:
                                "a value of the zipped axis \(key) (zipped with \(dims[d].keys.filter { $0 != key }.joined(separator: ", ")))"
                        )
                    }
                }
            }
        }
        let axisKeys = dims.flatMap(\.keys)
        let extraKeys = forcedOrder.filter { !axisKeys.contains($0) }
        var cells: [Cell] = []
        var seen: Set<String> = []
        func add(_ cell: Cell) {
            if seen.insert(cell.id).inserted { cells.append(cell) }
        }
        // Product cells share one key set: their canonical JSON is assembled from pieces
        // serialized once (sorted `"key":` prefixes, each value's JSON), not re-encoded per cell.
        let productKeys = axisKeys + extraKeys
        let sortedSlots = productKeys.indices.sorted { JSONValue.keyOrder(productKeys[$0], productKeys[$1]) }
        let prefixes = productKeys.map { key -> String in
            var s = ""
            JSONValue.writeString(key, to: &s)
            return s + ":"
        }
        let slotOf = Dictionary(uniqueKeysWithValues: productKeys.enumerated().map { ($1, $0) })
        var values = productKeys.map { forced[$0] ?? .null }
        var texts = values.map(\.canonicalJSON)
        let tupleTexts = dims.map { $0.tuples.map { $0.map(\.canonicalJSON) } }
        let excludes = spec.exclude.map { pattern in pattern.map { (slotOf[$0.key] ?? -1, $0.value.canonicalJSON) } }
        let sizes = dims.map(\.tuples.count)
        let total = try cellCount(sizes, dims: dims.map(\.keys), includes: spec.include.count, spec: spec)
        var counters = [Int](repeating: 0, count: dims.count)
        for _ in 0..<total {
            var slot = 0
            for (d, dim) in dims.enumerated() {
                for pos in dim.keys.indices {
                    values[slot] = dim.tuples[counters[d]][pos]
                    texts[slot] = tupleTexts[d][counters[d]][pos]
                    slot += 1
                }
            }
            let excluded = excludes.contains { pattern in pattern.allSatisfy { $0.0 >= 0 && texts[$0.0] == $0.1 } }
            if !excluded {
                var json = "{"
                for (n, i) in sortedSlots.enumerated() {
                    if n > 0 { json += "," }
                    json += prefixes[i]
                    json += texts[i]
                }
                json += "}"
                var params: [String: JSONValue] = [:]
                params.reserveCapacity(productKeys.count)
                for (i, key) in productKeys.enumerated() { params[key] = values[i] }
                add(Cell(index: cells.count, params: params, keys: productKeys, paramsJSON: json + ""))
            }
            var d = dims.count - 1
            while d >= 0 {
                counters[d] += 1
                if counters[d] < sizes[d] { break }
                counters[d] = 0
                d -= 1
            }
        }
        for entry in spec.include {
            var p = entry
            for (k, v) in forced { p[k] = v }
            let keys =
                axisKeys.filter { p[$0] != nil }
                + entry.keys.filter { !axisKeys.contains($0) }.sorted() + extraKeys.filter { entry[$0] == nil }
            add(Cell(index: cells.count, params: p, keys: keys))
        }
        for cell in cells {
            guard case .string(let s)? = cell.params[ExperimentSpec.strategyKey], !s.isEmpty else {
                throw SpecError(
                    file: spec.file, line: spec.axes.first?.line ?? 0, column: spec.axes.first?.column ?? 0,
                    key: "matrix.strategy",
                    value: nil,
                    expected:
                        "every cell to name a strategy: add a 'strategy' axis, set it in each include entry, or pass --set strategy=NAME (cell \(cell.label))"
                )
            }
        }
        return cells
    }
}
