/// Parsing of the footer and page headers; every length and count is bounds-checked.
extension FileMeta {
    /// `allowNested` keeps groups and repeated fields (read through `NestedParquetReader`);
    /// otherwise only flat schemas are accepted.
    static func decode(_ bytes: UnsafeRawBufferPointer, allowNested: Bool = false) throws -> FileMeta {
        var r = ThriftCompactReader(bytes)
        var version: Int32?
        var elements: [SchemaElementInfo] = []
        var numRows: Int64?
        var rowGroups: [RowGroupMeta]?
        var createdBy: String?
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): version = try r.i32()
            case (2, .list):
                let (t, n) = try r.listHeader()
                guard t == .structure else { throw DecodeError("schema is not a list of structs") }
                for _ in 0..<n { elements.append(try decodeSchemaElement(&r)) }
            case (3, .i64): numRows = try r.i64()
            case (4, .list):
                let (t, n) = try r.listHeader()
                guard t == .structure else { throw DecodeError("row_groups is not a list of structs") }
                var groups: [RowGroupMeta] = []
                for _ in 0..<n { groups.append(try RowGroupMeta.decode(&r)) }
                rowGroups = groups
            case (6, .binary): createdBy = try r.string()
            default: try r.skip(f.type)
            }
        }
        guard let version, let numRows, let rowGroups, let root = elements.first else {
            throw DecodeError("FileMetaData lacks a required field (version, schema, num_rows or row_groups)")
        }
        let leaves = elements.dropFirst().filter { $0.children == nil }.map(\.leaf)
        if !allowNested {
            guard root.children == leaves.count, elements.count == leaves.count + 1 else {
                throw DecodeError("only flat schemas are supported (root must have one child per leaf)")
            }
            for e in elements.dropFirst() where e.repetition == 2 {
                throw DecodeError("column \(e.leaf.name): repeated fields are not supported")
            }
        }
        for rg in rowGroups where rg.columns.count != leaves.count {
            throw DecodeError("row group has \(rg.columns.count) column chunks, schema has \(leaves.count) columns")
        }
        var meta = FileMeta(leaves: leaves, numRows: numRows, rowGroups: rowGroups, createdBy: createdBy)
        meta.version = version
        meta.rootName = root.leaf.name
        if allowNested { meta.schemaElements = elements }
        return meta
    }

    private static func decodeSchemaElement(_ r: inout ThriftCompactReader) throws -> SchemaElementInfo {
        var leaf = SchemaLeaf(name: "", physical: .byteArray, optional: false)
        var physical: PhysicalType?
        var repetition: Int32 = 0
        var children: Int?
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .i32):
                let t = try r.i32()
                guard let p = PhysicalType(rawValue: t) else { throw DecodeError("unknown physical type \(t)") }
                physical = p
            case (2, .i32): leaf.typeLength = try r.i32()
            case (3, .i32): repetition = try r.i32()
            case (4, .binary): leaf.name = try r.string()
            case (5, .i32): children = try r.count()
            case (6, .i32): leaf.convertedType = try r.i32()
            case (10, .structure): leaf.logical = try decodeLogical(&r)
            default: try r.skip(f.type)
            }
        }
        if let physical {
            leaf.physical = physical
        } else if children == nil {
            throw DecodeError("schema element \(leaf.name) has neither a type nor children")
        }
        guard (0...2).contains(repetition) else {
            throw DecodeError("schema element \(leaf.name): unknown repetition type \(repetition)")
        }
        leaf.optional = repetition == 1
        return SchemaElementInfo(leaf: leaf, repetition: repetition, children: children)
    }

    private static func decodeLogical(_ r: inout ThriftCompactReader) throws -> LogicalAnnotation {
        var result = LogicalAnnotation.other
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .structure):
                try r.skip(.structure)
                result = .string
            case (6, .structure):
                try r.skip(.structure)
                result = .date
            case (8, .structure):
                var utc = false
                var unit = LogicalAnnotation.TimeUnit.micros
                try r.beginStruct()
                while let g = try r.nextField() {
                    switch (g.id, g.type) {
                    case (1, .boolTrue), (1, .boolFalse): utc = r.boolValue
                    case (2, .structure):
                        try r.beginStruct()
                        while let u = try r.nextField() {
                            if let tu = LogicalAnnotation.TimeUnit(rawValue: u.id) { unit = tu }
                            try r.skip(u.type)
                        }
                    default: try r.skip(g.type)
                    }
                }
                result = .timestamp(utc: utc, unit: unit)
            default: try r.skip(f.type)
            }
        }
        return result
    }
}

