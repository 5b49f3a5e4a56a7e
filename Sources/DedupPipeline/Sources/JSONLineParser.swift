#if canImport(Glibc)
    import Glibc
#endif

/// A parser for the file source's lines: one flat JSON object per line with the seed's field
/// names. Written for speed (no Foundation, no allocation for valid rows except the column
/// appends): it scans the bytes once, keeps the six known fields and skips any other member
/// (nested values included). Each failure is a short reason for the quarantine file.
struct JSONLineParser {
    struct Row {
        var idStart = 0, idLength = 0
        var sequenceId: Int64 = 0
        var partitionId: Int32 = 0
        var createdAt: Int64 = 0
        var value: Int32 = 0
        var zipStart = 0
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
    let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        b = bytes
        i = start
        self.end = end
    }

    static func fail(_ r: String) -> Failure { Failure(reason: r) }

    @inline(__always) mutating func skipSpace() {
        while i < end, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x0A { i += 1 }
    }

    @inline(__always) mutating func expect(_ c: UInt8, _ what: String) throws {
        skipSpace()
        guard i < end, b[i] == c else { throw JSONLineParser.fail("malformed JSON: expected \(what) at byte \(i)") }
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
                let field = escaped ? nil : JSONLineParser.field(b, ks, kl)
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
                throw JSONLineParser.fail("malformed JSON: expected ',' or '}' at byte \(i)")
            }
        }
        skipSpace()
        guard i == end else { throw JSONLineParser.fail("malformed JSON: text after the object at byte \(i)") }
        for f in Field.allCases where seen & (1 << f.rawValue) == 0 {
            throw JSONLineParser.fail("missing field \(f.name)")
        }
        return row
    }

    /// The known field named by the key bytes, by length then bytes (no allocation per key).
    static func field(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ l: Int) -> Field? {
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

    mutating func read(_ field: Field, into row: inout Row) throws {
        switch field {
        case .messageId:
            guard i < end, b[i] == UInt8(ascii: "\"") else { throw JSONLineParser.fail("message_id must be a string") }
            let (s, l, escaped) = try string()
            guard !escaped, (1...40).contains(l),
                UnsafeBufferPointer(rebasing: b[s..<(s + l)]).allSatisfy(JSONLineParser.isIdByte)
            else { throw JSONLineParser.fail("message_id must be 1 to 40 characters of [A-Za-z0-9_.:-]") }
            (row.idStart, row.idLength) = (s, l)
        case .sequenceId:
            guard let v = try integer(), v >= 0 else {
                throw JSONLineParser.fail("sequence_id must be a non-negative integer")
            }
            row.sequenceId = v
        case .partitionId:
            guard let v = try integer(), v >= 0, v <= Int64(Int32.max) else {
                throw JSONLineParser.fail("partition_id must be an integer in [0, \(Int32.max)]")
            }
            row.partitionId = Int32(v)
        case .value:
            guard let v = try integer(), v >= Int64(Int32.min), v <= Int64(Int32.max) else {
                throw JSONLineParser.fail("value must be a 32-bit integer")
            }
            row.value = Int32(v)
        case .zipcode:
            guard i < end, b[i] == UInt8(ascii: "\"") else {
                throw JSONLineParser.fail("zipcode must be a string of 5 digits")
            }
            let (s, l, _) = try string()
            guard l == 5, UnsafeBufferPointer(rebasing: b[s..<(s + 5)]).allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                throw JSONLineParser.fail("zipcode must be a string of 5 digits")
            }
            row.zipStart = s
        case .createdAt:
            let bad = "created_at must be epoch seconds (a number) or an ISO-8601 string"
            if i < end, b[i] == UInt8(ascii: "\"") {
                let (s, l, escaped) = try string()
                guard !escaped, let us = Timestamp.parseISO8601(UnsafeBufferPointer(rebasing: b[s..<(s + l)])) else {
                    throw JSONLineParser.fail(bad)
                }
                row.createdAt = us
            } else {
                guard let us = try epochMicros() else { throw JSONLineParser.fail(bad) }
                row.createdAt = us
            }
        }
    }

    static func isIdByte(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c == 45 || c == 46
            || c == 58
    }

    /// A JSON string starting at `i`; returns the byte range of its raw contents and whether it
    /// contained escapes (escaped strings are never valid ids, keys of interest or timestamps).
    mutating func string() throws -> (Int, Int, Bool) {
        guard i < end, b[i] == UInt8(ascii: "\"") else {
            throw JSONLineParser.fail("malformed JSON: expected a string at byte \(i)")
        }
        i += 1
        let start = i
        var escaped = false
        while i < end {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return (start, i - 1 - start, escaped)
            }
            if c == UInt8(ascii: "\\") {
                escaped = true
                i += 2
                continue
            }
            if c < 0x20 { throw JSONLineParser.fail("malformed JSON: control character in a string") }
            i += 1
        }
        throw JSONLineParser.fail("malformed JSON: unterminated string")
    }

    /// The extent of a JSON number at `i` (validated by grammar), and whether it is an integer.
    mutating func numberToken() throws -> (Int, Int, Bool) {
        let start = i
        if i < end, b[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        while i < end, b[i] >= 48, b[i] <= 57 { i += 1 }
        guard i > intStart else { throw JSONLineParser.fail("malformed JSON: expected a value at byte \(start)") }
        var isInt = true
        if i < end, b[i] == UInt8(ascii: ".") {
            isInt = false
            i += 1
            let f = i
            while i < end, b[i] >= 48, b[i] <= 57 { i += 1 }
            guard i > f else { throw JSONLineParser.fail("malformed JSON: bad number at byte \(start)") }
        }
        if i < end, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            isInt = false
            i += 1
            if i < end, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            let e = i
            while i < end, b[i] >= 48, b[i] <= 57 { i += 1 }
            guard i > e else { throw JSONLineParser.fail("malformed JSON: bad number at byte \(start)") }
        }
        return (start, i - start, isInt)
    }

    /// An integer value, nil for a non-integer or out-of-range number; throws for non-numbers.
    mutating func integer() throws -> Int64? {
        guard i < end, b[i] == UInt8(ascii: "-") || (b[i] >= 48 && b[i] <= 57) else {
            try skipValue(depth: 0)
            return nil
        }
        let (s, l, isInt) = try numberToken()
        guard isInt else { return nil }
        var k = s
        let neg = b[k] == UInt8(ascii: "-")
        if neg { k += 1 }
        guard s + l - k <= 18 else { return nil }
        var v: Int64 = 0
        while k < s + l {
            v = v * 10 + Int64(b[k] - 48)
            k += 1
        }
        return neg ? -v : v
    }

    /// Epoch seconds (integer or decimal fraction, exactly to the µs; exponents via Double).
    mutating func epochMicros() throws -> Int64? {
        guard i < end, b[i] == UInt8(ascii: "-") || (b[i] >= 48 && b[i] <= 57) else {
            try skipValue(depth: 0)
            return nil
        }
        let (s, l, _) = try numberToken()
        var k = s
        let neg = b[k] == UInt8(ascii: "-")
        if neg { k += 1 }
        var secs: Int64 = 0
        var digits = 0
        while k < s + l, b[k] >= 48, b[k] <= 57 {
            secs = secs * 10 + Int64(b[k] - 48)
            digits += 1
            k += 1
            if digits > 11 { return nil }  // beyond year ~5000
        }
        var micros: Int64 = 0
        if k < s + l, b[k] == UInt8(ascii: ".") {
            k += 1
            var scale: Int64 = 100_000
            var roundUp = false
            while k < s + l, b[k] >= 48, b[k] <= 57 {
                if scale > 0 {
                    micros += Int64(b[k] - 48) * scale
                    scale /= 10
                } else if scale == 0 {
                    roundUp = b[k] >= 53
                    scale = -1
                }
                k += 1
            }
            if roundUp { micros += 1 }
        }
        if k < s + l {  // exponent form: rare, use Double
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[s..<(s + l)]), as: UTF8.self)
            guard let d = Double(text), abs(d) < 1e11 else { return nil }
            return Int64((d * 1e6).rounded())
        }
        let us = secs * 1_000_000 + micros
        return neg ? -us : us
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
                guard b[i] == close else { throw JSONLineParser.fail("malformed JSON: unexpected byte at \(i)") }
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
        else { throw JSONLineParser.fail("malformed JSON: unexpected byte at \(i)") }
        i += n
    }
}
