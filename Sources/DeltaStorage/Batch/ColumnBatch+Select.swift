extension ByteColumn {
    /// The values at `indices`, in that order.
    public func gather(_ indices: [Int]) -> ByteColumn {
        var total = 0
        for i in indices { total += Int(offsets[i + 1] - offsets[i]) }
        var out = ByteColumn()
        out.reserve(values: indices.count, bytes: total)
        bytes.withUnsafeBufferPointer { src in
            for i in indices {
                out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: src[Int(offsets[i])..<Int(offsets[i + 1])]))
                out.offsets.append(Int32(out.bytes.count))
            }
        }
        return out
    }

    public mutating func append(contentsOf other: ByteColumn) {
        let base = Int32(bytes.count)
        bytes.append(contentsOf: other.bytes)
        offsets.reserveCapacity(offsets.count + other.count)
        for k in 1..<other.offsets.count { offsets.append(base + other.offsets[k]) }
    }
}

extension ColumnValues {
    public func gather(_ indices: [Int]) -> ColumnValues {
        switch self {
        case .int32(let v): .int32(indices.map { v[$0] })
        case .int64(let v): .int64(indices.map { v[$0] })
        case .double(let v): .double(indices.map { v[$0] })
        case .boolean(let v): .boolean(indices.map { v[$0] })
        case .bytes(let v): .bytes(v.gather(indices))
        }
    }

    /// Concatenation of two value arrays of the same case.
    public func appending(_ other: ColumnValues) -> ColumnValues {
        switch (self, other) {
        case (.int32(let a), .int32(let b)): return .int32(a + b)
        case (.int64(let a), .int64(let b)): return .int64(a + b)
        case (.double(let a), .double(let b)): return .double(a + b)
        case (.boolean(let a), .boolean(let b)): return .boolean(a + b)
        case (.bytes(var a), .bytes(let b)):
            a.append(contentsOf: b)
            return .bytes(a)
        default: preconditionFailure("cannot concatenate columns of different types")
        }
    }
}

extension Column {
    public func gather(_ indices: [Int]) -> Column {
        Column(values.gather(indices), validity: validity.map { v in indices.map { v[$0] } })
    }

    public func appending(_ other: Column) -> Column {
        let validity: [Bool]? =
            (self.validity == nil && other.validity == nil)
            ? nil
            : (self.validity ?? Array(repeating: true, count: count))
                + (other.validity ?? Array(repeating: true, count: other.count))
        return Column(values.appending(other.values), validity: validity)
    }
}

extension ColumnBatch {
    /// The rows at `indices`, in that order (a gather; indices may repeat).
    public func gather(_ indices: [Int]) -> ColumnBatch {
        ColumnBatch(schema: schema, columns: columns.map { $0.gather(indices) })
    }

    /// Only the named columns, in the order given.
    public func selecting(_ names: [String]) -> ColumnBatch {
        let idx = names.map { n in
            guard let i = schema.index(of: n) else { preconditionFailure("no column \(n)") }
            return i
        }
        return ColumnBatch(schema: Schema(idx.map { schema.fields[$0] }), columns: idx.map { columns[$0] })
    }

    /// Rows of `self` followed by rows of `other` (schemas must match).
    public func appending(_ other: ColumnBatch) -> ColumnBatch {
        precondition(schema == other.schema, "schemas differ")
        return ColumnBatch(schema: schema, columns: zip(columns, other.columns).map { $0.appending($1) })
    }

    /// An empty batch with this schema.
    public static func empty(_ schema: Schema) -> ColumnBatch {
        ColumnBatch(
            schema: schema,
            columns: schema.fields.map { f in
                switch f.type {
                case .string, .binary: Column(.bytes(ByteColumn()))
                case .long, .timestamp: Column(.int64([]))
                case .integer, .date: Column(.int32([]))
                case .double: Column(.double([]))
                case .boolean: Column(.boolean([]))
                }
            })
    }
}
