import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a `ColumnBatch` as a Parquet file (flat schema, data page v1).
public enum ParquetWriter {
    static let createdBy = "dedupbench version 0.1.0 (build swift)"
    static let magic: [UInt8] = Array("PAR1".utf8)

    /// Encodes a whole file in memory.
    public static func encode(_ batch: ColumnBatch, options: ParquetWriteOptions) throws -> (
        bytes: [UInt8], info: ParquetFileInfo
    ) {
        try encode(batch, options: options, createdBy: createdBy)
    }

    /// `encode` with a chosen `created_by` and level style (tests reproduce reference files with it).
    static func encode(
        _ batch: ColumnBatch, options: ParquetWriteOptions, createdBy: String, levelRunsOnly: Bool = false
    ) throws -> (bytes: [UInt8], info: ParquetFileInfo) {
        let file = try EncodedFile(
            batch, options: options, name: "<memory>", createdBy: createdBy, levelRunsOnly: levelRunsOnly)
        defer { file.release() }
        var bytes = [UInt8]()
        bytes.reserveCapacity(file.byteCount)
        file.forEachPart { p in bytes.append(contentsOf: p) }
        return (bytes, file.info)
    }

    /// Encodes and writes to `path`: a temp file in the same directory, fsync, then rename, so no
    /// half-written file is ever visible under `path`.
    public static func write(_ batch: ColumnBatch, to path: String, options: ParquetWriteOptions) throws
        -> ParquetFileInfo
    {
        let file = try EncodedFile(batch, options: options, name: path)
        defer { file.release() }
        let temp = temporaryName(for: path)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw ParquetError(file: path, message: "cannot create \(temp): \(errnoText())") }
        var failure: String?
        file.forEachPart { part in
            guard failure == nil else { return }
            var done = 0
            while done < part.count {
                let n = Glibc.write(fd, part.baseAddress! + done, part.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = "write failed: \(errnoText())"
                    return
                }
                done += n
            }
        }
        if failure == nil && options.syncToDisk && fsync(fd) != 0 { failure = "fsync failed: \(errnoText())" }
        if close(fd) != 0 && failure == nil { failure = "close failed: \(errnoText())" }
        if failure == nil && rename(temp, path) != 0 { failure = "rename from \(temp) failed: \(errnoText())" }
        if let failure {
            unlink(temp)
            throw ParquetError(file: path, message: failure)
        }
        return file.info
    }

    /// `dir/.name.tmp-<pid>-<n>`: hidden from readers that list `*.parquet`, unique per process.
    private static func temporaryName(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(dir).\(name).tmp-\(getpid())-\(TempCounter.next())"
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// Process-wide counter for unique temp names (several threads may write files at once).
enum TempCounter {
    private nonisolated(unsafe) static var value = 0
    private static let lock = PthreadLock()
    static func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
