/// Splits nested rows into leaf columns with repetition and definition levels (the Dremel
/// "striping" that parquet-format README.md, "Nested Encoding", describes).
struct NestedShredder {
    /// The levels and non-null values of one leaf column.
    struct LeafData {
        var repetition: [UInt8] = []
        var definition: [UInt8] = []
        var int32: [Int32] = []
        var int64: [Int64] = []
        var double: [Double] = []
        var boolean: [Bool] = []
        var bytes = ByteColumn()

        /// The non-null values as a column of `type`.
        func values(_ type: ColumnType) -> ColumnValues {
            switch type {
            case .integer, .date: .int32(int32)
            case .long, .timestamp: .int64(int64)
            case .double: .double(double)
            case .boolean: .boolean(boolean)
            case .string, .binary: .bytes(bytes)
            }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    let layout: NestedLayout
    private(set) var leaves: [LeafData]

    init(layout: NestedLayout) {
        self.layout = layout
        leaves = Array(repeating: LeafData(), count: layout.leaves.count)
    }

    /// Adds one row: a `.structure` with one value per top-level field.
    mutating func add(row: NestedValue, index: Int) throws(Failure) {
        guard case .structure(let values) = row, values.count == layout.roots.count else {
            throw Failure(message: "row \(index): expected a struct of \(layout.roots.count) top-level values")
        }
        for (node, v) in zip(layout.roots, values) { try shred(v, node, rep: 0, row: index) }
    }

    private mutating func shred(_ v: NestedValue, _ node: NestedLayout.Node, rep: Int, row: Int) throws(Failure) {
        switch node {
        case .primitive(let leaf, let name, let nullable, let parentDef, let def, let type):
            if v.isNull {
                guard nullable else { throw Failure(message: "row \(row): \(name) is null but not nullable") }
                emitNull(leaf..<leaf + 1, rep: rep, def: parentDef)
                return
            }
            leaves[leaf].repetition.append(UInt8(rep))
            leaves[leaf].definition.append(UInt8(def))
            switch (type, v) {
            case (.integer, .int(let i)), (.date, .int(let i)):
                guard let x = Int32(exactly: i) else {
                    throw Failure(message: "row \(row): \(name) = \(i) exceeds int32")
                }
                leaves[leaf].int32.append(x)
            case (.long, .int(let i)), (.timestamp, .int(let i)): leaves[leaf].int64.append(i)
            case (.double, .double(let d)): leaves[leaf].double.append(d)
            case (.boolean, .bool(let b)): leaves[leaf].boolean.append(b)
            case (.string, .string(let s)): leaves[leaf].bytes.append(s)
            case (.binary, .binary(let b)), (.string, .binary(let b)): leaves[leaf].bytes.append(bytes: b)
            default: throw Failure(message: "row \(row): \(name) is \(type.rawValue) but the value is \(v)")
            }
        case .group(let name, let nullable, let parentDef, _, let range, let children):
            if v.isNull {
                guard nullable else { throw Failure(message: "row \(row): \(name) is null but not nullable") }
                emitNull(range, rep: rep, def: parentDef)
                return
            }
            guard case .structure(let values) = v, values.count == children.count else {
                throw Failure(message: "row \(row): \(name) expects a struct of \(children.count) fields, got \(v)")
            }
            for (child, cv) in zip(children, values) { try shred(cv, child, rep: rep, row: row) }
        case .repeated(let name, let nullable, let parentDef, let def, let repLevel, let range, let element, let isMap):
            if v.isNull {
                guard nullable else { throw Failure(message: "row \(row): \(name) is null but not nullable") }
                emitNull(range, rep: rep, def: parentDef)
                return
            }
            let items: [NestedValue]
            switch (v, isMap) {
            case (.list(let l), false): items = l
            case (.map(let entries), true): items = entries.map { .structure([$0.key, $0.value]) }
            default: throw Failure(message: "row \(row): \(name) expects a \(isMap ? "map" : "list"), got \(v)")
            }
            if items.isEmpty {
                emitNull(range, rep: rep, def: def)
                return
            }
            for (i, item) in items.enumerated() { try shred(item, element, rep: i == 0 ? rep : repLevel, row: row) }
        }
    }

    /// One level entry without a value for every leaf under a null (or empty) node.
    private mutating func emitNull(_ range: Range<Int>, rep: Int, def: Int) {
        for l in range {
            leaves[l].repetition.append(UInt8(rep))
            leaves[l].definition.append(UInt8(def))
        }
    }
}
