#if canImport(Glibc)
    import Glibc
#endif

/// A parser for the file source's lines: one flat JSON object per line with the seed's field
/// names. Written for speed (no Foundation, no allocation for valid rows except the column
/// appends): it scans the bytes once, keeps the six known fields and skips any other member
/// (nested values included). Each failure is a short reason for the quarantine file; positions
/// in it are 1-based columns (bytes) within the line, the line itself is recorded beside it.
///
/// Strings are JSON strings (RFC 8259 §7): escapes, `\uXXXX` and surrogate pairs included, are
/// decoded before a value is checked, so `"\u0075ni00001"` is the id `uni00001`.
/// Integers load exactly over each column's whole declared range (`sequence_id` int64,
/// `partition_id` and `value` int32); a value outside it is rejected with the range in the reason.
/// `created_at` follows `Timestamp`'s rule for digits below a microsecond (truncated towards the
/// past, the same for epoch seconds and ISO-8601) and must lie in years 0001–9999.
struct JSONLineParser {
    struct Row {
        var idStart = 0, idLength = 0
        /// The decoded id when the JSON string held escapes (nil: the raw bytes at idStart).
        var id: [UInt8]?
        var sequenceId: Int64 = 0
        var partitionId: Int32 = 0
        var createdAt: Int64 = 0
        var value: Int32 = 0
        var zipStart = 0
        /// The decoded zipcode when the JSON string held escapes.
        var zip: [UInt8]?
    }

    enum Field: Int, CaseIterable {
        case messageId, sequenceId, partitionId, createdAt, value, zipcode
        var name: String {
            switch self {
            case .messageId: "message_id"
            case .sequenceId: "sequence_id"
            case .partitionId: "partition_id"
            case .createdAt: "created_at"
            case .value: "value"
            case .zipcode: "zipcode"
            }
        }
    }

    struct Failure: Error { let reason: String }

