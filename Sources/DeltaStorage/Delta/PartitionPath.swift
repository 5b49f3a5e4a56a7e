/// Partition directories and log paths: Hive escaping of values, URI encoding of `add.path`, and
/// the string form of partition values (Delta "Partition Value Serialization").
public enum PartitionPath {
    /// Directory name used for a null (or empty-string) partition value.
    public static let nullValue = "__HIVE_DEFAULT_PARTITION__"

    /// Hive/Spark escaping of one partition value for a directory name: each byte 0x01–0x1F, 0x7F
    /// and `"#%'*/:=?\{[]^` becomes `%XX` (uppercase hex); everything else (including non-ASCII) stays.
    public static func hiveEscape(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        for b in value.utf8 {
            if needsHiveEscape(b) {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigit(b >> 4))
                out.append(hexDigit(b & 0xF))
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `col=escaped/col2=escaped` for the given values (nil = null), in partition-column order.
    public static func directory(columns: [String], values: [String?]) -> String {
        zip(columns, values).map { c, v in
            hiveEscape(c) + "=" + ((v == nil || v!.isEmpty) ? nullValue : hiveEscape(v!))
        }.joined(separator: "/")
    }

    /// URI-encodes a relative path for `add.path`: bytes outside `A-Za-z0-9-._~/=` become `%XX`, so
    /// `%` → `%25` and space → `%20`, while `/` and `=` stay literal.
    public static func uriEncode(_ path: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count + 8)
        for b in path.utf8 {
            if isURIKept(b) {
                out.append(b)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigit(b >> 4))
                out.append(hexDigit(b & 0xF))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `%XX` escapes (any case); a malformed escape is kept literally.
    public static func uriDecode(_ s: String) -> String {
        let b = Array(s.utf8)
        guard b.contains(UInt8(ascii: "%")) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "%"), i + 2 < b.count, let hi = hexValue(b[i + 1]), let lo = hexValue(b[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The partition-value string for row `row` of `column` (nil for null), per the Delta protocol:
    /// numbers in decimal, dates `YYYY-MM-DD`, timestamps ISO-8601 UTC with µs, booleans `true`/`false`.
    /// An empty string is null in Delta, so it is returned as nil.
    static func serialize(_ column: Column, type: ColumnType, row: Int) -> String? {
        if column.isNull(row) { return nil }
        switch (column.values, type) {
        case (.int32(let v), .date): return DeltaDateTime.formatDate(days: Int64(v[row]))
        case (.int32(let v), _): return String(v[row])
        case (.int64(let v), .timestamp): return DeltaDateTime.formatPartitionTimestamp(micros: v[row])
        case (.int64(let v), _): return String(v[row])
        case (.double(let v), _): return v[row].description
        case (.boolean(let v), _): return v[row] ? "true" : "false"
        case (.bytes(let v), _):
            let s = v.string(at: row)
            return s.isEmpty ? nil : s
        }
    }

    private static func needsHiveEscape(_ b: UInt8) -> Bool {
        switch b {
        case 0x01...0x1F, 0x7F: true
        case UInt8(ascii: "\""), UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "'"), UInt8(ascii: "*"),
            UInt8(ascii: "/"),
            UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "\\"), UInt8(ascii: "{"),
            UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "^"):
            true
        default: false
        }
    }

    private static func isURIKept(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"),
            UInt8(ascii: "="):
            true
        default: false
        }
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 48 + v : 55 + v }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - 48
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - 87
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - 55
        default: nil
        }
    }
}
