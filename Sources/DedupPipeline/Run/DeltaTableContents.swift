import DeltaStorage
import Dispatch

/// A Delta table's current version, read one data file at a time; the next file is read and
/// digested on a background thread (its column chunks on all cores) while `body` handles the
/// current one (at most two files' digests in memory).
public struct DeltaTableContents: TableContents {
    public let table: DeltaTable

    public init(table: DeltaTable) { self.table = table }

    /// The current version's schema (one log replay).
    public func schema() throws -> Schema? { try table.snapshot().schema }

    public func forEachBatch(columns: [String], _ body: (ColumnBatch) throws -> Void) throws {
        let table = self.table
        try forEachFile(
            columns: columns,
            { file in try table.read(files: [file.add], columns: file.names, snapshot: file.snapshot) }, body)
    }

    /// The row digests straight from the files' pages (`RowDigest.digests(of:identity:key:scratch:)`):
    /// no `ColumnBatch` is built, dictionary entries are hashed once, and the decompression and
    /// value-hash buffers are reused from file to file. `key` nil: no key digests.
    /// - Throws: `DeltaError` (unreadable table, unknown column, bad partition value or deletion
    ///   vector) or `ParquetError` naming the data file (corrupt or truncated); whatever `body` throws.
    public func forEachDigests(
        columns: [String], identity: String, key: [String]?, _ body: (RowDigests) throws -> Void
    ) throws {
        let scratch = ScratchBox()
        let table = self.table
        try forEachFile(
            columns: columns,
            { file in
                let data = try table.dataFile(file.add, columns: file.names, snapshot: file.snapshot)
                return try RowDigest.digests(of: data, identity: identity, key: key, scratch: &scratch.values)
            }, body)
    }

    /// Runs `produce` for each live file, the next one in the background while `body` handles the current.
    private func forEachFile<T>(
        columns: [String], _ produce: @escaping @Sendable (FileToRead) throws -> T, _ body: (T) throws -> Void
    ) throws {
        let snap = try table.snapshot()
        try ReaderSupport.checkReadable(
            snap.protocolVersions, configuration: snap.metadata.configuration, tablePath: table.path)
        let names = columns.isEmpty ? snap.schema.names : columns
        let files = snap.files
        guard !files.isEmpty else { return }
        let reader = ReadAhead<T>(produce)
        reader.start(FileToRead(add: files[0], names: names, snapshot: snap))
        for i in files.indices {
            let value = try reader.take()
            if i + 1 < files.count { reader.start(FileToRead(add: files[i + 1], names: names, snapshot: snap)) }
            do { try body(value) } catch {
                reader.wait()
                throw error
            }
        }
    }
}

/// A live file and what to read of it, against the one snapshot every file is read with (one
/// log replay for the whole read-back, not one per file).
struct FileToRead: @unchecked Sendable {
    let add: AddFile
    let names: [String]
    let snapshot: DeltaSnapshot
}

/// The value-hash buffer reused across files (only the background job touches it, one file at a time).
private final class ScratchBox: @unchecked Sendable {
    var values: [UInt64] = []
}

/// One file's result produced in the background (`start`, then `take`).
private final class ReadAhead<T>: @unchecked Sendable {
    let produce: @Sendable (FileToRead) throws -> T
    private let group = DispatchGroup()
    // written by the worker before `group.leave()`, read after `group.wait()`
    private var result: Result<T, Error>?

    init(_ produce: @escaping @Sendable (FileToRead) throws -> T) { self.produce = produce }

    func start(_ file: FileToRead) {
        group.enter()
        DispatchQueue.global().async {
            self.result = Result { try self.produce(file) }
            self.group.leave()
        }
    }

    func take() throws -> T {
        group.wait()
        defer { result = nil }
        return try result!.get()
    }

    func wait() { group.wait() }
}
