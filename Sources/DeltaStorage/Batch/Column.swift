/// Variable-length values (strings as UTF-8, binary) stored Arrow-style: one contiguous byte buffer
/// plus `count + 1` offsets. Value `i` is `bytes[offsets[i] ..< offsets[i + 1]]`.
public struct ByteColumn: Sendable, Equatable {
    public var bytes: [UInt8]
    public var offsets: [Int32]

    public init() {
        bytes = []
        offsets = [0]
    }

    public init(bytes: [UInt8], offsets: [Int32]) {
        precondition(!offsets.isEmpty && offsets[0] == 0, "offsets must start with 0")
        self.bytes = bytes
        self.offsets = offsets
    }

    public init<S: Sequence>(_ strings: S) where S.Element == String {
        self.init()
        for s in strings { append(s) }
    }

    public var count: Int { offsets.count - 1 }

    public mutating func reserve(values: Int, bytes byteCount: Int) {
        offsets.reserveCapacity(offsets.count + values)
        bytes.reserveCapacity(bytes.count + byteCount)
    }

    public mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
        offsets.append(Int32(bytes.count))
    }

    public mutating func append<C: Collection>(bytes value: C) where C.Element == UInt8 {
        bytes.append(contentsOf: value)
        offsets.append(Int32(bytes.count))
    }

    /// Appends an empty value (used for null slots, so offsets stay aligned with rows).
    public mutating func appendEmpty() { offsets.append(Int32(bytes.count)) }

    public subscript(i: Int) -> ArraySlice<UInt8> { bytes[Int(offsets[i])..<Int(offsets[i + 1])] }

    public func string(at i: Int) -> String { String(decoding: self[i], as: UTF8.self) }
}

/// The values of one column, one case per physical representation.
/// Strings and binary share `.bytes`; timestamps are µs since the epoch (UTC) in `.int64`;
/// dates are days since the epoch in `.int32`.
public enum ColumnValues: Sendable, Equatable {
    case int32([Int32])
    case int64([Int64])
    case double([Double])
    case boolean([Bool])
    case bytes(ByteColumn)

    public var count: Int {
        switch self {
        case .int32(let v): v.count
        case .int64(let v): v.count
        case .double(let v): v.count
        case .boolean(let v): v.count
        case .bytes(let v): v.count
        }
    }
}

/// A column: values for every row (null slots hold a placeholder) plus an optional validity mask
/// (`nil` = no nulls; `validity[i] == false` = row `i` is null).
public struct Column: Sendable, Equatable {
    public var values: ColumnValues
    public var validity: [Bool]?

    public init(_ values: ColumnValues, validity: [Bool]? = nil) {
        precondition(validity == nil || validity!.count == values.count, "validity length mismatch")
        self.values = values
        self.validity = validity
    }

    public var count: Int { values.count }
    public var nullCount: Int { validity.map { $0.lazy.filter { !$0 }.count } ?? 0 }
    public func isNull(_ i: Int) -> Bool { validity.map { !$0[i] } ?? false }
}

/// A struct-of-arrays batch of rows: the unit every layer passes around.
public struct ColumnBatch: Sendable, Equatable {
    public var schema: Schema
    public var columns: [Column]

    public init(schema: Schema, columns: [Column]) {
        precondition(schema.fields.count == columns.count, "one column per field")
        if let n = columns.first?.count {
            precondition(columns.allSatisfy { $0.count == n }, "all columns must have the same length")
        }
        self.schema = schema
        self.columns = columns
    }

    public var rowCount: Int { columns.first?.count ?? 0 }

    public func column(_ name: String) -> Column? { schema.index(of: name).map { columns[$0] } }
}
