import DeltaStorage
import Dispatch

extension ColumnBatch {
    /// The rows at `indices`, in that order — the strategies' hot-path gather: values are copied
    /// with raw pointers, columns on all cores (same result as `gather`).
    func gatherRows(_ indices: [Int]) -> ColumnBatch { ColumnBatch.gatherRows([self], indices) }

    /// Rows of the concatenation of `parts` (same schema) at `indices`, without building the
    /// concatenation first.
    static func gatherRows(_ parts: [ColumnBatch], _ indices: [Int]) -> ColumnBatch {
        let first = parts[0]
        if parts.count == 1 && indices.count == first.rowCount && indices.elementsEqual(0..<first.rowCount) {
            return first
        }
        var starts: [Int] = []
        var total = 0
        for p in parts {
            starts.append(total)
            total += p.rowCount
        }
        // which part and row each index refers to (parts are few: a linear scan per index is cheap)
        var where_ = [(part: Int32, row: Int32)](repeating: (0, 0), count: indices.count)
        for (k, i) in indices.enumerated() {
            var p = parts.count - 1
            while starts[p] > i { p -= 1 }
            where_[k] = (Int32(p), Int32(i - starts[p]))
        }
        let out = UnsafeMutableBufferPointer<Column?>.allocate(capacity: first.columns.count)
        out.initialize(repeating: nil)
        defer {  // deinitialize first: the slots hold the gathered columns (else every gather leaks)
            out.deinitialize()
            out.deallocate()
        }
        let slots = UncheckedSendable(out)
        let picks = where_
        DispatchQueue.concurrentPerform(iterations: first.columns.count) { c in
            slots.value[c] = Column.gatherRows(parts.map { $0.columns[c] }, picks)
        }
        return ColumnBatch(schema: first.schema, columns: out.map { $0! })
    }
}

extension Column {
    /// Values of the concatenation of `parts` (one type) at `picks` (part, row).
    static func gatherRows(_ parts: [Column], _ picks: [(part: Int32, row: Int32)]) -> Column {
        let validity: [Bool]? =
            parts.allSatisfy({ $0.validity == nil })
            ? nil : picks.map { p in parts[Int(p.part)].validity.map { $0[Int(p.row)] } ?? true }
        switch parts[0].values {
        case .int32:
            return Column(
                .int32(pick(parts, picks) { if case .int32(let v) = $0 { v } else { [] } }), validity: validity)
        case .int64:
            return Column(
                .int64(pick(parts, picks) { if case .int64(let v) = $0 { v } else { [] } }), validity: validity)
        case .double:
            return Column(
                .double(pick(parts, picks) { if case .double(let v) = $0 { v } else { [] } }), validity: validity)
        case .boolean:
            return Column(
                .boolean(pick(parts, picks) { if case .boolean(let v) = $0 { v } else { [] } }), validity: validity)
        case .bytes:
            let cols = parts.map { if case .bytes(let b) = $0.values { b } else { ByteColumn() } }
            return Column(.bytes(ByteColumn.gatherRows(cols, picks)), validity: validity)
        }
    }

    private static func pick<T>(
        _ parts: [Column], _ picks: [(part: Int32, row: Int32)], _ values: (ColumnValues) -> [T]
    ) -> [T] {
        let arrays = parts.map { values($0.values) }
        return [T](unsafeUninitializedCapacity: picks.count) { dst, count in
            // runs of consecutive rows of one part (the common case: most rows kept) copy as blocks
            var k = 0
            while k < picks.count {
                let start = picks[k]
                var end = k + 1
                while end < picks.count && picks[end].part == start.part && picks[end].row == picks[end - 1].row + 1 {
                    end += 1
                }
                arrays[Int(start.part)].withUnsafeBufferPointer { src in
                    (dst.baseAddress! + k).initialize(from: src.baseAddress! + Int(start.row), count: end - k)
                }
                k = end
            }
            count = picks.count
        }
    }
}

extension ByteColumn {
    /// The values at `indices`, in that order.
    func gatherRows(_ indices: [Int]) -> ByteColumn { ByteColumn.gatherRows([self], indices.map { (0, Int32($0)) }) }

    /// Values of the concatenation of `parts` at `picks` (part, row): offsets first, then one
    /// copy per value.
    static func gatherRows(_ parts: [ByteColumn], _ picks: [(part: Int32, row: Int32)]) -> ByteColumn {
        var offsets = [Int32](repeating: 0, count: picks.count + 1)
        var total: Int32 = 0
        for (k, p) in picks.enumerated() {
            let o = parts[Int(p.part)].offsets
            total &+= o[Int(p.row) + 1] - o[Int(p.row)]
            offsets[k + 1] = total
        }
        var bytes = [UInt8](repeating: 0, count: Int(total))
        withKeyBuffers(parts) { buffers in
            bytes.withUnsafeMutableBufferPointer { dst in
                guard let d = dst.baseAddress else { return }
                // runs of consecutive rows of one part copy as one block
                var k = 0
                while k < picks.count {
                    let start = picks[k]
                    var end = k + 1
                    while end < picks.count && picks[end].part == start.part && picks[end].row == picks[end - 1].row + 1
                    { end += 1 }
                    let src = buffers[Int(start.part)]
                    let lo = Int(src.offsets[Int(start.row)])
                    let hi = Int(src.offsets[Int(start.row) + end - k])
                    (d + Int(offsets[k])).update(from: src.bytes + lo, count: hi - lo)
                    k = end
                }
            }
        }
        return ByteColumn(bytes: bytes, offsets: offsets)
    }

    /// Runs `body` with raw buffers of every column (valid only inside `body`).
    static func withKeyBuffers<R>(_ columns: [ByteColumn], _ body: ([KeyBuffer]) -> R) -> R {
        func go(_ i: Int, _ acc: [KeyBuffer]) -> R {
            i == columns.count ? body(acc) : columns[i].withKeyBuffer { go(i + 1, acc + [$0]) }
        }
        return go(0, [])
    }
}
