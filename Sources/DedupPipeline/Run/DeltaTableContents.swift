import DeltaStorage
import Dispatch

/// A Delta table's current version, read one data file at a time; the next file is read and
/// decoded on a background thread while `body` digests the current one (both cores busy, at most
/// two files in memory).
public struct DeltaTableContents: TableContents {
    public let table: DeltaTable

    public init(table: DeltaTable) { self.table = table }

    public func forEachBatch(columns: [String], _ body: (ColumnBatch) throws -> Void) throws {
        let snap = try table.snapshot()
        let names = columns.isEmpty ? snap.schema.names : columns
        let files = snap.files
        guard !files.isEmpty else { return }
        let reader = FileReadAhead(table: table, snapshot: snap, columns: names)
        reader.start(files[0])
        for i in files.indices {
            let batch = try reader.take()
            if i + 1 < files.count { reader.start(files[i + 1]) }
            do { try body(batch) } catch {
                reader.wait()
                throw error
            }
        }
    }
}

/// One data file read in the background (`start`, then `take`).
private final class FileReadAhead: @unchecked Sendable {
    let table: DeltaTable
    /// The one snapshot every file is read against (one log replay for the whole read-back,
    /// not one per file: at 100 files of polars_merge that replay dominated the read-back).
    let snapshot: DeltaSnapshot
    let columns: [String]
    private let group = DispatchGroup()
    // written by the worker before `group.leave()`, read after `group.wait()`
    private var result: Result<ColumnBatch, Error>?

    init(table: DeltaTable, snapshot: DeltaSnapshot, columns: [String]) {
        self.table = table
        self.snapshot = snapshot
        self.columns = columns
    }

    func start(_ file: AddFile) {
        group.enter()
        DispatchQueue.global().async {
            self.result = Result { try self.table.read(files: [file], columns: self.columns, snapshot: self.snapshot) }
            self.group.leave()
        }
    }

    func take() throws -> ColumnBatch {
        group.wait()
        defer { result = nil }
        return try result!.get()
    }

    func wait() { group.wait() }
}
