/// Reads integer min/max bounds out of an `add.stats` JSON string without a general JSON parser
/// (stats are flat: `{"numRecords":…,"minValues":{col:v,…},"maxValues":{…},"nullCount":{…}}`).
/// Used only to prune merge candidates, so "not found" is always a safe answer (the file stays a
/// candidate).
enum StatsBounds {
    /// `[min, max]` of integer column `column`, or nil when either bound is missing or not an integer.
    static func integerRange(_ stats: String?, column: String) -> ClosedRange<Int64>? {
        guard let stats else { return nil }
        let bytes = Array(stats.utf8)
        guard let lo = value(bytes, object: "minValues", key: column),
            let hi = value(bytes, object: "maxValues", key: column), lo <= hi
        else { return nil }
        return lo...hi
    }

    /// The integer under `"object":{ … "key": <int> … }` at the top level of the stats.
    private static func value(_ s: [UInt8], object: String, key: String) -> Int64? {
        let objectKey = Array(("\"" + object + "\":").utf8)
        let wanted = Array(("\"" + key + "\"").utf8)
        guard let start = s.firstRange(of: objectKey)?.upperBound else { return nil }
        var i = start
        while i < s.count && s[i] == 0x20 { i += 1 }
        guard i < s.count, s[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        // walk the flat object: "name": value, …
        while i < s.count {
            while i < s.count && (s[i] == 0x20 || s[i] == UInt8(ascii: ",")) { i += 1 }
            guard i < s.count, s[i] == UInt8(ascii: "\"") else { return nil }
            let nameStart = i
            i += 1
            while i < s.count && s[i] != UInt8(ascii: "\"") { i += s[i] == UInt8(ascii: "\\") ? 2 : 1 }
            i += 1
            let isWanted = Array(s[nameStart..<min(i, s.count)]) == wanted
            while i < s.count && (s[i] == 0x20 || s[i] == UInt8(ascii: ":")) { i += 1 }
            let valueStart = i
            if i < s.count && s[i] == UInt8(ascii: "\"") {  // string value: skip
                i += 1
                while i < s.count && s[i] != UInt8(ascii: "\"") { i += s[i] == UInt8(ascii: "\\") ? 2 : 1 }
                i += 1
                if isWanted { return nil }
                continue
            }
            while i < s.count && s[i] != UInt8(ascii: ",") && s[i] != UInt8(ascii: "}") { i += 1 }
            if isWanted { return Int64(String(decoding: s[valueStart..<i], as: UTF8.self)) }
            if i < s.count && s[i] == UInt8(ascii: "}") { return nil }
        }
        return nil
    }
}
