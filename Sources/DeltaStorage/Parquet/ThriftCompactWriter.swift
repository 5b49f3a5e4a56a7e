/// Thrift compact protocol writer for the few structs Parquet needs.
/// Fields must be written in increasing id order inside a struct; unset optionals are omitted.
struct ThriftCompactWriter {
    enum FieldType: UInt8 {
        case boolTrue = 1
        case boolFalse = 2
        case i8 = 3
        case i16 = 4
        case i32 = 5
        case i64 = 6
        case double = 7
        case binary = 8
        case list = 9
        case set = 10
        case map = 11
        case structure = 12
    }

    let out: OutputBuffer
    private var lastId: Int16 = 0
    private var stack: [Int16] = []

    init(_ out: OutputBuffer) { self.out = out }

    static func zigzag32(_ n: Int32) -> UInt32 { UInt32(bitPattern: (n << 1) ^ (n >> 31)) }
    static func zigzag64(_ n: Int64) -> UInt64 { UInt64(bitPattern: (n << 1) ^ (n >> 63)) }

    /// Short form when the id delta is 1…15, else long form (type byte + zigzag i16 id).
    mutating func fieldHeader(_ id: Int16, _ type: FieldType) {
        let delta = Int(id) - Int(lastId)
        if delta > 0 && delta <= 15 {
            out.append(UInt8(delta << 4) | type.rawValue)
        } else {
            out.append(type.rawValue)
            out.appendVarint(UInt64(Self.zigzag32(Int32(id))))
        }
        lastId = id
    }

    mutating func i32(_ id: Int16, _ v: Int32) {
        fieldHeader(id, .i32)
        out.appendVarint(UInt64(Self.zigzag32(v)))
    }

    mutating func i64(_ id: Int16, _ v: Int64) {
        fieldHeader(id, .i64)
        out.appendVarint(Self.zigzag64(v))
    }

    mutating func bool(_ id: Int16, _ v: Bool) { fieldHeader(id, v ? .boolTrue : .boolFalse) }

    mutating func binary(_ id: Int16, _ v: [UInt8]) {
        fieldHeader(id, .binary)
        rawBinary(v)
    }

    mutating func string(_ id: Int16, _ s: String) { binary(id, Array(s.utf8)) }

    /// Opens a nested struct field; close with `endStruct()`.
    mutating func beginStruct(_ id: Int16) {
        fieldHeader(id, .structure)
        beginStructElement()
    }

    /// Opens a struct that is a list element (no field header).
    mutating func beginStructElement() {
        stack.append(lastId)
        lastId = 0
    }

    /// Writes the stop byte and restores the enclosing struct's field id.
    mutating func endStruct() {
        out.append(0)
        lastId = stack.popLast() ?? 0
    }

    /// A list field header; the caller writes `size` elements of `element` type.
    mutating func listField(_ id: Int16, element: FieldType, size: Int) {
        fieldHeader(id, .list)
        listHeader(element: element, size: size)
    }

    func listHeader(element: FieldType, size: Int) {
        if size <= 14 {
            out.append(UInt8(size << 4) | element.rawValue)
        } else {
            out.append(0xF0 | element.rawValue)
            out.appendVarint(UInt64(size))
        }
    }

    /// List element helpers (no field header).
    func rawI32(_ v: Int32) { out.appendVarint(UInt64(Self.zigzag32(v))) }

    func rawBinary(_ v: [UInt8]) {
        out.appendVarint(UInt64(v.count))
        out.append(v)
    }
}
