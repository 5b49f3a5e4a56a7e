/// Parquet physical types (Thrift `Type`).
enum PhysicalType: Int32 {
    case boolean = 0
    case int32 = 1
    case int64 = 2
    case int96 = 3
    case float = 4
    case double = 5
    case byteArray = 6
    case fixedLenByteArray = 7
}

/// Thrift `Encoding` values used here.
enum Encoding {
    static let plain: Int32 = 0
    static let plainDictionary: Int32 = 2
    static let rle: Int32 = 3
    static let deltaBinaryPacked: Int32 = 5
    static let rleDictionary: Int32 = 8
}

enum PageType {
    static let data: Int32 = 0
    static let dictionary: Int32 = 2
    static let dataV2: Int32 = 3
}

/// Logical annotations we write or recognise (Thrift `LogicalType` union arms).
enum LogicalAnnotation: Equatable {
    case string, date
    case timestamp(utc: Bool, unit: TimeUnit)
    case integer(bitWidth: Int8, signed: Bool)
    case other

    enum TimeUnit: Int16 {
        case millis = 1
        case micros = 2
        case nanos = 3
    }
}

/// One leaf of a flat schema (the root element is implicit).
struct SchemaLeaf: Equatable {
    var name: String
    var physical: PhysicalType
    var optional: Bool
    var convertedType: Int32?
    var logical: LogicalAnnotation?
    var typeLength: Int32?

    /// The Parquet leaf for a Delta field (mapping documented in delta-parquet.md A5).
    init(field: Field) {
        name = field.name
        optional = field.nullable
        switch field.type {
        case .string:
            physical = .byteArray
            convertedType = 0
            logical = .string
        case .binary: physical = .byteArray
        case .long: physical = .int64
        case .integer: physical = .int32
        case .double: physical = .double
        case .boolean: physical = .boolean
        case .timestamp:
            physical = .int64
            convertedType = 10
            logical = .timestamp(utc: true, unit: .micros)
        case .date:
            physical = .int32
            convertedType = 6
            logical = .date
        }
    }

    init(name: String, physical: PhysicalType, optional: Bool) {
        self.name = name
        self.physical = physical
        self.optional = optional
    }

    /// The Delta type this leaf reads back as, or nil when unsupported.
    var columnType: ColumnType? {
        switch physical {
        case .byteArray:
            return (logical == .string || convertedType == 0) ? .string : .binary
        case .int64:
            if case .timestamp(_, let unit) = logical { return unit == .micros ? .timestamp : nil }
            if convertedType == 10 { return .timestamp }
            if convertedType == 9 { return nil }  // TIMESTAMP_MILLIS: not written by us
            return .long
        case .int32:
            return (logical == .date || convertedType == 6) ? .date : .integer
        case .double: return .double
        case .boolean: return .boolean
        case .int96, .float, .fixedLenByteArray: return nil
        }
    }
}

/// Statistics as stored: PLAIN bytes of min and max (no length prefix).
struct StatisticsBytes: Equatable {
    var nullCount: Int64
    var min: [UInt8]?
    var max: [UInt8]?
}

struct ColumnChunkMeta: Equatable {
    var physical: PhysicalType
    var encodings: [Int32]
    var path: [String]
    var codec: Int32
    var numValues: Int64
    var totalUncompressedSize: Int64
    var totalCompressedSize: Int64
    var dataPageOffset: Int64
    var dictionaryPageOffset: Int64?
    var statistics: StatisticsBytes?

    /// The chunk's first byte (dictionary page when present).
    var startOffset: Int64 {
        if let d = dictionaryPageOffset, d < dataPageOffset { return d }
        return dataPageOffset
    }
}

struct RowGroupMeta: Equatable {
    var columns: [ColumnChunkMeta]
    var totalByteSize: Int64
    var numRows: Int64
    var fileOffset: Int64?
    var totalCompressedSize: Int64?
    var ordinal: Int16?
}

/// One schema element as read from a footer: the leaf fields (name, annotations, and for
/// primitives the physical type), the repetition (0 REQUIRED, 1 OPTIONAL, 2 REPEATED) and, for
/// groups, the number of children.
struct SchemaElementInfo: Equatable {
    var leaf: SchemaLeaf
    var repetition: Int32
    var children: Int?
}

struct FileMeta: Equatable {
    var version: Int32 = 1
    /// Every schema element, root first, depth first (filled only when nested schemas are allowed).
    var schemaElements: [SchemaElementInfo] = []
    var leaves: [SchemaLeaf]
    var rootName: String = "schema"
    var numRows: Int64
    var rowGroups: [RowGroupMeta]
    var createdBy: String?
    var writeColumnOrders: Bool = true
}

/// A page header (data page v1 or dictionary page).
struct PageHeader: Equatable {
    var type: Int32
    var uncompressedSize: Int32
    var compressedSize: Int32
    var numValues: Int32
    var encoding: Int32
    var definitionLevelEncoding: Int32 = Encoding.rle
    var repetitionLevelEncoding: Int32 = Encoding.rle
    /// Data page v2 only (read, never written): level byte lengths and whether values are compressed.
    var definitionLevelsByteLength: Int32 = 0
    var repetitionLevelsByteLength: Int32 = 0
    var isCompressed = true
}