extension RowGroupMeta {
    static func decode(_ r: inout ThriftCompactReader) throws -> RowGroupMeta {
        var columns: [ColumnChunkMeta]?
        var totalByteSize: Int64 = 0
        var numRows: Int64?
        var fileOffset: Int64?
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .list):
                let (t, n) = try r.listHeader()
                guard t == .structure else { throw DecodeError("columns is not a list of structs") }
                var cs: [ColumnChunkMeta] = []
                for _ in 0..<n { cs.append(try decodeColumnChunk(&r)) }
                columns = cs
            case (2, .i64): totalByteSize = try r.i64()
            case (3, .i64): numRows = try r.i64()
            case (5, .i64): fileOffset = try r.i64()
            default: try r.skip(f.type)
            }
        }
        guard let columns, let numRows, numRows >= 0 else { throw DecodeError("row group lacks columns or num_rows") }
        return RowGroupMeta(columns: columns, totalByteSize: totalByteSize, numRows: numRows, fileOffset: fileOffset)
    }

    private static func decodeColumnChunk(_ r: inout ThriftCompactReader) throws -> ColumnChunkMeta {
        var meta: ColumnChunkMeta?
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .binary): throw DecodeError("column chunks in external files (file_path) are not supported")
            case (3, .structure): meta = try decodeColumnMetaData(&r)
            default: try r.skip(f.type)
            }
        }
        guard let meta else { throw DecodeError("column chunk lacks meta_data") }
        return meta
    }

    private static func decodeColumnMetaData(_ r: inout ThriftCompactReader) throws -> ColumnChunkMeta {
        var m = ColumnChunkMeta(
            physical: .byteArray, encodings: [], path: [], codec: 0, numValues: -1, totalUncompressedSize: 0,
            totalCompressedSize: -1, dataPageOffset: -1)
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .i32):
                let t = try r.i32()
                guard let p = PhysicalType(rawValue: t) else { throw DecodeError("unknown physical type \(t)") }
                m.physical = p
            case (2, .list):
                let (_, n) = try r.listHeader()
                for _ in 0..<n { m.encodings.append(try r.i32()) }
            case (3, .list):
                let (_, n) = try r.listHeader()
                for _ in 0..<n { m.path.append(try r.string()) }
            case (4, .i32): m.codec = try r.i32()
            case (5, .i64): m.numValues = try r.i64()
            case (6, .i64): m.totalUncompressedSize = try r.i64()
            case (7, .i64): m.totalCompressedSize = try r.i64()
            case (9, .i64): m.dataPageOffset = try r.i64()
            case (11, .i64): m.dictionaryPageOffset = try r.i64()
            case (12, .structure): m.statistics = try decodeStatistics(&r)
            default: try r.skip(f.type)
            }
        }
        guard m.numValues >= 0, m.totalCompressedSize >= 0, m.dataPageOffset >= 0 else {
            throw DecodeError("column metadata lacks num_values, total_compressed_size or data_page_offset")
        }
        return m
    }

    private static func decodeStatistics(_ r: inout ThriftCompactReader) throws -> StatisticsBytes {
        var s = StatisticsBytes(nullCount: 0)
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (3, .i64): s.nullCount = try r.i64()
            case (5, .binary): s.max = try r.binary()
            case (6, .binary): s.min = try r.binary()
            default: try r.skip(f.type)
            }
        }
        return s
    }
}

extension StatisticsBytes {
    init(nullCount: Int64) { self.init(nullCount: nullCount, min: nil, max: nil) }
}

extension PageHeader {
    /// Parses a page header; `r.position` ends at the first payload byte.
    static func decode(_ r: inout ThriftCompactReader) throws -> PageHeader {
        var h = PageHeader(type: -1, uncompressedSize: -1, compressedSize: -1, numValues: -1, encoding: Encoding.plain)
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): h.type = try r.i32()
            case (2, .i32): h.uncompressedSize = try r.i32()
            case (3, .i32): h.compressedSize = try r.i32()
            case (8, .structure):
                try r.beginStruct()
                while let g = try r.nextField() {
                    switch (g.id, g.type) {
                    case (1, .i32): h.numValues = try r.i32()
                    case (4, .i32): h.encoding = try r.i32()
                    case (5, .i32): h.definitionLevelsByteLength = try r.i32()
                    case (6, .i32): h.repetitionLevelsByteLength = try r.i32()
                    case (7, .boolTrue), (7, .boolFalse): h.isCompressed = r.boolValue
                    default: try r.skip(g.type)
                    }
                }
            case (5, .structure), (7, .structure):
                try r.beginStruct()
                while let g = try r.nextField() {
                    switch (g.id, g.type) {
                    case (1, .i32): h.numValues = try r.i32()
                    case (2, .i32): h.encoding = try r.i32()
                    case (3, .i32) where f.id == 5: h.definitionLevelEncoding = try r.i32()
                    case (4, .i32) where f.id == 5: h.repetitionLevelEncoding = try r.i32()
                    default: try r.skip(g.type)
                    }
                }
            default: try r.skip(f.type)
            }
        }
        guard h.type >= 0, h.uncompressedSize >= 0, h.compressedSize >= 0 else {
            throw DecodeError("page header lacks type or sizes")
        }
        return h
    }
}
