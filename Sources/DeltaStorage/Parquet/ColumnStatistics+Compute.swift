#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Min/max/null-count over a row range, and the PLAIN byte form written to the footer.
extension ColumnStatistics {
    /// Statistics of `column[rows]`.
    static func compute(_ column: Column, rows: Range<Int>) -> ColumnStatistics {
        let validity = column.validity
        var nulls = 0
        if let validity {
            for i in rows where !validity[i] { nulls += 1 }
        }
        if nulls == rows.count { return ColumnStatistics(nullCount: nulls, min: nil, max: nil) }
        let minMax: (StatValue, StatValue)?
        switch column.values {
        case .int32(let v):
            minMax = integerMinMax(v, rows, validity).map { (.int(Int64($0.0)), .int(Int64($0.1))) }
        case .int64(let v):
            minMax = integerMinMax(v, rows, validity).map { (.int($0.0), .int($0.1)) }
        case .double(let v):
            minMax = doubleMinMax(v, rows, validity).map { (.double($0.0), .double($0.1)) }
        case .boolean(let v):
            var anyTrue = false
            var anyFalse = false
            for i in rows where validity?[i] ?? true {
                if v[i] { anyTrue = true } else { anyFalse = true }
            }
            minMax = (.bool(!anyFalse), .bool(anyTrue))
        case .bytes(let b):
            minMax = bytesMinMax(b, rows, validity).map { (.bytes($0.0), .bytes($0.1)) }
        }
        return ColumnStatistics(nullCount: nulls, min: minMax?.0, max: minMax?.1)
    }

    private static func integerMinMax<T: FixedWidthInteger>(_ v: [T], _ rows: Range<Int>, _ validity: [Bool]?) -> (
        T, T
    )? {
        v.withUnsafeBufferPointer { p in
            var lo = T.max
            var hi = T.min
            var any = false
            if let validity {
                for i in rows where validity[i] {
                    any = true
                    lo = Swift.min(lo, p[i])
                    hi = Swift.max(hi, p[i])
                }
            } else {
                any = !rows.isEmpty
                for i in rows {
                    lo = Swift.min(lo, p[i])
                    hi = Swift.max(hi, p[i])
                }
            }
            return any ? (lo, hi) : nil
        }
    }

    /// NaN is ignored; a zero minimum is written as -0.0 and a zero maximum as +0.0 (the spec's rule).
    private static func doubleMinMax(_ v: [Double], _ rows: Range<Int>, _ validity: [Bool]?) -> (Double, Double)? {
        var lo = Double.infinity
        var hi = -Double.infinity
        var any = false
        for i in rows where (validity?[i] ?? true) && !v[i].isNaN {
            any = true
            lo = Swift.min(lo, v[i])
            hi = Swift.max(hi, v[i])
        }
        guard any else { return nil }
        return (lo == 0 ? -0.0 : lo, hi == 0 ? 0.0 : hi)
    }

    /// Unsigned byte-wise order (memcmp, then length), never `String` order. The first 8 bytes
    /// are compared as a big-endian word; memcmp runs only on a tie.
    private static func bytesMinMax(_ b: ByteColumn, _ rows: Range<Int>, _ validity: [Bool]?) -> ([UInt8], [UInt8])? {
        b.bytes.withUnsafeBufferPointer { bytes in
            b.offsets.withUnsafeBufferPointer { off in
                let base = bytes.baseAddress
                let end = bytes.count
                @inline(__always) func prefix(_ i: Int) -> UInt64 {
                    let s = Int(off[i])
                    let len = Int(off[i + 1]) - s
                    guard let base, len > 0 else { return 0 }
                    if end - s >= 8 {
                        let w = UInt64(bigEndian: UnsafeRawPointer(base + s).loadUnaligned(as: UInt64.self))
                        return len >= 8 ? w : w & ~(UInt64.max >> UInt64(8 * len))
                    }
                    var w: UInt64 = 0
                    for q in 0..<Swift.min(len, 8) { w |= UInt64(base[s + q]) << UInt64(56 - 8 * q) }
                    return w
                }
                var minI = -1
                var maxI = -1
                var minP: UInt64 = 0
                var maxP: UInt64 = 0
                for i in rows where validity?[i] ?? true {
                    let p = prefix(i)
                    if minI < 0 {
                        (minI, maxI, minP, maxP) = (i, i, p, p)
                        continue
                    }
                    if p < minP || (p == minP && compare(base, off, i, minI) < 0) {
                        minI = i
                        minP = p
                    }
                    if p > maxP || (p == maxP && compare(base, off, i, maxI) > 0) {
                        maxI = i
                        maxP = p
                    }
                }
                guard minI >= 0 else { return nil }
                return (Array(b[minI]), Array(b[maxI]))
            }
        }
    }

    @inline(__always)
    private static func compare(
        _ base: UnsafePointer<UInt8>?, _ off: UnsafeBufferPointer<Int32>, _ i: Int, _ j: Int
    ) -> Int32 {
        let li = Int(off[i + 1] - off[i])
        let lj = Int(off[j + 1] - off[j])
        let n = Swift.min(li, lj)
        if n > 0, let base {
            let c = memcmp(base + Int(off[i]), base + Int(off[j]), n)
            if c != 0 { return c }
        }
        return li < lj ? -1 : (li > lj ? 1 : 0)
    }

    /// Combines the statistics of two row ranges of the same column.
    func merged(with o: ColumnStatistics) -> ColumnStatistics {
        func pick(_ a: StatValue?, _ b: StatValue?, wantLess: Bool) -> StatValue? {
            guard let a else { return b }
            guard let b else { return a }
            return StatValue.less(b, a) == wantLess ? b : a
        }
        return ColumnStatistics(
            nullCount: nullCount + o.nullCount, min: pick(min, o.min, wantLess: true),
            max: pick(max, o.max, wantLess: false))
    }

    /// The footer form: PLAIN bytes of min/max for `physical`.
    func encoded(physical: PhysicalType) -> StatisticsBytes {
        StatisticsBytes(nullCount: Int64(nullCount), min: min?.plainBytes(physical), max: max?.plainBytes(physical))
    }
}

extension StatValue {
    /// Strict order within one case (ints, doubles, unsigned bytes, false < true).
    static func less(_ a: StatValue, _ b: StatValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.double(let x), .double(let y)): return x < y
        case (.bool(let x), .bool(let y)): return !x && y
        case (.bytes(let x), .bytes(let y)): return x.lexicographicallyPrecedes(y)
        default: return false
        }
    }

    func plainBytes(_ physical: PhysicalType) -> [UInt8] {
        switch self {
        case .int(let v):
            if physical == .int32 {
                return withUnsafeBytes(of: Int32(truncatingIfNeeded: v).littleEndian) { Array($0) }
            }
            return withUnsafeBytes(of: v.littleEndian) { Array($0) }
        case .double(let d): return withUnsafeBytes(of: d.bitPattern.littleEndian) { Array($0) }
        case .bool(let b): return [b ? 1 : 0]
        case .bytes(let b): return b
        }
    }
}
