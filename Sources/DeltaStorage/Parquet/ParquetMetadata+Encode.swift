/// Thrift compact serialisation of the footer and page headers (field ids: delta-parquet.md A3).
extension FileMeta {
    func encode(into out: OutputBuffer) {
        var w = ThriftCompactWriter(out)
        w.i32(1, version)
        w.listField(2, element: .structure, size: leaves.count + 1)
        w.beginStructElement()
        w.string(4, rootName)
        w.i32(5, Int32(leaves.count))
        w.endStruct()
        for leaf in leaves { leaf.encode(&w) }
        w.i64(3, numRows)
        w.listField(4, element: .structure, size: rowGroups.count)
        for rg in rowGroups { rg.encode(&w) }
        if let createdBy { w.string(6, createdBy) }
        if writeColumnOrders {
            w.listField(7, element: .structure, size: leaves.count)
            for _ in leaves {
                w.beginStructElement()  // ColumnOrder union
                w.beginStruct(1)  // TYPE_ORDER: TypeDefinedOrder {}
                w.endStruct()
                w.endStruct()
            }
        }
        w.endStruct()
    }
}

extension SchemaLeaf {
    func encode(_ w: inout ThriftCompactWriter) {
        w.beginStructElement()
        w.i32(1, physical.rawValue)
        if let typeLength { w.i32(2, typeLength) }
        w.i32(3, optional ? 1 : 0)
        w.string(4, name)
        if let convertedType { w.i32(6, convertedType) }
        if let logical, logical != .other {
            w.beginStruct(10)
            switch logical {
            case .string:
                w.beginStruct(1)
                w.endStruct()
            case .date:
                w.beginStruct(6)
                w.endStruct()
            case .timestamp(let utc, let unit):
                w.beginStruct(8)
                w.bool(1, utc)
                w.beginStruct(2)
                w.beginStruct(unit.rawValue)
                w.endStruct()
                w.endStruct()
                w.endStruct()
            case .integer(let bits, let signed):
                w.beginStruct(10)
                w.fieldHeader(1, .i8)
                w.out.append(UInt8(bitPattern: bits))
                w.bool(2, signed)
                w.endStruct()
            case .other: break
            }
            w.endStruct()
        }
        w.endStruct()
    }
}

extension RowGroupMeta {
    func encode(_ w: inout ThriftCompactWriter) {
        w.beginStructElement()
        w.listField(1, element: .structure, size: columns.count)
        for c in columns {
            w.beginStructElement()  // ColumnChunk
            w.i64(2, 0)  // file_offset: required, 0 (deprecated meaning)
            w.beginStruct(3)
            c.encode(&w)
            w.endStruct()
            w.endStruct()
        }
        w.i64(2, totalByteSize)
        w.i64(3, numRows)
        if let fileOffset { w.i64(5, fileOffset) }
        if let totalCompressedSize { w.i64(6, totalCompressedSize) }
        if let ordinal {
            w.fieldHeader(7, .i16)  // i16, not i32 (pitfall A11.6)
            w.out.appendVarint(UInt64(ThriftCompactWriter.zigzag32(Int32(ordinal))))
        }
        w.endStruct()
    }
}

extension ColumnChunkMeta {
    /// ColumnMetaData fields (the caller opened the struct).
    func encode(_ w: inout ThriftCompactWriter) {
        w.i32(1, physical.rawValue)
        w.listField(2, element: .i32, size: encodings.count)
        for e in encodings { w.rawI32(e) }
        w.listField(3, element: .binary, size: path.count)
        for p in path { w.rawBinary(Array(p.utf8)) }
        w.i32(4, codec)
        w.i64(5, numValues)
        w.i64(6, totalUncompressedSize)
        w.i64(7, totalCompressedSize)
        w.i64(9, dataPageOffset)
        if let dictionaryPageOffset { w.i64(11, dictionaryPageOffset) }
        if let s = statistics {
            w.beginStruct(12)
            w.i64(3, s.nullCount)
            if let max = s.max { w.binary(5, max) }
            if let min = s.min { w.binary(6, min) }
            w.endStruct()
        }
    }
}

extension PageHeader {
    func encode(into out: OutputBuffer) {
        var w = ThriftCompactWriter(out)
        w.i32(1, type)
        w.i32(2, uncompressedSize)
        w.i32(3, compressedSize)
        if type == PageType.dictionary {
            w.beginStruct(7)
            w.i32(1, numValues)
            w.i32(2, Encoding.plain)
            w.endStruct()
        } else {
            w.beginStruct(5)
            w.i32(1, numValues)
            w.i32(2, encoding)
            w.i32(3, definitionLevelEncoding)
            w.i32(4, repetitionLevelEncoding)
            w.endStruct()
        }
        w.endStruct()
    }
}
