/// How to read one expected field from the file's columns (the projection of
/// `NestedParquetReader.read`). `def` values are the definition level at which the node is present.
indirect enum ReadPlan: Sendable {
    /// Not in the file: reads as null.
    case missing
    case primitive(leaf: Int, def: Int, type: ColumnType)
    /// `phantom`: a leaf read only to tell a null struct from a present one when none of the
    /// struct's expected fields is in the file; `repDepth` bounds one instance of it.
    case structure(def: Int, leaves: [Int], children: [ReadPlan], phantom: (leaf: Int, repDepth: Int)?)
    /// A list or map: null below `outerDef`, empty below `itemDef`; items after the first of one
    /// list start with repetition level `repLevel`. A map's element is a struct of key and value.
    case repeated(outerDef: Int, itemDef: Int, repLevel: Int, leaves: [Int], element: ReadPlan, isMap: Bool)

    var leaves: [Int] {
        switch self {
        case .missing: []
        case .primitive(let leaf, _, _): [leaf]
        case .structure(_, let leaves, _, _), .repeated(_, _, _, let leaves, _, _): leaves
        }
    }

    /// Matches an expected type against a file node; appends every leaf it will read to `leaves`.
    /// `content` reads a repeated node's content (the element of a two-level list).
    static func build(
        _ type: NestedType, node: FileNode, nullable: Bool, path: String, leaves: inout [Int], content: Bool = false
    ) throws -> ReadPlan {
        func mismatch(_ found: String) -> DecodeError {
            DecodeError("column \(path): expected \(type.description), found \(found)")
        }
        if node.isRepeated && !content {
            if case .list(let element, _) = type {
                // A bare repeated field is a list of its content (legacy layout).
                let item = try build(
                    element, node: node, nullable: false, path: path + ".element", leaves: &leaves, content: true)
                return .repeated(
                    outerDef: node.def - 1, itemDef: node.def, repLevel: node.rep, leaves: item.leaves, element: item,
                    isMap: false)
            }
            throw mismatch("a repeated field")
        }
        let converted = node.element.leaf.convertedType
        switch type {
        case .primitive(let t):
            guard !node.isGroup else { throw mismatch("a group") }
            guard compatible(t, node.element.leaf.physical) else {
                throw mismatch("Parquet \(node.element.leaf.physical)")
            }
            leaves.append(node.leaves.lowerBound)
            return .primitive(leaf: node.leaves.lowerBound, def: node.def, type: t)
        case .structure(let fields):
            guard node.isGroup, converted != 1, converted != 3 else {
                throw mismatch(node.isGroup ? "a list or map" : "Parquet \(node.element.leaf.physical)")
            }
            var mine: [Int] = []
            var children: [ReadPlan] = []
            for f in fields {
                guard let child = node.children.first(where: { $0.name == f.name }) else {
                    children.append(.missing)
                    continue
                }
                children.append(
                    try build(f.type, node: child, nullable: f.nullable, path: path + "." + f.name, leaves: &mine))
            }
            var phantom: (Int, Int)?
            if mine.isEmpty {
                guard !node.leaves.isEmpty else { throw mismatch("an empty group") }
                phantom = (node.leaves.lowerBound, node.rep)
                mine.append(node.leaves.lowerBound)
            }
            leaves += mine
            return .structure(def: node.def, leaves: mine, children: children, phantom: phantom)
        case .list(let element, _):
            guard node.isGroup, node.children.count == 1, node.children[0].isRepeated, converted != 1 else {
                throw mismatch(node.isGroup ? "a group that is not a list" : "Parquet \(node.element.leaf.physical)")
            }
            let r = node.children[0]
            // Three-level layout unless the repeated group is itself the element (parquet-format
            // LogicalTypes.md backward-compatibility rules: one field named neither `array` nor `<name>_tuple`).
            let threeLevel = r.isGroup && r.children.count == 1 && r.name != "array" && r.name != node.name + "_tuple"
            var mine: [Int] = []
            let item =
                threeLevel
                ? try build(element, node: r.children[0], nullable: true, path: path + ".element", leaves: &mine)
                : try build(element, node: r, nullable: false, path: path + ".element", leaves: &mine, content: true)
            leaves += mine
            return .repeated(
                outerDef: node.def, itemDef: r.def, repLevel: r.rep, leaves: mine, element: item, isMap: false)
        case .map(let key, let value, _):
            guard node.isGroup, node.children.count == 1, node.children[0].isRepeated, node.children[0].isGroup,
                node.children[0].children.count == 2, converted != 3
            else {
                throw mismatch(node.isGroup ? "a group that is not a map" : "Parquet \(node.element.leaf.physical)")
            }
            let r = node.children[0]
            var mine: [Int] = []
            let k = try build(key, node: r.children[0], nullable: false, path: path + ".key", leaves: &mine)
            let v = try build(value, node: r.children[1], nullable: true, path: path + ".value", leaves: &mine)
            leaves += mine
            let entry = ReadPlan.structure(def: r.def, leaves: mine, children: [k, v], phantom: nil)
            return .repeated(
                outerDef: node.def, itemDef: r.def, repLevel: r.rep, leaves: mine, element: entry, isMap: true)
        }
    }

    /// Physical types a Delta type may be read from (integers widen or are range-checked later).
    static func compatible(_ t: ColumnType, _ p: PhysicalType) -> Bool {
        switch t {
        case .string, .binary: p == .byteArray
        case .long, .integer, .timestamp, .date: p == .int32 || p == .int64
        case .double: p == .double
        case .boolean: p == .boolean
        }
    }
}