    let b: UnsafeBufferPointer<UInt8>
    var i: Int
    let start: Int
    let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        b = bytes
        i = start
        self.start = start
        self.end = end
    }

    static func fail(_ r: String) -> Failure { Failure(reason: r) }

    /// 1-based column of byte `k` within the line.
    func column(_ k: Int) -> Int { k - start + 1 }

    @inline(__always) mutating func skipSpace() {
        while i < end, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x0A { i += 1 }
    }

    @inline(__always) mutating func expect(_ c: UInt8, _ what: String) throws {
        skipSpace()
        guard i < end, b[i] == c else {
            throw JSONLineParser.fail("malformed JSON: expected \(what) at column \(column(i))")
        }
        i += 1
    }

    /// Parses the object; returns the row with byte ranges into the line for the strings.
    mutating func parse() throws -> Row {
        var row = Row()
        var seen = 0  // bit per Field
        try expect(UInt8(ascii: "{"), "'{' (each line must be a JSON object)")
        skipSpace()
        if i < end, b[i] == UInt8(ascii: "}") {
            i += 1
        } else {
            while true {
                skipSpace()
                let (ks, kl, escaped) = try string()
                try expect(UInt8(ascii: ":"), "':'")
                skipSpace()
                let field: Field?
                if escaped {
                    let key = try decoded(ks, kl)
                    field = key.withUnsafeBufferPointer { JSONLineParser.field($0, 0, $0.count) }
                } else {
                    field = JSONLineParser.field(b, ks, kl)
                }
                if let field {
                    guard seen & (1 << field.rawValue) == 0 else {
                        throw JSONLineParser.fail("field \(field.name) appears twice")
                    }
                    seen |= 1 << field.rawValue
                    try read(field, into: &row)
                } else {
                    try skipValue(depth: 0)
                }
                skipSpace()
                guard i < end else { throw JSONLineParser.fail("malformed JSON: unterminated object") }
                if b[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if b[i] == UInt8(ascii: "}") {
                    i += 1
                    break
                }
                throw JSONLineParser.fail("malformed JSON: expected ',' or '}' at column \(column(i))")
            }
        }
        skipSpace()
        guard i == end else {
            throw JSONLineParser.fail("malformed JSON: text after the object at column \(column(i))")
        }
        for f in Field.allCases where seen & (1 << f.rawValue) == 0 {
            throw JSONLineParser.fail("missing field \(f.name)")
        }
        return row
    }

    /// The known field named by the key bytes, by length then bytes (no allocation per key).
    static func field(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ l: Int) -> Field? {
        guard l > 0 else { return nil }
        let p = b.baseAddress! + s
        @inline(__always) func equals(_ name: StaticString) -> Bool {
            memcmp(p, name.utf8Start, l) == 0
        }
        switch l {
        case 5: return equals("value") ? .value : nil
        case 7: return equals("zipcode") ? .zipcode : nil
        case 10:
            if equals("message_id") { return .messageId }
            return equals("created_at") ? .createdAt : nil
        case 11: return equals("sequence_id") ? .sequenceId : nil
        case 12: return equals("partition_id") ? .partitionId : nil
        default: return nil
        }
    }

    static let idRule = "message_id must be 1 to 40 characters of [A-Za-z0-9_.:-]"
    static let zipRule = "zipcode must be a string of 5 digits"

    mutating func read(_ field: Field, into row: inout Row) throws {
        switch field {
        case .messageId:
            guard i < end, b[i] == UInt8(ascii: "\"") else { throw JSONLineParser.fail("message_id must be a string") }
            let (s, l, escaped) = try string()
            if escaped {
                let id = try decoded(s, l)
                guard (1...40).contains(id.count), id.allSatisfy(JSONLineParser.isIdByte) else {
                    throw JSONLineParser.fail(JSONLineParser.idRule)
                }
                row.id = id
            } else {
                guard (1...40).contains(l),
                    UnsafeBufferPointer(rebasing: b[s..<(s + l)]).allSatisfy(JSONLineParser.isIdByte)
                else { throw JSONLineParser.fail(JSONLineParser.idRule) }
            }
            (row.idStart, row.idLength) = (s, l)
        case .sequenceId:
            row.sequenceId = try integer(field, min: Int64.min, max: Int64.max)
        case .partitionId:
            row.partitionId = Int32(try integer(field, min: Int64(Int32.min), max: Int64(Int32.max)))
        case .value:
            row.value = Int32(try integer(field, min: Int64(Int32.min), max: Int64(Int32.max)))
        case .zipcode:
            guard i < end, b[i] == UInt8(ascii: "\"") else { throw JSONLineParser.fail(JSONLineParser.zipRule) }
            let (s, l, escaped) = try string()
            let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
            if escaped {
                let zip = try decoded(s, l)
                guard zip.count == 5, zip.allSatisfy(isDigit) else { throw JSONLineParser.fail(JSONLineParser.zipRule) }
                row.zip = zip
            } else {
                guard l == 5, UnsafeBufferPointer(rebasing: b[s..<(s + 5)]).allSatisfy(isDigit) else {
                    throw JSONLineParser.fail(JSONLineParser.zipRule)
                }
            }
            row.zipStart = s
        case .createdAt:
            let bad = "created_at must be epoch seconds (a number) or an ISO-8601 string"
            let t0 = i
            let us: Int64?
            if i < end, b[i] == UInt8(ascii: "\"") {
                let (s, l, escaped) = try string()
                if escaped {
                    us = try decoded(s, l).withUnsafeBufferPointer { Timestamp.parseISO8601($0) }
                } else {
                    us = Timestamp.parseISO8601(UnsafeBufferPointer(rebasing: b[s..<(s + l)]))
                }
            } else {
                us = try epochMicros()
            }
            guard let us else { throw JSONLineParser.fail("\(bad), got \(text(t0, i))") }
            guard Timestamp.deltaRange.contains(us) else {
                throw JSONLineParser.fail(
                    "created_at \(text(t0, i)) is outside years 0001–9999 (the range Delta readers accept)")
            }
            row.createdAt = us
        }
    }

    /// The line's bytes in [from, to) as text for a reason (cut at 40 bytes).
    func text(_ from: Int, _ to: Int) -> String {
        let stop = min(to, from + 40)
        let t = String(decoding: UnsafeBufferPointer(rebasing: b[from..<stop]), as: UTF8.self)
        return stop < to ? t + "…" : t
    }

    static func isIdByte(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c == 45 || c == 46
            || c == 58
    }

    /// A JSON string starting at `i`; returns the byte range of its raw contents and whether it
    /// contains escapes (then `decoded` gives its value). Escapes are checked here, so a string
    /// with a bad escape is malformed JSON even in a member that is skipped.
    mutating func string() throws -> (Int, Int, Bool) {
        guard i < end, b[i] == UInt8(ascii: "\"") else {
            throw JSONLineParser.fail("malformed JSON: expected a string at column \(column(i))")
        }
        i += 1
        let s = i
        var escaped = false
        while i < end {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return (s, i - 1 - s, escaped)
            }
            if c == UInt8(ascii: "\\") {
                escaped = true
                guard i + 1 < end else { break }
                switch b[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    guard i + 6 <= end, (2..<6).allSatisfy({ JSONLineParser.hex(b[i + $0]) != nil }) else {
                        throw JSONLineParser.fail("malformed JSON: bad \\u escape at column \(column(i))")
                    }
                    i += 6
                default:
                    throw JSONLineParser.fail("malformed JSON: bad escape at column \(column(i))")
                }
                continue
            }
            if c < 0x20 {
                throw JSONLineParser.fail("malformed JSON: control character in a string at column \(column(i))")
            }
            i += 1
        }
        throw JSONLineParser.fail("malformed JSON: unterminated string")
    }

    static func hex(_ c: UInt8) -> UInt32? {
        switch c {
        case 48...57: UInt32(c - 48)
        case 65...70: UInt32(c - 55)
        case 97...102: UInt32(c - 87)
        default: nil
        }
    }

    /// The UTF-8 value of a string's raw contents [s, s+l) whose escapes `string()` validated.
    /// A lone surrogate (`\uD800` without its pair) is not a character: rejected.
    func decoded(_ s: Int, _ l: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(l)
        var k = s
        let e = s + l
        func unit(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 << 4 | JSONLineParser.hex(b[at + $1])! } }
        while k < e {
            let c = b[k]
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                k += 1
                continue
            }
            let kind = b[k + 1]
            k += 2
            switch kind {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = unit(k)
                k += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    guard k + 6 <= e, b[k] == UInt8(ascii: "\\"), b[k + 1] == UInt8(ascii: "u") else {
                        throw JSONLineParser.fail("malformed JSON: unpaired surrogate escape")
                    }
                    let low = unit(k + 2)
                    guard (0xDC00..<0xE000).contains(low) else {
                        throw JSONLineParser.fail("malformed JSON: unpaired surrogate escape")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    k += 6
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw JSONLineParser.fail("malformed JSON: unpaired surrogate escape")
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default: out.append(kind)  // " \ /
            }
        }
        return out
    }

    /// The extent of a JSON number at `i` (validated by grammar), and whether it is an integer.
    mutating func numberToken() throws -> (Int, Int, Bool) {
        let s = i
        if i < end, b[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        while i < end, b[i] >= 48, b[i] <= 57 { i += 1 }
        guard i > intStart else { throw JSONLineParser.fail("malformed JSON: expected a value at column \(column(s))") }
        var isInt = true
        if i < end, b[i] == UInt8(ascii: ".") {
            isInt = false
            i += 1
            let f = i
            while i < end, b[i] >= 48, b[i] <= 57 { i += 1 }
            guard i > f else { throw JSONLineParser.fail("malformed JSON: bad number at column \(column(s))") }
        }
        if i < end, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            isInt = false
            i += 1
            if i < end, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            let e = i
            while i < end, b[i] >= 48, b[i] <= 57 { i += 1 }
            guard i > e else { throw JSONLineParser.fail("malformed JSON: bad number at column \(column(s))") }
        }
        return (s, i - s, isInt)
    }

    /// An integer in [min, max] for `field`, exactly (no 18-digit cut-off, no Double): anything
    /// else — a string, a fraction, an exponent, one past the range — is rejected with the range.
    mutating func integer(_ field: Field, min lo: Int64, max hi: Int64) throws -> Int64 {
        let t0 = i
        let rule = "\(field.name) must be an integer in [\(lo), \(hi)]"
        guard i < end, b[i] == UInt8(ascii: "-") || (b[i] >= 48 && b[i] <= 57) else {
            try skipValue(depth: 0)
            throw JSONLineParser.fail("\(rule), got \(text(t0, i))")
        }
        let (s, l, isInt) = try numberToken()
        guard isInt else { throw JSONLineParser.fail("\(rule), got \(text(t0, i))") }
        var k = s
        let neg = b[k] == UInt8(ascii: "-")
        if neg { k += 1 }
        var magnitude: UInt64 = 0
        var overflow = false
        while k < s + l, !overflow {
            let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(UInt64(b[k] - 48))
            (magnitude, overflow) = (a, o1 || o2)
            k += 1
        }
        // the magnitude of Int64.min is one more than Int64.max
        let value: Int64?
        if overflow {
            value = nil
        } else if neg {
            value = magnitude <= UInt64(1) << 63 ? Int64(bitPattern: 0 &- magnitude) : nil
        } else {
            value = magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
        }
        guard let value, value >= lo, value <= hi else {
            throw JSONLineParser.fail("\(rule), got \(text(t0, i)) (out of range)")
        }
        return value
    }

    /// Epoch seconds as µs, exactly from the decimal digits (fraction and exponent included, no
    /// Double), digits below a µs truncated towards the past (`Timestamp`'s rule). nil when the
    /// value is no number or far outside any valid time; throws for a malformed number.
    mutating func epochMicros() throws -> Int64? {
        guard i < end, b[i] == UInt8(ascii: "-") || (b[i] >= 48 && b[i] <= 57) else {
            try skipValue(depth: 0)
            return nil
        }
        let (s, l, _) = try numberToken()
        var k = s
        let e = s + l
        let neg = b[k] == UInt8(ascii: "-")
        if neg { k += 1 }
        var digits: [UInt8] = []
        var intDigits = 0
        while k < e, b[k] >= 48, b[k] <= 57 {
            digits.append(b[k] - 48)
            intDigits += 1
            k += 1
        }
        if k < e, b[k] == UInt8(ascii: ".") {
            k += 1
            while k < e, b[k] >= 48, b[k] <= 57 {
                digits.append(b[k] - 48)
                k += 1
            }
        }
        var exponent = 0
        if k < e {  // e|E [+-] digits; saturated far beyond any valid time
            k += 1
            var expNeg = false
            if b[k] == UInt8(ascii: "+") || b[k] == UInt8(ascii: "-") {
                expNeg = b[k] == UInt8(ascii: "-")
                k += 1
            }
            while k < e {
                exponent = Swift.min(exponent * 10 + Int(b[k] - 48), 100_000)
                k += 1
            }
            if expNeg { exponent = -exponent }
        }
        // digits[0..<point] are whole microseconds, the rest are below a microsecond
        let point = intDigits + exponent + 6
        var micros: Int64 = 0
        var below = false
        for (n, d) in digits.enumerated() {
            if n < point {
                let (m, o1) = micros.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(d))
                guard !o1, !o2 else { return nil }
                micros = a
            } else if d != 0 {
                below = true
            }
        }
        if point > digits.count, micros != 0 {
            for _ in digits.count..<point {
                let (m, o) = micros.multipliedReportingOverflow(by: 10)
                guard !o else { return nil }
                micros = m
            }
        }
        return neg ? -micros - (below ? 1 : 0) : micros
    }

    mutating func skipValue(depth: Int) throws {
        guard depth < 64 else { throw JSONLineParser.fail("malformed JSON: nesting too deep") }
        skipSpace()
        guard i < end else { throw JSONLineParser.fail("malformed JSON: expected a value") }
        switch b[i] {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = b[i] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            let isObject = close == UInt8(ascii: "}")
            i += 1
            skipSpace()
            if i < end, b[i] == close {
                i += 1
                return
            }
            while true {
                if isObject {
                    skipSpace()
                    _ = try string()
                    try expect(UInt8(ascii: ":"), "':'")
                }
                try skipValue(depth: depth + 1)
                skipSpace()
                guard i < end else { throw JSONLineParser.fail("malformed JSON: unterminated value") }
                if b[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard b[i] == close else {
                    throw JSONLineParser.fail("malformed JSON: unexpected byte at column \(column(i))")
                }
                i += 1
                return
            }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try numberToken()
        }
    }

    mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= end,
            UnsafeBufferPointer(start: word.utf8Start, count: n).elementsEqual(
                UnsafeBufferPointer(rebasing: b[i..<(i + n)]))
        else { throw JSONLineParser.fail("malformed JSON: unexpected byte at column \(column(i))") }
        i += n
    }
}
