#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What writing a checkpoint did.
public struct CheckpointResult: Sendable, Equatable {
    /// The table version the checkpoint describes.
    public var version: Int
    /// Checkpoint file names in `_delta_log`, in part order.
    public var files: [String]
    /// Rows (actions) and the `add` rows among them.
    public var actions: Int
    public var addFiles: Int
    /// Tombstones kept (removes younger than the retention).
    public var tombstones: Int
    /// Files this call created or replaced: its checkpoint parts (none when another writer had
    /// already published the same checkpoint) plus `_last_checkpoint` when it was updated.
    public var filesWritten: Int
    public var bytesWritten: Int
}

/// Writes a classic (one file) or multi-part checkpoint of a replayed state, then
/// `_last_checkpoint` (PROTOCOL.md, "Checkpoints", "Last Checkpoint File").
///
/// Everything goes through the table's `ObjectStore`. Each part is published with a durable
/// put-if-absent (locally: fsynced temp file + `link(2)`; S3: conditional PUT), so readers never
/// see half a checkpoint and an existing checkpoint is never overwritten (another writer's
/// checkpoint of the same version holds the same state). `_last_checkpoint` is replaced
/// atomically (durable put: locally temp file + `rename(2)`) and never moved back to an older version.
enum CheckpointWriter {
    /// `codec` defaults to uncompressed, as delta-rs writes checkpoints: then the checkpoint's size
    /// depends only on the lengths of its values, not on the clock's timestamps inside it, so
    /// runs with the same seed write the same number of bytes (a deterministic metric in CI).
    static func write(
        _ state: DeltaLogState, log: DeltaLog, now: Int64, parts: Int = 1, codec: Codec = .uncompressed
    ) throws(DeltaError) -> CheckpointResult {
        guard let p = state.protocolVersions, let metadata = state.metadata else {
            throw DeltaError(.corruptLog, "\(log.logPath): version \(state.version) has no protocol or metaData")
        }
        guard p.minReaderVersion <= 1, p.minWriterVersion <= 2, !state.files.contains(where: \.hasDeletionVector) else {
            throw DeltaError(
                .unsupported,
                "\(log.tablePath): dedupbench writes checkpoints only for reader 1 / writer 2 tables (this one needs reader \(p.minReaderVersion) / writer \(p.minWriterVersion))"
            )
        }
        guard parts >= 1, parts <= 9_999_999_999 else {
            throw DeltaError(.invalidInput, "a checkpoint needs 1 or more parts, not \(parts)")
        }
        let policy = try CheckpointPolicy(configuration: metadata.configuration)
        let cutoff = now - policy.tombstoneRetentionMillis
        let tombstones = state.tombstones.filter { ($0.deletionTimestamp ?? 0) > cutoff }
        var actions: [DeltaAction] = [.protocolVersions(p), .metaData(metadata)]
        actions += state.setTransactions.map { .txn($0) }
        actions += state.files.map { .add($0) }
        actions += tombstones.map { .remove($0) }

        // Multi-part: Spark-style hash partitioning by path (the protocol's rule for part contents).
        var partRows = [[NestedValue]](repeating: [], count: parts)
        for a in actions {
            guard let row = CheckpointRows.row(a) else { continue }
            let k: Int
            switch a {
            case .add(let f): k = sparkPartition(f.path, parts: parts)
            case .remove(let r): k = sparkPartition(r.path, parts: parts)
            default: k = sparkPartition(nil, parts: parts)
            }
            partRows[k].append(row)
        }
        var result = CheckpointResult(
            version: state.version, files: [], actions: actions.count, addFiles: state.files.count,
            tombstones: tombstones.count, filesWritten: 0, bytesWritten: 0)
        var totalBytes = 0
        let options = ParquetWriteOptions(codec: codec)
        for (i, rows) in partRows.enumerated() {
            let name =
                parts == 1
                ? DeltaLog.checkpointName(state.version)
                : DeltaLog.checkpointName(state.version, part: i + 1, of: parts)
            let bytes: [UInt8]
            do {
                bytes = try NestedParquetWriter.encode(schema: CheckpointSchema.written, rows: rows, options: options)
            } catch {
                throw DeltaError(.io, "cannot encode checkpoint \(name): \(error)")
            }
            let key = "_delta_log/" + name
            if try log.store.put(key, bytes, ifAbsent: true, durable: true) {
                result.filesWritten += 1
                result.bytesWritten += bytes.count
                totalBytes += bytes.count
            } else {
                totalBytes += Int(try log.store.head(key) ?? Int64(bytes.count))
            }
            result.files.append(name)
        }
        let hint = LastCheckpoint(
            version: state.version, size: actions.count, parts: parts == 1 ? nil : parts, sizeInBytes: totalBytes,
            numOfAddFiles: state.files.count)
        if let written = try updateLastCheckpoint(hint, log: log) {
            result.filesWritten += 1
            result.bytesWritten += written
        }
        return result
    }