/// Rebuilds records from decoded leaf columns (the inverse of shredding): walks a `ReadPlan`
/// per row, consuming level entries per leaf. A node is null when its first leaf's definition
/// level is below the node's; a list continues while the next entry repeats at the list's level.
struct RecordAssembler {
    // Levels and values per leaf column (empty for leaves not read), with a cursor each.
    private var repetition: [[UInt8]]
    private var definition: [[UInt8]]
    private var values: [ColumnValues?]
    private var read: [Bool]
    private var entry: [Int]
    private var value: [Int]
    private var maxDef: [Int]
    private let paths: [String]
    private var row = -1

    init(leaves decoded: [Int: DecodedLeaf], paths: [String], maxDefinitions: [Int]) {
        repetition = (0..<paths.count).map { decoded[$0]?.repetition ?? [] }
        definition = (0..<paths.count).map { decoded[$0]?.definition ?? [] }
        values = (0..<paths.count).map { decoded[$0]?.values }
        read = (0..<paths.count).map { decoded[$0] != nil }
        entry = Array(repeating: 0, count: paths.count)
        value = Array(repeating: 0, count: paths.count)
        maxDef = maxDefinitions
        self.paths = paths
    }

    /// Reads the next record's value for `plan`. Call `startRow()` before each record's plans.
    mutating func read(_ plan: ReadPlan) throws -> NestedValue {
        switch plan {
        case .missing: return .null
        case .primitive(let leaf, let def, let type):
            let d = try take(leaf)
            return d == def ? try valueAt(leaf, type) : .null
        case .structure(let def, let leaves, let children, let phantom):
            guard try peek(leaves[0]) >= def else {
                for l in leaves { _ = try take(l) }
                return .null
            }
            var out: [NestedValue] = []
            out.reserveCapacity(children.count)
            for c in children { out.append(try read(c)) }
            if let p = phantom { try skipInstance(p.leaf, repDepth: p.repDepth) }
            return .structure(out)
        case .repeated(let outerDef, let itemDef, let repLevel, let leaves, let element, let isMap):
            let d = try peek(leaves[0])
            if d < itemDef {
                for l in leaves { _ = try take(l) }
                return d < outerDef ? .null : isMap ? .map([]) : .list([])
            }
            var items: [NestedValue] = []
            repeat {
                items.append(try read(element))
            } while nextRepetition(leaves[0]) == repLevel
            if isMap {
                return .map(
                    items.map { item in
                        if case .structure(let kv) = item {
                            NestedValue.MapEntry(kv[0], kv[1])
                        } else {
                            .init(.null, .null)
                        }
                    })
            }
            return .list(items)
        }
    }

    /// Checks that every read leaf starts a new record here (repetition level 0).
    mutating func startRow(_ plans: [ReadPlan]) throws {
        row += 1
        for p in plans {
            for l in p.leaves where entry[l] < repetition[l].count && repetition[l][entry[l]] != 0 {
                throw DecodeError("column \(paths[l]): row \(row) does not start at repetition level 0")
            }
        }
    }

    /// After the last row: no leaf may have entries left (they would belong to no row).
    func checkConsumed() throws {
        for l in 0..<paths.count where read[l] && entry[l] != definition[l].count {
            throw DecodeError(
                "column \(paths[l]): \(definition[l].count - entry[l]) level entries remain after the last row")
        }
    }

    private func peek(_ leaf: Int) throws -> Int {
        let e = entry[leaf]
        guard e < definition[leaf].count else {
            throw DecodeError("column \(paths[leaf]) ends before row \(row) is complete")
        }
        return Int(definition[leaf][e])
    }

    private func nextRepetition(_ leaf: Int) -> Int? {
        let e = entry[leaf]
        return e < repetition[leaf].count ? Int(repetition[leaf][e]) : nil
    }

    /// Consumes one entry; returns its definition level.
    private mutating func take(_ leaf: Int) throws -> Int {
        let d = try peek(leaf)
        entry[leaf] += 1
        return d
    }

    /// One instance of a node at repetition depth `repDepth`: an entry plus the entries that repeat below it.
    private mutating func skipInstance(_ leaf: Int, repDepth: Int) throws {
        let d = try take(leaf)
        if d == maxDef[leaf] { value[leaf] += 1 }
        while let r = nextRepetition(leaf), r > repDepth {
            if try take(leaf) == maxDef[leaf] { value[leaf] += 1 }
        }
    }

    private mutating func valueAt(_ leaf: Int, _ type: ColumnType) throws -> NestedValue {
        let i = value[leaf]
        value[leaf] += 1
        guard let values = values[leaf], i < values.count else {
            throw DecodeError("column \(paths[leaf]): fewer values than definition levels announce")
        }
        switch values {
        case .int32(let v): return .int(Int64(v[i]))
        case .int64(let v): return .int(v[i])
        case .double(let v): return .double(v[i])
        case .boolean(let v): return .bool(v[i])
        case .bytes(let b):
            if type == .string {
                guard let s = String(validating: b[i], as: UTF8.self) else {
                    throw DecodeError("column \(paths[leaf]), row \(row): a string value is not valid UTF-8")
                }
                return .string(s)
            }
            return .binary(Array(b[i]))
        }
    }
}
