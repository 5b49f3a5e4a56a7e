/// A deletion vector's row set, decoded from Delta's serialization (PROTOCOL.md, "Deletion Vector
/// Format"): the magic number 1681511377 (little-endian u32), then a 64-bit RoaringBitmap in the
/// "portable" format of the RoaringFormatSpec (u64 bucket count, then per bucket a u32 key — the
/// high 32 bits, whose top bit must be 0 — and a standard 32-bit RoaringBitmap of the low bits).
///
/// The 32-bit format (RoaringFormatSpec): a cookie 12346 followed by a u32 container count, or
/// cookie 12347 with (count − 1) in its high 16 bits followed by a bitset of run containers; then
/// (u16 key, u16 cardinality − 1) per container; then u32 offsets (absent when run containers exist
/// and there are fewer than 4 containers); then the containers: runs (u16 count, (start, length − 1)
/// pairs), arrays (≤ 4096 sorted u16) or bitsets (1024 little-endian u64).
public struct RoaringBitmapArray: Sendable, Equatable {
    public static let magic: UInt32 = 1_681_511_377

    /// Sorted, distinct row indexes.
    public var rows: [UInt64]

    public init(rows: [UInt64]) { self.rows = rows }

    /// A decode failure, described for the error message of the caller (who names the file).
    public struct Failure: Error, Sendable { public var message: String }

    /// Magic number of Delta Spark's older "native" layout, big-endian framed: the magic, an i32
    /// bitmap count, then per bitmap an i32 byte length and a 32-bit RoaringBitmap whose high 32
    /// bits are its index (the PROTOCOL.md inline example uses it).
    public static let nativeMagic: UInt32 = 1_681_511_376

    /// Decodes magic + 64-bit portable bitmap (or the native layout); every byte must be used.
    public init(deltaBytes b: [UInt8]) throws(Failure) {
        var r = ByteReader(bytes: b)
        let magic = try r.u32()
        if magic.byteSwapped == Self.nativeMagic {
            self.rows = try Self.decodeNative(&r)
            return
        }
        guard magic == Self.magic else {
            throw Failure(
                message: "the bitmap starts with \(magic), not Delta's magic number 1681511377 (or 1681511376)")
        }
        let buckets = try r.u64()
        guard buckets <= UInt64(b.count) else { throw Failure(message: "bucket count \(buckets) exceeds the data") }
        var rows: [UInt64] = []
        var lastKey: Int64 = -1
        for _ in 0..<buckets {
            let key = try r.u32()
            guard key & 0x8000_0000 == 0 else { throw Failure(message: "bucket key \(key) has its top bit set") }
            guard Int64(key) > lastKey else { throw Failure(message: "bucket keys are not ascending") }
            lastKey = Int64(key)
            for low in try Self.decode32(&r) { rows.append(UInt64(key) << 32 | UInt64(low)) }
        }
        guard r.pos == b.count else { throw Failure(message: "\(b.count - r.pos) bytes left after the bitmap") }
        self.rows = rows
    }

    private static func decodeNative(_ r: inout ByteReader) throws(Failure) -> [UInt64] {
        let count = try r.u32().byteSwapped
        guard count < 0x8000_0000, Int(count) <= r.bytes.count else {
            throw Failure(message: "bad bitmap count \(count)")
        }
        var rows: [UInt64] = []
        for key in 0..<UInt64(count) {
            let length = Int(try r.u32().byteSwapped)
            let end = r.pos + length
            for low in try decode32(&r) { rows.append(key << 32 | UInt64(low)) }
            guard r.pos == end else { throw Failure(message: "bitmap \(key) is not \(length) bytes long") }
        }
        guard r.pos == r.bytes.count else {
            throw Failure(message: "\(r.bytes.count - r.pos) bytes left after the bitmaps")
        }
        return rows
    }