    /// Replaces `_last_checkpoint` unless it already names this or a newer version; returns the
    /// bytes written, or nil when left alone.
    private static func updateLastCheckpoint(_ hint: LastCheckpoint, log: DeltaLog) throws(DeltaError) -> Int? {
        let key = "_delta_log/" + LastCheckpoint.fileName
        if try log.store.head(key) != nil, let current = try? log.store.get(key),
            let existing = LastCheckpoint.parse(current).0, existing.version >= hint.version
        {
            return nil
        }
        let bytes = Array(hint.json.utf8)
        try log.store.put(key, bytes, ifAbsent: false, durable: true)
        return bytes.count
    }

    /// The part (0-based) of a row keyed by `path` (nil for non-file actions): Spark's
    /// `pmod(Murmur3Hash(path, seed 42), parts)` over the UTF-8 bytes, as Delta Spark clusters
    /// multi-part checkpoints (hash of null = the seed).
    static func sparkPartition(_ path: String?, parts: Int) -> Int {
        guard parts > 1 else { return 0 }
        let hash = path.map { sparkMurmur3(Array($0.utf8), seed: 42) } ?? 42
        let m = Int(hash) % parts
        return m < 0 ? m + parts : m
    }

    /// Spark's `Murmur3_x86_32.hashUnsafeBytes`: 4-byte little-endian blocks, then each trailing
    /// byte (sign-extended) mixed as a block of its own, then the finalizer with the length.
    static func sparkMurmur3(_ bytes: [UInt8], seed: Int32) -> Int32 {
        func mixK1(_ k: UInt32) -> UInt32 {
            var k1 = k &* 0xcc9e_2d51
            k1 = (k1 << 15) | (k1 >> 17)
            return k1 &* 0x1b87_3593
        }
        func mixH1(_ h: UInt32, _ k1: UInt32) -> UInt32 {
            var h1 = h ^ k1
            h1 = (h1 << 13) | (h1 >> 19)
            return h1 &* 5 &+ 0xe654_6b64
        }
        var h1 = UInt32(bitPattern: seed)
        let aligned = bytes.count - bytes.count % 4
        var i = 0
        while i < aligned {
            let word =
                UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
            h1 = mixH1(h1, mixK1(word))
            i += 4
        }
        while i < bytes.count {
            h1 = mixH1(h1, mixK1(UInt32(bitPattern: Int32(Int8(bitPattern: bytes[i])))))
            i += 1
        }
        h1 ^= UInt32(truncatingIfNeeded: bytes.count)
        h1 ^= h1 >> 16
        h1 = h1 &* 0x85eb_ca6b
        h1 ^= h1 >> 13
        h1 = h1 &* 0xc2b2_ae35
        h1 ^= h1 >> 16
        return Int32(bitPattern: h1)
    }
}
