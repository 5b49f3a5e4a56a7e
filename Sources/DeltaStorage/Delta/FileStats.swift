import DedupFormats

/// The per-file statistics JSON of `add.stats` (Delta "Per-file Statistics").
///
/// Readers skip files with these bounds, so a wrong bound loses rows silently: when unsure we
/// leave a bound out (always safe). Rules: nullCount for every data column; min/max for integer,
/// long, date, double (finite), timestamp (floored to ms, both bounds) and strings (cut to a
/// 32-character prefix, see `stringMin`/`stringMax`); none for boolean and binary.
public enum FileStats {
    /// Characters (Unicode scalars) kept of a string bound: Delta Spark's default
    /// `delta.dataSkippingStringPrefixLength` (32).
    public static let stringPrefixLength = 32
    /// What a cut maximum ends with: U+FFFD, Delta Spark's tie-breaker (`truncateMaxStringAgg`).
    static let tieBreaker: Unicode.Scalar = "\u{FFFD}"

    /// The stats JSON for a data file with `schema` (partition columns excluded) and its Parquet statistics.
    public static func json(schema: Schema, rowCount: Int, statistics: [ColumnStatistics]) -> String {
        var mins: [(String, JSONValue)] = []
        var maxs: [(String, JSONValue)] = []
        var nulls: [(String, JSONValue)] = []
        for (field, s) in zip(schema.fields, statistics) {
            nulls.append((field.name, .int(Int64(s.nullCount))))
            if let v = s.min.flatMap({ bound($0, field.type, isMax: false) }) { mins.append((field.name, v)) }
            if let v = s.max.flatMap({ bound($0, field.type, isMax: true) }) { maxs.append((field.name, v)) }
        }
        return JSONValue.object([
            ("numRecords", .int(Int64(rowCount))), ("minValues", .object(mins)), ("maxValues", .object(maxs)),
            ("nullCount", .object(nulls)),
        ]).serialized
    }

    /// One bound (a minimum, or a maximum when `isMax`) in its JSON form, or nil when the column gets no bound.
    static func bound(_ value: StatValue, _ type: ColumnType, isMax: Bool) -> JSONValue? {
        switch (type, value) {
        case (.long, .int(let i)), (.integer, .int(let i)): return .int(i)
        case (.date, .int(let d)): return .string(DeltaDateTime.formatDate(days: d))
        case (.timestamp, .int(let us)): return .string(DeltaDateTime.formatStatsTimestamp(micros: us))
        case (.double, .double(let d)) where d.isFinite: return .double(d)
        case (.string, .bytes(let b)):
            guard let s = String(validating: b, as: UTF8.self) else { return nil }  // not UTF-8: no bound
            return .string(isMax ? stringMax(s) : stringMin(s))
        default: return nil
        }
    }

    /// A lower bound for a string column whose smallest value is `s`: its first 32 characters
    /// (a prefix never sorts after the string).
    public static func stringMin(_ s: String, prefixLength: Int = stringPrefixLength) -> String {
        var scalars = String.UnicodeScalarView()
        for u in s.unicodeScalars.prefix(prefixLength) { scalars.append(u) }
        return scalars.count == s.unicodeScalars.count ? s : String(scalars)
    }

    /// An upper bound for a string column whose largest value is `s`, rounded up so that no value
    /// of the file sorts after it (readers compare UTF-8 bytes, i.e. code points). Delta Spark's
    /// rule (`StatisticsCollection.truncateMaxStringAgg`): keep the first 32 characters, then keep
    /// going while the next character is ≥ U+FFFD, then append U+FFFD. Spark compares UTF-16 code
    /// units there, which misorders characters above U+FFFF (their surrogates sort below U+FFFD
    /// although their UTF-8 bytes sort above it); we compare scalar values, so an emoji is kept
    /// rather than replaced by a smaller U+FFFD. A string of at most 32 characters is kept whole.
    public static func stringMax(_ s: String, prefixLength: Int = stringPrefixLength) -> String {
        let all = s.unicodeScalars
        guard all.count > prefixLength else { return s }
        var scalars = String.UnicodeScalarView()
        var i = all.startIndex
        for _ in 0..<prefixLength {
            scalars.append(all[i])
            i = all.index(after: i)
        }
        while i < all.endIndex && all[i].value >= tieBreaker.value {
            scalars.append(all[i])
            i = all.index(after: i)
        }
        if i == all.endIndex { return s }  // nothing was cut: the value itself is its bound
        scalars.append(tieBreaker)
        return String(scalars)
    }

    /// `numRecords` from a stats JSON string without a full parse (it is near the start of ours and
    /// delta-rs's); falls back to parsing.
    public static func numRecords(in stats: String) -> Int? {
        let key = "\"numRecords\":"
        var utf8 = Array(stats.utf8.prefix(64))
        if let r = utf8.firstRange(of: Array(key.utf8)) {
            utf8 = Array(utf8[r.upperBound...])
            var n = 0
            var digits = 0
            for b in utf8 {
                guard b >= 48 && b <= 57 else { break }
                n = n * 10 + Int(b - 48)
                digits += 1
            }
            if digits > 0 && digits < 19 && digits < utf8.count { return n }
        }
        return (try? JSONParser.parse(stats))?["numRecords"]?.intValue.map { Int($0) }
    }
}

/// The parsed `add.stats` of one file (any writer's). Bounds are JSON values as written:
/// numbers for integer/long/double, strings for string/date/timestamp.
public struct ParsedFileStats: Sendable, Equatable {
    public var numRecords: Int?
    public var minValues: [String: JSONValue]
    public var maxValues: [String: JSONValue]
    public var nullCount: [String: Int]

    /// Parses a stats JSON string; nil when it is not a JSON object.
    public init?(json: String) {
        guard let v = try? JSONParser.parse(json), case .object = v else { return nil }
        func map(_ key: String) -> [String: JSONValue] {
            guard case .object(let pairs)? = v[key] else { return [:] }
            return Dictionary(pairs, uniquingKeysWith: { a, _ in a })
        }
        numRecords = v["numRecords"]?.intValue.map { Int($0) }
        minValues = map("minValues")
        maxValues = map("maxValues")
        nullCount = map("nullCount").compactMapValues { $0.intValue.map { Int($0) } }
    }
}

extension AddFile {
    /// The file's parsed stats, if it has any. A missing bound means "unknown", never "no rows".
    public var parsedStats: ParsedFileStats? { stats.flatMap(ParsedFileStats.init(json:)) }
}
