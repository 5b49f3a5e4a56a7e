import DeltaStorage
import Dispatch

extension ColumnBatch {
    /// The rows at `indices`, in that order — the strategies' hot-path gather: values are copied
    /// with raw pointers, columns on all cores (same result as `gather`).
    func gatherRows(_ indices: [Int]) -> ColumnBatch {
        if indices.count == rowCount && indices.elementsEqual(0..<rowCount) { return self }
        let out = UnsafeMutableBufferPointer<Column?>.allocate(capacity: columns.count)
        out.initialize(repeating: nil)
        defer { out.deallocate() }
        let slots = UncheckedSendable(out)
        let cols = columns
        DispatchQueue.concurrentPerform(iterations: cols.count) { c in
            slots.value[c] = cols[c].gatherRows(indices)
        }
        return ColumnBatch(schema: schema, columns: out.map { $0! })
    }
}

extension Column {
    func gatherRows(_ indices: [Int]) -> Column {
        let validity = self.validity.map { v in indices.map { v[$0] } }
        switch values {
        case .int32(let v): return Column(.int32(Self.pick(v, indices)), validity: validity)
        case .int64(let v): return Column(.int64(Self.pick(v, indices)), validity: validity)
        case .double(let v): return Column(.double(Self.pick(v, indices)), validity: validity)
        case .boolean(let v): return Column(.boolean(Self.pick(v, indices)), validity: validity)
        case .bytes(let b): return Column(.bytes(b.gatherRows(indices)), validity: validity)
        }
    }

    private static func pick<T>(_ v: [T], _ indices: [Int]) -> [T] {
        v.withUnsafeBufferPointer { src in
            [T](unsafeUninitializedCapacity: indices.count) { dst, count in
                for (k, i) in indices.enumerated() { (dst.baseAddress! + k).initialize(to: src[i]) }
                count = indices.count
            }
        }
    }
}

extension ByteColumn {
    /// The values at `indices`: offsets first, then one copy per value.
    func gatherRows(_ indices: [Int]) -> ByteColumn {
        var offsets = [Int32](repeating: 0, count: indices.count + 1)
        var total: Int32 = 0
        self.offsets.withUnsafeBufferPointer { o in
            for (k, i) in indices.enumerated() {
                total &+= o[i + 1] - o[i]
                offsets[k + 1] = total
            }
        }
        var bytes = [UInt8](repeating: 0, count: Int(total))
        withKeyBuffer { src in
            bytes.withUnsafeMutableBufferPointer { dst in
                guard let d = dst.baseAddress else { return }
                for (k, i) in indices.enumerated() {
                    let lo = Int(src.offsets[i]), len = Int(src.offsets[i + 1]) - lo
                    (d + Int(offsets[k])).update(from: src.bytes + lo, count: len)
                }
            }
        }
        return ByteColumn(bytes: bytes, offsets: offsets)
    }
}
