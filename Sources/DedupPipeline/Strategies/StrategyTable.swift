import DeltaStorage

/// Storage work a run did, in the units of the cost model (DESIGN §6): every data file, every
/// commit and every checkpoint file (parts and `_last_checkpoint`) is a PUT (a data file larger than the multipart part size is `ceil(size / part)` part
/// uploads plus one completion request); every data file read back during dedup or merge is a GET
/// (the verification read is not counted).
public struct StorageCounters: Sendable, Equatable {
    public var commits = 0
    public var filesWritten = 0
    public var bytesWritten = 0
    public var putRequests = 0
    public var getRequests = 0

    public init() {}

    /// PUT requests for uploading one object of `size` bytes.
    public static func puts(forObjectOf size: Int, partBytes: Int) -> Int {
        size > partBytes ? (size + partBytes - 1) / partBytes + 1 : 1
    }
}

/// A strategy's Delta table plus the counters of everything the run wrote and read.
public struct StrategyTable {
    public private(set) var table: DeltaTable
    public private(set) var counters = StorageCounters()
    /// Multipart part size for counting PUTs (`storage.multipart_part_bytes`).
    public let partBytes: Int

    public init(table: DeltaTable, partBytes: Int) {
        self.table = table
        self.partBytes = partBytes
    }

    /// Counts the commit that created the table (version 0, `commitBytes` long).
    public mutating func recordCreate(commitBytes: Int) {
        counters.commits += 1
        counters.putRequests += 1
        counters.bytesWritten += commitBytes
    }

    public func snapshot() throws -> DeltaSnapshot { try table.snapshot() }

    /// Appends `batch` (no commit when it is empty).
    @discardableResult
    public mutating func append(_ batch: ColumnBatch) throws -> CommitResult? {
        guard batch.rowCount > 0 else { return nil }
        return record(try table.append(batch))
    }

    /// Replaces the table's content with `batch`.
    @discardableResult
    public mutating func overwrite(_ batch: ColumnBatch) throws -> CommitResult {
        record(try table.overwrite(batch))
    }

    /// Removes `removing` and adds `batch` in one commit (copy-on-write merge).
    @discardableResult
    public mutating func replace(
        readVersion: Int, removing: [AddFile], adding batch: ColumnBatch?, operation: String
    ) throws -> CommitResult {
        record(
            try table.commitReplace(readVersion: readVersion, removing: removing, adding: batch, operation: operation))
    }

    /// Reads `files` (one GET each), optionally only some columns.
    public mutating func read(_ files: [AddFile], columns: [String]? = nil) throws -> ColumnBatch {
        counters.getRequests += files.count
        return try table.read(files: files, columns: columns)
    }

    /// OPTIMIZE (bin-packing): one GET per file read, one PUT per file written (multipart counted)
    /// plus the commit.
    @discardableResult
    public mutating func optimize(targetFileBytes: Int64?) throws -> OptimizeResult {
        let r = try table.optimize(targetFileBytes: targetFileBytes)
        guard r.version != nil else { return r }
        counters.getRequests += r.filesRead
        counters.commits += 1
        counters.filesWritten += r.filesAdded
        counters.bytesWritten += Int(r.bytesAdded + r.commitBytes)
        counters.putRequests += 1 + r.filesAdded  // files below the multipart threshold after compaction
        return r
    }

    /// VACUUM: one LIST request per 1,000 objects listed (LIST is billed with PUTs); S3 DELETEs
    /// are free and not counted. The log commits it reads are counted as GETs.
    @discardableResult
    public mutating func vacuum(retainHours: Double) throws -> VacuumResult {
        let r = try table.vacuum(retainHours: retainHours)
        let listed = r.deleted.count + r.keptFiles
        counters.putRequests += max(1, (listed + 999) / 1000)
        counters.getRequests += (try table.log.latestVersion() ?? 0) + 1
        return r
    }

    /// Sets the row limit per data file for the next writes (nil = the table's default).
    public mutating func setTargetFileRows(_ rows: Int?) { table.options.targetFileRows = rows }

    private mutating func record(_ r: CommitResult) -> CommitResult {
        counters.commits += 1
        counters.filesWritten += r.added.count
        counters.bytesWritten += r.bytesWritten
        counters.putRequests +=
            1 + r.added.reduce(0) { $0 + StorageCounters.puts(forObjectOf: Int($1.size), partBytes: partBytes) }
        // A checkpoint written after the commit: its parts and `_last_checkpoint` are PUTs too.
        if let c = r.checkpoint {
            counters.bytesWritten += c.bytesWritten
            counters.putRequests += c.filesWritten
        }
        return r
    }
}
