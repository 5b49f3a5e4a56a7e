/// Batch helpers the table layer needs: contiguous row slices, concatenation of many batches,
/// and columns made of one repeated value (partition columns read back from the log).
extension ColumnBatch {
    /// Rows `range` as a new batch (bulk copies; the whole batch is returned as is).
    func rows(_ range: Range<Int>) -> ColumnBatch {
        if range == 0..<rowCount { return self }
        return ColumnBatch(schema: schema, columns: columns.map { $0.rows(range) })
    }

    /// All rows of `batches` in order (one allocation per column). Schemas must be equal.
    static func concatenate(_ batches: [ColumnBatch], schema: Schema) -> ColumnBatch {
        guard batches.count != 1 else { return batches[0] }
        guard !batches.isEmpty else { return .empty(schema) }
        let columns = schema.fields.indices.map { c in Column.concatenate(batches.map { $0.columns[c] }) }
        return ColumnBatch(schema: schema, columns: columns)
    }
}

extension Column {
    func rows(_ r: Range<Int>) -> Column {
        let values: ColumnValues
        switch self.values {
        case .int32(let v): values = .int32(Array(v[r]))
        case .int64(let v): values = .int64(Array(v[r]))
        case .double(let v): values = .double(Array(v[r]))
        case .boolean(let v): values = .boolean(Array(v[r]))
        case .bytes(let b):
            let lo = b.offsets[r.lowerBound]
            let hi = b.offsets[r.upperBound]
            var offsets = [Int32](repeating: 0, count: r.count + 1)
            b.offsets.withUnsafeBufferPointer { src in
                offsets.withUnsafeMutableBufferPointer { dst in
                    for i in 0...r.count { dst[i] = src[r.lowerBound + i] - lo }
                }
            }
            values = .bytes(ByteColumn(bytes: Array(b.bytes[Int(lo)..<Int(hi)]), offsets: offsets))
        }
        let validity = self.validity.flatMap { v -> [Bool]? in
            let slice = Array(v[r])
            return slice.contains(false) ? slice : nil
        }
        return Column(values, validity: validity)
    }

    static func concatenate(_ parts: [Column]) -> Column {
        guard parts.count > 1 else { return parts[0] }
        let total = parts.reduce(0) { $0 + $1.count }
        var validity: [Bool]?
        if parts.contains(where: { $0.validity != nil }) {
            var v: [Bool] = []
            v.reserveCapacity(total)
            for p in parts { v += p.validity ?? Array(repeating: true, count: p.count) }
            validity = v
        }
        func join<T>(_ pick: (Column) -> [T]) -> [T] {
            var out: [T] = []
            out.reserveCapacity(total)
            for p in parts { out += pick(p) }
            return out
        }
        let values: ColumnValues
        switch parts[0].values {
        case .int32:
            values = .int32(
                join { if case .int32(let a) = $0.values { a } else { preconditionFailure("type mismatch") } })
        case .int64:
            values = .int64(
                join { if case .int64(let a) = $0.values { a } else { preconditionFailure("type mismatch") } })
        case .double:
            values = .double(
                join { if case .double(let a) = $0.values { a } else { preconditionFailure("type mismatch") } })
        case .boolean:
            values = .boolean(
                join { if case .boolean(let a) = $0.values { a } else { preconditionFailure("type mismatch") } })
        case .bytes:
            var out = ByteColumn()
            let bytes = parts.reduce(0) { if case .bytes(let b) = $1.values { $0 + b.bytes.count } else { $0 } }
            out.reserve(values: total, bytes: bytes)
            for p in parts { if case .bytes(let b) = p.values { out.append(contentsOf: b) } }
            values = .bytes(out)
        }
        return Column(values, validity: validity)
    }

    /// `count` nulls of `type`.
    static func nulls(_ type: ColumnType, count: Int) -> Column {
        Column(placeholder(type, count), validity: count == 0 ? nil : Array(repeating: false, count: count))
    }

    private static func placeholder(_ type: ColumnType, _ n: Int) -> ColumnValues {
        switch type {
        case .string, .binary: .bytes(ByteColumn(bytes: [], offsets: Array(repeating: 0, count: n + 1)))
        case .long, .timestamp: .int64(Array(repeating: 0, count: n))
        case .integer, .date: .int32(Array(repeating: 0, count: n))
        case .double: .double(Array(repeating: 0, count: n))
        case .boolean: .boolean(Array(repeating: false, count: n))
        }
    }

    /// `count` copies of a partition value given in its Delta string form (nil = null).
    static func repeating(_ text: String?, type: ColumnType, count: Int) -> Column? {
        guard let text, !text.isEmpty else { return nulls(type, count: count) }
        switch type {
        case .string:
            let utf8 = Array(text.utf8)
            var b = ByteColumn()
            b.reserve(values: count, bytes: utf8.count * count)
            for _ in 0..<count { b.append(bytes: utf8) }
            return Column(.bytes(b))
        case .binary: return nil
        case .long: return Int64(text).map { Column(.int64(Array(repeating: $0, count: count))) }
        case .integer: return Int32(text).map { Column(.int32(Array(repeating: $0, count: count))) }
        case .date:
            return DeltaDateTime.parseDate(text).flatMap { Int32(exactly: $0) }.map {
                Column(.int32(Array(repeating: $0, count: count)))
            }
        case .timestamp:
            return DeltaDateTime.parseTimestamp(text).map { Column(.int64(Array(repeating: $0, count: count))) }
        case .double: return Double(text).map { Column(.double(Array(repeating: $0, count: count))) }
        case .boolean:
            switch text.lowercased() {
            case "true": return Column(.boolean(Array(repeating: true, count: count)))
            case "false": return Column(.boolean(Array(repeating: false, count: count)))
            default: return nil
            }
        }
    }
}
