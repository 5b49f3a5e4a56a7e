import DeltaStorage
import Dispatch

/// `file`: the seed's JSON-lines files from a path, a directory or a glob (`file.path`, or the
/// seed's `source.path`). Fields: message_id, sequence_id, partition_id, created_at (epoch seconds
/// or ISO-8601), value, zipcode; other members are ignored. Lines that are not such an object go
/// to the quarantine file (one JSON object per rejected line: file, line, reason, text) and are
/// counted; blank lines are skipped. Ground truth is what the files hold: unique = distinct
/// composite keys, duplicates = delivered − unique, nothing dropped.
///
/// Streamed: `prepare` scans the files once per invocation (`FileScan`: counts, quarantine
/// file), then every run's `open` reads and parses them again block by block (`FileStream`), so
/// memory stays at about a micro-batch whatever the files' size. `produce` (tests) reads it all.
public struct FileSource: RecordSource {
    public let files: [String]
    public let quarantinePath: String
    public let limit: QuarantineLimit
    /// Bytes read and parsed at a time when streaming (tests make it small).
    var blockBytes = 8 << 20
    /// The scan, made once and shared by every pass.
    private let scanned = ScanCache()

    /// `outDir`: the run's output directory, where the quarantine file goes unless
    /// `file.quarantine_path` names one (never the working directory's `./data`).
    public init(config: PipelineConfig, outDir: String? = nil) throws {
        let quarantine =
            config.file.quarantinePath
            ?? FileSource.joined(outDir ?? config.storage.deltaTablePath, "quarantine.jsonl")
        let path = config.file.path ?? ""
        // A glob that also matches the quarantine file must not ingest earlier rejects.
        let stem = quarantine.hasSuffix(".jsonl") ? String(quarantine.dropLast(6)) : quarantine
        files = try InputFiles.expand(path).filter {
            !InputFiles.sameFile($0, quarantine) && !($0.hasPrefix(stem + "-") && $0.hasSuffix(".jsonl"))
        }
        guard !files.isEmpty else { throw SourceError(path: path, problem: "only the quarantine file matched") }
        quarantinePath = quarantine
        limit = config.file.maxQuarantined
    }

    public init(files: [String], quarantinePath: String, limit: QuarantineLimit = .count(0)) {
        self.files = files
        self.quarantinePath = quarantinePath
        self.limit = limit
    }

    static func joined(_ dir: String, _ name: String) -> String { dir.hasSuffix("/") ? dir + name : dir + "/" + name }

    public var replayable: Bool { true }

    /// The scan (`FileScan`), run on the first call: it writes the quarantine file once.
    public func prepare() throws -> SourcePreparation? { try scan() }

    func scan() throws -> SourcePreparation {
        if let done = scanned.value { return done }
        let p = try FileScan.run(self)
        scanned.value = p
        return p
    }

    /// A pass reading the files as it goes (the scan runs first if it has not).
    public func open(batches: Int) throws -> any RecordStream {
        FileStream(files: files, preparation: try scan(), batches: batches, blockBytes: blockBytes)
    }

    public func produce() throws -> SourceOutput {
        let started = DispatchTime.now().uptimeNanoseconds
        var builder = RecordBuilder()
        var quarantine = Quarantine(path: quarantinePath)
        var firstReject: String?
        for file in files {
            let bytes = try InputFiles.read(file)
            for r in JSONLinesReader.parse(bytes, into: &builder) {
                if firstReject == nil { firstReject = "\(file):\(r.line): \(r.reason)" }
                r.text.withUnsafeBufferPointer { quarantine.add(file: file, line: r.line, reason: r.reason, text: $0) }
            }
        }
        let written = try quarantine.write()
        let records = builder.batch()
        let unique = KeyCounter.distinctKeys(records)
        let truth = GroundTruth(
            produced: unique, uniqueIds: unique, duplicatesInjected: records.rowCount - unique, dropped: 0,
            delivered: records.rowCount)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        var out = SourceOutput(
            records: records, truth: truth, quarantined: quarantine.count, quarantinePath: written, seconds: seconds)
        out.rejection = rejection(
            loaded: records.rowCount, quarantined: quarantine.count, first: firstReject, at: written)
        return out
    }

    /// Why the input fails every run: nothing loaded, or more lines quarantined than allowed.
    func rejection(loaded: Int, quarantined: Int, first: String?, at path: String?) -> String? {
        let detail = first.map { " (first: \($0); all in \(path ?? quarantinePath))" } ?? ""
        if loaded == 0 {
            let what = files.count == 1 ? files[0] : "\(files.count) files"
            return "no records loaded from \(what): \(quarantined) lines quarantined\(detail)"
        }
        guard limit.allows(rejected: quarantined, of: loaded + quarantined) else {
            let lines = loaded + quarantined
            return
                "\(quarantined) of \(lines) input lines quarantined, more than file.max_quarantined allows (\(limit))"
                + detail
        }
        return nil
    }
}

/// Holds the file source's scan once made (a class: `FileSource` is a value shared by runs).
final class ScanCache {
    var value: SourcePreparation?
}

/// Column arrays the file source appends parsed rows to.
struct RecordBuilder {
    var ids = ByteColumn()
    var zips = ByteColumn()
    var seqs: [Int64] = []
    var parts: [Int32] = []
    var created: [Int64] = []
    var values: [Int32] = []

    mutating func append(_ r: JSONLineParser.Row, from b: UnsafeBufferPointer<UInt8>) {
        // Appending to the arrays directly keeps the calls specialised (ByteColumn.append is generic).
        if let id = r.id {  // the string held escapes: its decoded value
            ids.bytes.append(contentsOf: id)
        } else {
            ids.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[r.idStart..<(r.idStart + r.idLength)]))
        }
        ids.offsets.append(Int32(truncatingIfNeeded: ids.bytes.count))
        if let zip = r.zip {
            zips.bytes.append(contentsOf: zip)
        } else {
            zips.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[r.zipStart..<(r.zipStart + 5)]))
        }
        zips.offsets.append(Int32(truncatingIfNeeded: zips.bytes.count))
        seqs.append(r.sequenceId)
        parts.append(r.partitionId)
        created.append(r.createdAt)
        values.append(r.value)
    }

    mutating func reserve(rows: Int) {
        seqs.reserveCapacity(rows)
        parts.reserveCapacity(rows)
        created.reserveCapacity(rows)
        values.reserveCapacity(rows)
        ids.reserve(values: rows, bytes: rows * 8)
        zips.reserve(values: rows, bytes: rows * 5)
    }

    mutating func append(contentsOf other: RecordBuilder) {
        ids.append(contentsOf: other.ids)
        zips.append(contentsOf: other.zips)
        seqs += other.seqs
        parts += other.parts
        created += other.created
        values += other.values
    }

    func batch() -> ColumnBatch {
        ColumnBatch(
            schema: RecordSchema.base,
            columns: [
                Column(.bytes(ids)), Column(.int64(seqs)), Column(.int32(parts)), Column(.int64(created)),
                Column(.int32(values)), Column(.bytes(zips)),
            ])
    }
}
