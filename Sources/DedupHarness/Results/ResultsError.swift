import DedupPipeline
import DedupFormats

/// Problems reading or writing result files; every case names the path.
public enum ResultsError: Error, CustomStringConvertible, Sendable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case badCSV(path: String, line: Int, problem: String)
    case badHeader(path: String, missing: [String])
    case schemaMismatch(path: String, found: [String], expected: [String])
    case badManifest(path: String, reason: String)
    case exists(path: String)
    case io(path: String, operation: String, errno: Int32)
    /// Inputs of `merge` that belong to different experiments ("'name' (path)" each).
    case mixedExperiments([String])

    public var description: String {
        switch self {
        case .notFound(let p): return "\(p): no results.csv here (expected a results.csv file or a results directory)"
        case .unreadable(let p, let reason): return "\(p): cannot read (\(reason))"
        case .badCSV(let p, let line, let problem): return "\(p):\(line): malformed CSV: \(problem)"
        case .badHeader(let p, let missing):
            return
                "\(p):1: header lacks the columns \(missing.joined(separator: ", ")); expected a dedupbench results.csv"
        case .schemaMismatch(let p, let found, let expected):
            let diff = Set(found).symmetricDifference(expected).sorted().prefix(8).joined(separator: ", ")
            return
                "\(p):1: the columns differ from this build's schema (\(diff.isEmpty ? "order differs" : diff)); expected \(expected.count) columns of schema version \(ResultColumns.schemaVersion) — write to a new --results directory"
        case .badManifest(let p, let reason): return "\(p): invalid manifest (\(reason))"
        case .exists(let p):
            return
                "\(p): results already exist here; pass --resume to continue them or choose another --results directory"
        case .io(let p, let op, let code): return "\(p): \(op) failed: \(String(cString: strerror(code)))"
        case .mixedExperiments(let names):
            return "the inputs belong to different experiments: \(names.joined(separator: ", ")); merge the shards of one experiment at a time"
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