    /// One standard 32-bit RoaringBitmap, values ascending.
    static func decode32(_ r: inout ByteReader) throws(Failure) -> [UInt32] {
        let cookie = try r.u32()
        let count: Int
        var runFlags: [UInt8] = []
        if cookie & 0xFFFF == 12347 {
            count = Int(cookie >> 16) + 1
            runFlags = try r.bytes((count + 7) / 8)
        } else if cookie == 12346 {
            count = Int(try r.u32())
        } else {
            throw Failure(message: "unknown RoaringBitmap cookie \(cookie)")
        }
        guard count <= 65_536 else { throw Failure(message: "\(count) containers in one bitmap (at most 65536)") }
        func isRun(_ i: Int) -> Bool { !runFlags.isEmpty && runFlags[i / 8] & (1 << (i % 8)) != 0 }
        var keys: [UInt32] = []
        var cards: [Int] = []
        for _ in 0..<count {
            keys.append(UInt32(try r.u16()))
            cards.append(Int(try r.u16()) + 1)
        }
        if runFlags.isEmpty || count >= 4 { _ = try r.bytes(4 * count) }  // offsets: containers follow in order
        var out: [UInt32] = []
        var lastKey: Int = -1
        for i in 0..<count {
            guard Int(keys[i]) > lastKey else { throw Failure(message: "container keys are not ascending") }
            lastKey = Int(keys[i])
            let high = keys[i] << 16
            let before = out.count
            if isRun(i) {
                let runs = Int(try r.u16())
                for _ in 0..<runs {
                    let start = Int(try r.u16())
                    let length = Int(try r.u16())
                    guard start + length <= 0xFFFF else {
                        throw Failure(message: "a run passes the end of its container")
                    }
                    for v in start...(start + length) { out.append(high | UInt32(v)) }
                }
            } else if cards[i] <= 4096 {
                for _ in 0..<cards[i] { out.append(high | UInt32(try r.u16())) }
            } else {
                for word in 0..<1024 {
                    var w = try r.u64()
                    while w != 0 {
                        let bit = w.trailingZeroBitCount
                        out.append(high | UInt32(word * 64 + bit))
                        w &= w - 1
                    }
                }
            }
            let n = out.count - before
            guard n == cards[i] || isRun(i) else {
                throw Failure(message: "container \(i) holds \(n) values but its header says \(cards[i])")
            }
            for k in (before + 1)..<max(before + 1, out.count) where out[k] <= out[k - 1] {
                throw Failure(message: "container \(i) values are not strictly ascending")
            }
        }
        return out
    }

    /// Serializes `rows` (sorted, distinct) as magic + portable 64-bit bitmap using array and bitset
    /// containers only (no runs), the inverse of `init(deltaBytes:)`. Used for tests and tooling.
    public func deltaBytes() -> [UInt8] {
        var out: [UInt8] = []
        func put32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        func put16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        put32(Self.magic)
        var buckets: [(UInt32, [UInt32])] = []
        for row in rows {
            let key = UInt32(row >> 32)
            if buckets.last?.0 != key { buckets.append((key, [])) }
            buckets[buckets.count - 1].1.append(UInt32(truncatingIfNeeded: row))
        }
        withUnsafeBytes(of: UInt64(buckets.count).littleEndian) { out += $0 }
        for (key, lows) in buckets {
            put32(key)
            var containers: [(UInt16, [UInt16])] = []
            for v in lows {
                let k = UInt16(v >> 16)
                if containers.last?.0 != k { containers.append((k, [])) }
                containers[containers.count - 1].1.append(UInt16(truncatingIfNeeded: v))
            }
            put32(12346)
            put32(UInt32(containers.count))
            for (k, values) in containers {
                put16(k)
                put16(UInt16(values.count - 1))
            }
            var offset = UInt32(8 + 8 * containers.count)
            for (_, values) in containers {
                put32(offset)
                offset += values.count <= 4096 ? UInt32(2 * values.count) : 8192
            }
            for (_, values) in containers {
                if values.count <= 4096 {
                    for v in values { put16(v) }
                } else {
                    var words = [UInt64](repeating: 0, count: 1024)
                    for v in values { words[Int(v) / 64] |= 1 << UInt64(v % 64) }
                    for w in words { withUnsafeBytes(of: w.littleEndian) { out += $0 } }
                }
            }
        }
        return out
    }
}

/// Little-endian cursor over bytes; reading past the end is a decode failure.
struct ByteReader {
    var bytes: [UInt8]
    var pos = 0

    mutating func bytes(_ n: Int) throws(RoaringBitmapArray.Failure) -> [UInt8] {
        guard n >= 0, n <= bytes.count - pos else {
            throw RoaringBitmapArray.Failure(message: "truncated: needs \(n) more bytes at offset \(pos)")
        }
        defer { pos += n }
        return Array(bytes[pos..<pos + n])
    }

    mutating func u16() throws(RoaringBitmapArray.Failure) -> UInt16 {
        let b = try bytes(2)
        return UInt16(b[0]) | UInt16(b[1]) << 8
    }

    mutating func u32() throws(RoaringBitmapArray.Failure) -> UInt32 {
        let b = try bytes(4)
        return b.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func u64() throws(RoaringBitmapArray.Failure) -> UInt64 {
        let b = try bytes(8)
        return b.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}
