/// A malformed Thrift or page structure; the reader wraps it in a `ParquetError` naming the file.
struct DecodeError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// Bounds-checked Thrift compact protocol reader over borrowed bytes (valid only inside the
/// `withUnsafeBytes` scope that created it). Unknown fields are skipped.
struct ThriftCompactReader {
    typealias FieldType = ThriftCompactWriter.FieldType

    let bytes: UnsafeRawBufferPointer
    var position: Int
    private var lastId: Int16 = 0
    private var stack: [Int16] = []
    private var depth = 0
    /// The value of the last bool field header (bools live in the type nibble).
    private(set) var boolValue = false

    init(_ bytes: UnsafeRawBufferPointer, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw DecodeError("unexpected end of Thrift data") }
        let b = bytes[position]
        position += 1
        return b
    }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw DecodeError("varint too long") }
        }
    }

    mutating func i64() throws -> Int64 {
        let z = try varint()
        return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
    }

    mutating func i32() throws -> Int32 {
        let v = try i64()
        guard let r = Int32(exactly: v) else { throw DecodeError("i32 out of range: \(v)") }
        return r
    }

    /// An i32 that must be a non-negative size or count.
    mutating func count() throws -> Int {
        let v = try i32()
        guard v >= 0 else { throw DecodeError("negative size \(v)") }
        return Int(v)
    }

    mutating func binary() throws -> [UInt8] {
        let n = try varint()
        guard n <= UInt64(bytes.count - position) else { throw DecodeError("binary length \(n) past end of data") }
        let r = Array(bytes[position..<position + Int(n)])
        position += Int(n)
        return r
    }

    mutating func string() throws -> String { String(decoding: try binary(), as: UTF8.self) }

    /// Enters a struct (its fields follow).
    mutating func beginStruct() throws {
        depth += 1
        if depth > 64 { throw DecodeError("Thrift structs nested too deeply") }
        stack.append(lastId)
        lastId = 0
    }

    /// Next field header, or nil at the stop byte (which also leaves the struct).
    mutating func nextField() throws -> (id: Int16, type: FieldType)? {
        let b = try byte()
        if b == 0 {
            lastId = stack.popLast() ?? 0
            depth -= 1
            return nil
        }
        guard let type = FieldType(rawValue: b & 0x0F) else { throw DecodeError("bad Thrift field type \(b & 0x0F)") }
        let delta = Int16(b >> 4)
        if delta != 0 {
            lastId += delta
        } else {
            let id = try i64()
            guard let id16 = Int16(exactly: id) else { throw DecodeError("bad field id \(id)") }
            lastId = id16
        }
        if type == .boolTrue || type == .boolFalse { boolValue = type == .boolTrue }
        return (lastId, type)
    }

    mutating func listHeader() throws -> (element: FieldType, size: Int) {
        let b = try byte()
        guard let t = FieldType(rawValue: b & 0x0F) else { throw DecodeError("bad Thrift list element type") }
        var size = Int(b >> 4)
        if size == 15 {
            let v = try varint()
            guard v <= UInt64(bytes.count - position) else { throw DecodeError("list size \(v) past end of data") }
            size = Int(v)
        }
        return (t, size)
    }

    /// Skips a value of `type` (for unknown or unused fields).
    mutating func skip(_ type: FieldType) throws {
        switch type {
        case .boolTrue, .boolFalse: return
        case .i8: _ = try byte()
        case .i16, .i32, .i64: _ = try varint()
        case .double:
            guard bytes.count - position >= 8 else { throw DecodeError("unexpected end of Thrift data") }
            position += 8
        case .binary:
            let n = try varint()
            guard n <= UInt64(bytes.count - position) else { throw DecodeError("binary length past end of data") }
            position += Int(n)
        case .list, .set:
            let (t, n) = try listHeader()
            for _ in 0..<n { try skipElement(t) }
        case .map:
            let n = try varint()
            guard n <= UInt64(bytes.count - position) else { throw DecodeError("map size past end of data") }
            if n > 0 {
                let kv = try byte()
                guard let k = FieldType(rawValue: kv >> 4), let v = FieldType(rawValue: kv & 0x0F) else {
                    throw DecodeError("bad Thrift map types")
                }
                for _ in 0..<n {
                    try skipElement(k)
                    try skipElement(v)
                }
            }
        case .structure:
            try beginStruct()
            while let f = try nextField() { try skip(f.type) }
        }
    }

    /// List elements of bool type take one byte each (unlike bool fields).
    private mutating func skipElement(_ type: FieldType) throws {
        if type == .boolTrue || type == .boolFalse { _ = try byte() } else { try skip(type) }
    }
}
