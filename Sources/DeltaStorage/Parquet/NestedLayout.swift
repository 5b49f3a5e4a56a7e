/// How a nested schema maps onto Parquet: schema elements (depth first), leaf columns with their
/// maximum repetition and definition levels, and a tree the shredder walks.
///
/// Layout rules (parquet-format LogicalTypes.md, "Lists" and "Maps"; the form Spark, arrow-rs and
/// parquet-mr write): a struct is a group; a list is `<rep> group name (LIST) { repeated group list
/// { <rep> element } }`; a map is `<rep> group name (MAP) { repeated group key_value { required
/// key; <rep> value } }`. A nullable node adds one definition level; a repeated group adds one
/// definition and one repetition level.
struct NestedLayout {
    /// One Parquet `SchemaElement` (root excluded).
    struct Element {
        var name: String
        /// 0 REQUIRED, 1 OPTIONAL, 2 REPEATED.
        var repetition: Int32
        var children: Int?
        /// Primitive leaves: physical type and annotations.
        var leaf: SchemaLeaf?
        /// Groups: converted type (MAP = 1, LIST = 3) and the matching logical type arm (MAP = 2, LIST = 3).
        var groupAnnotation: Int32?
    }

    /// A leaf column.
    struct Leaf {
        var path: [String]
        var type: ColumnType
        var physical: PhysicalType
        var maxRepetition: Int
        var maxDefinition: Int
    }

    /// The shredding tree. `parentDef` is the definition level of the enclosing present node;
    /// `def` the level once this node is present (`parentDef + 1` when nullable).
    indirect enum Node {
        case primitive(leaf: Int, name: String, nullable: Bool, parentDef: Int, def: Int, type: ColumnType)
        case group(name: String, nullable: Bool, parentDef: Int, def: Int, leaves: Range<Int>, children: [Node])
        /// A list or map: `element` is shredded once per item; items after the first start at `repLevel`.
        case repeated(
            name: String, nullable: Bool, parentDef: Int, def: Int, repLevel: Int, leaves: Range<Int>, element: Node,
            isMap: Bool)
    }

    var elements: [Element] = []
    var leaves: [Leaf] = []
    var roots: [Node] = []

    init(_ fields: [NestedField]) {
        for f in fields { roots.append(add(f, path: [], parentDef: 0, rep: 0)) }
    }

    private mutating func add(_ f: NestedField, path: [String], parentDef: Int, rep: Int) -> Node {
        let def = parentDef + (f.nullable ? 1 : 0)
        let repetition: Int32 = f.nullable ? 1 : 0
        let p = path + [f.name]
        switch f.type {
        case .primitive(let t):
            var leaf = SchemaLeaf(field: Field(f.name, t, nullable: f.nullable))
            leaf.optional = f.nullable
            elements.append(Element(name: f.name, repetition: repetition, children: nil, leaf: leaf))
            leaves.append(Leaf(path: p, type: t, physical: leaf.physical, maxRepetition: rep, maxDefinition: def))
            return .primitive(
                leaf: leaves.count - 1, name: f.name, nullable: f.nullable, parentDef: parentDef, def: def, type: t)
        case .structure(let children):
            elements.append(Element(name: f.name, repetition: repetition, children: children.count))
            let first = leaves.count
            let nodes = children.map { add($0, path: p, parentDef: def, rep: rep) }
            return .group(
                name: f.name, nullable: f.nullable, parentDef: parentDef, def: def, leaves: first..<leaves.count,
                children: nodes)
        case .list(let element, let containsNull):
            elements.append(Element(name: f.name, repetition: repetition, children: 1, groupAnnotation: 3))
            elements.append(Element(name: "list", repetition: 2, children: 1))
            let first = leaves.count
            let item = add(
                NestedField("element", element, nullable: containsNull), path: p + ["list"], parentDef: def + 1,
                rep: rep + 1)
            return .repeated(
                name: f.name, nullable: f.nullable, parentDef: parentDef, def: def, repLevel: rep + 1,
                leaves: first..<leaves.count, element: item, isMap: false)
        case .map(let key, let value, let valueContainsNull):
            elements.append(Element(name: f.name, repetition: repetition, children: 1, groupAnnotation: 1))
            let entry = NestedField(
                "key_value",
                .structure([
                    NestedField("key", key, nullable: false), NestedField("value", value, nullable: valueContainsNull),
                ]),
                nullable: false)
            let first = leaves.count
            // The key_value group is REPEATED, not REQUIRED: add it as a required struct, then fix its repetition.
            let at = elements.count
            let item = add(entry, path: p, parentDef: def + 1, rep: rep + 1)
            elements[at].repetition = 2
            return .repeated(
                name: f.name, nullable: f.nullable, parentDef: parentDef, def: def, repLevel: rep + 1,
                leaves: first..<leaves.count, element: item, isMap: true)
        }
    }
}

extension NestedLayout.Element {
    /// Thrift `SchemaElement` (field ids: parquet.thrift).
    func encode(_ w: inout ThriftCompactWriter) {
        w.beginStructElement()
        if let leaf {
            w.i32(1, leaf.physical.rawValue)
            if let t = leaf.typeLength { w.i32(2, t) }
        }
        w.i32(3, repetition)
        w.string(4, name)
        if let children { w.i32(5, Int32(children)) }
        if let leaf {
            if let c = leaf.convertedType { w.i32(6, c) }
            if let logical = leaf.logical { Self.encodeLogical(logical, &w) }
        } else if let g = groupAnnotation {
            w.i32(6, g)
            w.beginStruct(10)
            w.beginStruct(g == 1 ? 2 : 3)  // LogicalType.MAP = 2, LIST = 3 (empty structs)
            w.endStruct()
            w.endStruct()
        }
        w.endStruct()
    }

    private static func encodeLogical(_ logical: LogicalAnnotation, _ w: inout ThriftCompactWriter) {
        switch logical {
        case .string:
            w.beginStruct(10)
            w.beginStruct(1)
            w.endStruct()
            w.endStruct()
        case .date:
            w.beginStruct(10)
            w.beginStruct(6)
            w.endStruct()
            w.endStruct()
        case .timestamp(let utc, let unit):
            w.beginStruct(10)
            w.beginStruct(8)
            w.bool(1, utc)
            w.beginStruct(2)
            w.beginStruct(unit.rawValue)
            w.endStruct()
            w.endStruct()
            w.endStruct()
            w.endStruct()
        case .integer, .other: break
        }
    }
}
