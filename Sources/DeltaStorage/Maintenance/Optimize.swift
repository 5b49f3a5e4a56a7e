/// OPTIMIZE (bin-packing compaction), as Delta Spark and delta-rs do it: within each partition,
/// live files smaller than the target are grouped into bins of at most `targetFileBytes` (in log
/// order); every bin of two or more files is rewritten as new files, in one commit that removes
/// and adds with `dataChange: false` (no row changes, so streaming readers skip it).
public struct OptimizeResult: Sendable, Equatable {
    /// The version committed, nil when there was nothing to compact.
    public var version: Int?
    public var filesRemoved: Int
    public var filesAdded: Int
    public var bytesRemoved: Int64
    public var bytesAdded: Int64
    /// Bytes of the commit file (0 without a commit).
    public var commitBytes: Int64
    /// Data files read (one GET each) and files written plus the commit (one PUT each).
    public var filesRead: Int
    public var partitionsOptimized: Int
    /// The files the commit removed and the files it added (both empty without a commit): the
    /// added files hold exactly the removed files' rows, so a writer that remembers which file
    /// holds a row (e.g. `polars_merge`'s key index) can re-point it at the new files.
    public var removed: [AddFile] = []
    public var added: [AddFile] = []
}

extension DeltaTable {
    /// delta-rs's default target size for OPTIMIZE (`delta.targetFileSize`), 100 MiB.
    public static let defaultTargetFileBytes: Int64 = 104_857_600

    /// Compacts small files (see `OptimizeResult`). `targetFileBytes` nil = the table's
    /// `delta.targetFileSize`, else 100 MiB. New files are cut at about the target size of
    /// uncompressed data, so they come out at most that large.
    public func optimize(targetFileBytes: Int64? = nil) throws -> OptimizeResult {
        let snap = try snapshot()
        let target = try targetFileBytes ?? Self.targetFileSize(snap, path: path)
        guard target > 0 else { throw DeltaError(.invalidInput, "target file size must be > 0, got \(target)") }
        var byPartition: [[String?]: [AddFile]] = [:]
        var order: [[String?]] = []
        for f in snap.files where f.size < target {
            let key = snap.partitionColumns.map { f.partitionValues[$0] ?? nil }
            if byPartition[key] == nil { order.append(key) }
            byPartition[key, default: []].append(f)
        }
        var bins: [[AddFile]] = []
        var partitions = 0
        for key in order {
            var current: [AddFile] = []
            var bytes: Int64 = 0
            var binsHere = 0
            for f in byPartition[key]! {
                if !current.isEmpty && bytes + f.size > target {
                    if current.count > 1 {
                        bins.append(current)
                        binsHere += 1
                    }
                    current = []
                    bytes = 0
                }
                current.append(f)
                bytes += f.size
            }
            if current.count > 1 {
                bins.append(current)
                binsHere += 1
            }
            if binsHere > 0 { partitions += 1 }
        }
        let removing = bins.flatMap { $0 }
        guard !removing.isEmpty else {
            return OptimizeResult(
                version: nil, filesRemoved: 0, filesAdded: 0, bytesRemoved: 0, bytesAdded: 0, commitBytes: 0,
                filesRead: 0, partitionsOptimized: 0)
        }
        // All bins are read and rewritten in one commit, which keeps the compaction atomic (memory:
        // the small files' rows, uncompressed). Rows keep their order within each bin.
        var writer = self
        writer.options.targetFileBytes = Int(target)
        writer.options.targetFileRows = nil
        let rows = try read(files: removing, columns: nil, snapshot: snap)
        let r = try writer.commit(
            snap, removing: removing, adding: rows, operation: "OPTIMIZE",
            parameters: [("targetSize", String(target))], blindAppend: false,
            metrics: ["numBins": bins.count, "numPartitionsOptimized": partitions], dataChange: false)
        let added = r.added.reduce(Int64(0)) { $0 + $1.size }
        return OptimizeResult(
            version: r.version, filesRemoved: removing.count, filesAdded: r.added.count,
            bytesRemoved: removing.reduce(0) { $0 + $1.size }, bytesAdded: added,
            commitBytes: Int64(r.bytesWritten) - added, filesRead: removing.count, partitionsOptimized: partitions,
            removed: removing, added: r.added)
    }

    static func targetFileSize(_ snap: DeltaSnapshot, path: String) throws -> Int64 {
        guard let text = snap.metadata.configuration["delta.targetFileSize"] else { return defaultTargetFileBytes }
        guard let n = Int64(text), n > 0 else {
            throw DeltaError(.unsupported, "\(path): delta.targetFileSize '\(text)' is not a positive number of bytes")
        }
        return n
    }
}
