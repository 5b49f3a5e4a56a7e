import Dispatch

/// Puts encoded Parquet files into a table's object store: partition prefixes, unique names
/// (seeded UUIDs, put-if-absent so nothing is ever overwritten), on a local directory fsync in
/// the background, and the `add` action with stats. Files can be written inline or handed to a serial background queue,
/// so that writing one file overlaps encoding the next.
final class DataFileWriter: @unchecked Sendable {
    private let store: any ObjectStore
    private let partitionColumns: [String]
    private let dataSchema: Schema
    private let codec: Codec
    private let seed: UInt64?
    private let streamBase: UInt64
    private let now: Int64
    private let sync: Bool
    private let syncs = BackgroundSync()
    private let queue = DispatchQueue(label: "dedupbench.delta.write")
    private let group = DispatchGroup()
    private var background: [Int: Result<AddFile, Error>] = [:]  // only touched on `queue`

    init(table: DeltaTable, snapshot: DeltaSnapshot, now: Int64) {
        store = table.store
        partitionColumns = snapshot.partitionColumns
        dataSchema = snapshot.dataSchema
        codec = table.options.parquet.codec
        seed = table.options.seed
        streamBase = UInt64(snapshot.version + 1) << 24
        self.now = now
        sync = table.options.syncDataFiles
    }

    /// Writes piece `index` now and returns its add action.
    func write(_ file: EncodedFile, index: Int, values: [String?]) throws -> AddFile {
        defer { file.release() }
        let info = file.info
        let dir = PartitionPath.directory(columns: partitionColumns, values: values)
        var names = NameGenerator(seed: seed, stream: streamBase | UInt64(index))
        var relative: String
        // A local directory fsyncs new files in the background (below); other stores make the
        // object durable within the put.
        let root = store.localPath("")
        repeat {  // put-if-absent: a name clash (same seed in two writers) just draws another name
            relative =
                (dir.isEmpty ? "" : dir + "/") + DeltaTable.fileName(index: index, uuid: names.uuid(), codec: codec)
        } while try !store.put(relative, ifAbsent: true, durable: sync && root == nil, file.forEachPart)
        if sync, let root {
            // The file, then its partition directories and the table root (new entries in each).
            var dirs = [root]
            for part in dir.split(separator: "/") { dirs.append(dirs.last! + "/" + part) }
            syncs.add(root + "/" + relative, directories: dirs)
        }
        var partitionValues: [String: String?] = [:]
        for (c, v) in zip(partitionColumns, values) { partitionValues[c] = .some(v) }
        return AddFile(
            path: PartitionPath.uriEncode(relative), partitionValues: partitionValues, size: Int64(info.byteCount),
            modificationTime: now, dataChange: true,
            stats: FileStats.json(schema: dataSchema, rowCount: info.rowCount, statistics: info.columnStatistics),
            numRecords: info.rowCount)
    }

    /// Queues piece `index` for writing on the background queue (one file at a time, in order).
    func writeInBackground(_ file: EncodedFile, index: Int, values: [String?]) {
        let box = UncheckedBox(file)
        queue.async(group: group) {
            self.background[index] = Result { try self.write(box.value, index: index, values: values) }
        }
    }

    /// Waits for background writes and fsyncs; returns the background results by index and the
    /// first fsync error.
    func finish() -> (results: [Int: Result<AddFile, Error>], syncError: DeltaError?) {
        group.wait()
        let results = queue.sync { background }
        return (results, syncs.wait())
    }
}

/// Moves a value the compiler cannot prove Sendable to a queue that is its only user afterwards.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
