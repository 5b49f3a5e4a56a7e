import DeltaStorage

/// The rows a strategy writes: the delivered records, the two hash columns and `partition_date`,
/// in this column order (the table schema).
enum TableBatch {
    /// The table schema for records with `recordSchema` and hash columns in `encoding`.
    static func schema(records recordSchema: Schema, encoding: HashEncoding) -> Schema {
        Schema(
            recordSchema.fields + HashColumns.fields(encoding: encoding)
                + [Field(RecordSchema.partitionDate, .date, nullable: false)])
    }

    /// `records` (one micro-batch) with hash columns and partition dates, as `schema`.
    static func make(_ records: ColumnBatch, schema: Schema, hash: HashSettings) -> ColumnBatch {
        let (composite, payload) = HashColumns.compute(records, algorithm: hash.algorithm, encoding: hash.encoding)
        guard case .int64(let created) = records.column(RecordSchema.createdAt)?.values else {
            preconditionFailure("records have no created_at timestamp column")
        }
        let dates = Column(.int32(RecordSchema.partitionDates(createdAt: created)))
        return ColumnBatch(schema: schema, columns: records.columns + [composite, payload, dates])
    }
}

extension ColumnBatch {
    /// Rows `range` as a new batch (contiguous copies).
    func rowSlice(_ range: Range<Int>) -> ColumnBatch {
        if range == 0..<rowCount { return self }
        return ColumnBatch(schema: schema, columns: columns.map { $0.rowSlice(range) })
    }
}

extension Column {
    func rowSlice(_ r: Range<Int>) -> Column {
        let validity = self.validity.map { Array($0[r]) }
        switch values {
        case .int32(let v): return Column(.int32(Array(v[r])), validity: validity)
        case .int64(let v): return Column(.int64(Array(v[r])), validity: validity)
        case .double(let v): return Column(.double(Array(v[r])), validity: validity)
        case .boolean(let v): return Column(.boolean(Array(v[r])), validity: validity)
        case .bytes(let b):
            let lo = b.offsets[r.lowerBound]
            let offsets = b.offsets[r.lowerBound...r.upperBound].map { $0 - lo }
            let bytes = Array(b.bytes[Int(lo)..<Int(b.offsets[r.upperBound])])
            return Column(.bytes(ByteColumn(bytes: bytes, offsets: offsets)), validity: validity)
        }
    }
}
