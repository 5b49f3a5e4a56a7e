#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads files with nested columns (structs, lists, maps): Delta checkpoints written by Spark,
/// delta-rs or dedupbench. The caller names the fields it wants and their expected types; only
/// those leaf columns are decoded, so extra columns (`add.stats_parsed`, `commitInfo`, …) are
/// skipped without being interpreted. A field missing from the file reads as null; a field whose
/// Parquet type does not match the expected one is an error naming the column — never a guess.
///
/// Lists may use the three-level or the legacy two-level layout and maps any key/value names
/// (parquet-format LogicalTypes.md, "Backward-compatibility rules").
public struct NestedParquetReader: Sendable {
    let name: String
    let bytes: [UInt8]
    let meta: FileMeta
    let root: FileNode

    /// Reads the whole file at `path` (checkpoints are read in full anyway).
    public init(path: String) throws {
        let data: [UInt8]
        do {
            data = try FileSystem.readAll(path)
        } catch {
            throw ParquetError(file: path, message: error.message)
        }
        try self.init(bytes: data, name: path)
    }

    /// Reads a file held in memory; `name` is used in error messages.
    public init(bytes: [UInt8], name: String) throws {
        self.name = name
        self.bytes = bytes
        meta = try ParquetReader.readFooter(name: name, size: bytes.count, allowNested: true) { offset, count in
            Array(bytes[offset..<offset + count])
        }
        do {
            var index = 0
            var leaf = 0
            root = try FileNode.build(meta.schemaElements, &index, &leaf, path: [], parentDef: 0, parentRep: 0)
            guard index == meta.schemaElements.count else { throw DecodeError("schema has elements outside the root") }
        } catch let e as DecodeError {
            throw ParquetError(file: name, message: "corrupt schema: \(e.message)")
        }
    }

    public var rowCount: Int { Int(meta.numRows) }

    /// Top-level column names in file order.
    public var topLevelNames: [String] { root.children.map(\.name) }

    /// The rows projected onto `fields`: each row is a `.structure` with one value per field.
    /// Throws `ParquetError` when a present column's type differs from the expected one, or the
    /// data is corrupt.
    public func read(_ fields: [NestedField]) throws -> [NestedValue] {
        var leaves: [Int] = []
        let plans: [ReadPlan]
        do {
            plans = try fields.map { f in
                guard let node = root.children.first(where: { $0.name == f.name }) else { return .missing }
                return try ReadPlan.build(f.type, node: node, nullable: f.nullable, path: f.name, leaves: &leaves)
            }
        } catch let e as DecodeError {
            throw ParquetError(file: name, message: e.message)
        }
        var decoded: [Int: DecodedLeaf] = [:]
        for leaf in Set(leaves).sorted() {
            for (g, rg) in meta.rowGroups.enumerated() {
                let chunk = rg.columns[leaf]
                let info = root.leafInfo[leaf]
                do {
                    let decoder = NestedChunkDecoder(
                        physical: info.physical, maxRepetition: info.maxRepetition,
                        maxDefinition: info.maxDefinition, meta: chunk)
                    let start = Int(chunk.startOffset)
                    let part = try bytes.withUnsafeBytes {
                        try decoder.decode(
                            UnsafeRawBufferPointer(rebasing: $0[start..<start + Int(chunk.totalCompressedSize)]))
                    }
                    decoded[leaf] = decoded[leaf].map { $0.appending(part) } ?? part
                } catch let e as ParquetError {
                    throw e
                } catch {
                    throw ParquetError(
                        file: name, message: "column \(info.path.joined(separator: ".")), row group \(g): \(error)")
                }
            }
        }
        var assembler = RecordAssembler(
            leaves: decoded, paths: root.leafInfo.map { $0.path.joined(separator: ".") },
            maxDefinitions: root.leafInfo.map(\.maxDefinition))
        var rows: [NestedValue] = []
        rows.reserveCapacity(rowCount)
        do {
            for _ in 0..<rowCount {
                try assembler.startRow(plans)
                rows.append(.structure(try plans.map { try assembler.read($0) }))
            }
            try assembler.checkConsumed()
        } catch let e as DecodeError {
            throw ParquetError(file: name, message: e.message)
        }
        return rows
    }
}

/// A node of the file's schema tree with its definition and repetition levels.
struct FileNode: Sendable {
    struct LeafInfo: Sendable {
        var path: [String]
        var physical: PhysicalType
        var maxRepetition: Int
        var maxDefinition: Int
    }

    var name: String
    var element: SchemaElementInfo
    var children: [FileNode]
    /// Definition level once this node is present; repetition depth including this node.
    var def: Int
    var rep: Int
    /// Leaf column indices under this node (a primitive has exactly one).
    var leaves: Range<Int>
    /// Every leaf column under this node, in file order (on the root: all of them).
    var leafInfo: [LeafInfo] = []

    var isRepeated: Bool { element.repetition == 2 }
    var isGroup: Bool { element.children != nil }

    static func build(
        _ elements: [SchemaElementInfo], _ index: inout Int, _ leaf: inout Int, path: [String], parentDef: Int,
        parentRep: Int
    ) throws -> FileNode {
        guard index < elements.count else { throw DecodeError("schema ends inside a group") }
        let e = elements[index]
        let isRoot = index == 0
        index += 1
        let def = isRoot ? 0 : parentDef + (e.repetition == 0 ? 0 : 1)
        let rep = isRoot ? 0 : parentRep + (e.repetition == 2 ? 1 : 0)
        let myPath = isRoot ? [] : path + [e.leaf.name]
        let first = leaf
        var node = FileNode(name: e.leaf.name, element: e, children: [], def: def, rep: rep, leaves: first..<first)
        if let n = e.children {
            guard n <= elements.count - index else { throw DecodeError("group \(e.leaf.name) claims \(n) children") }
            for _ in 0..<n {
                let child = try build(elements, &index, &leaf, path: myPath, parentDef: def, parentRep: rep)
                node.leafInfo += child.leafInfo
                node.children.append(child)
            }
        } else {
            node.leafInfo = [LeafInfo(path: myPath, physical: e.leaf.physical, maxRepetition: rep, maxDefinition: def)]
            leaf += 1
        }
        node.leaves = first..<leaf
        return node
    }
}

extension DecodedLeaf {
    /// This leaf followed by the same leaf from the next row group.
    func appending(_ next: DecodedLeaf) -> DecodedLeaf {
        var out = self
        out.repetition += next.repetition
        out.definition += next.definition
        switch (values, next.values) {
        case (.int32(let a), .int32(let b)): out.values = .int32(a + b)
        case (.int64(let a), .int64(let b)): out.values = .int64(a + b)
        case (.double(let a), .double(let b)): out.values = .double(a + b)
        case (.boolean(let a), .boolean(let b)): out.values = .boolean(a + b)
        case (.bytes(var a), .bytes(let b)):
            a.append(contentsOf: b)
            out.values = .bytes(a)
        default: break
        }
        return out
    }
}
