import DeltaStorage
import Dispatch

/// `file`: the seed's JSON-lines files from a path, a directory or a glob (`file.path`, or the
/// seed's `source.path`). Fields: message_id, sequence_id, partition_id, created_at (epoch seconds
/// or ISO-8601), value, zipcode; other members are ignored. Lines that are not such an object go
/// to the quarantine file (one JSON object per rejected line: file, line, reason, text) and are
/// counted; blank lines are skipped. Ground truth is what the files hold: unique = distinct
/// composite keys, duplicates = delivered − unique, nothing dropped.
public struct FileSource: RecordSource {
    public let files: [String]
    public let quarantinePath: String

    public init(config: PipelineConfig) throws {
        let quarantine = config.file.quarantinePath ?? FileSource.joined(config.storage.deltaTablePath, "quarantine.jsonl")
        let path = config.file.path ?? ""
        // A glob that also matches the quarantine file must not ingest earlier rejects.
        files = try InputFiles.expand(path).filter { !InputFiles.sameFile($0, quarantine) }
        guard !files.isEmpty else { throw SourceError(path: path, problem: "only the quarantine file matched") }
        quarantinePath = quarantine
    }

    public init(files: [String], quarantinePath: String) {
        self.files = files
        self.quarantinePath = quarantinePath
    }

    static func joined(_ dir: String, _ name: String) -> String { dir.hasSuffix("/") ? dir + name : dir + "/" + name }

    public func produce() throws -> SourceOutput {
        let started = DispatchTime.now().uptimeNanoseconds
        var builder = RecordBuilder()
        var quarantine = Quarantine(path: quarantinePath)
        for file in files {
            let bytes = try InputFiles.read(file)
            bytes.withUnsafeBufferPointer { buf in
                var lineNo = 0
                var start = 0
                let n = buf.count
                while start < n || (start == n && false) {
                    var stop = start
                    while stop < n, buf[stop] != 0x0A { stop += 1 }
                    lineNo += 1
                    var last = stop
                    if last > start, buf[last - 1] == 0x0D { last -= 1 }
                    if !FileSource.isBlank(buf, start, last) {
                        var parser = JSONLineParser(buf, start: start, end: last)
                        do {
                            let row = try parser.parse()
                            builder.append(row, from: buf)
                        } catch let failure as JSONLineParser.Failure {
                            quarantine.add(file: file, line: lineNo, reason: failure.reason, text: UnsafeBufferPointer(rebasing: buf[start..<last]))
                        } catch {
                            quarantine.add(file: file, line: lineNo, reason: "\(error)", text: UnsafeBufferPointer(rebasing: buf[start..<last]))
                        }
                    }
                    start = stop + 1
                }
            }
        }
        try quarantine.write()
        let records = builder.batch()
        let unique = KeyCounter.distinctKeys(records)
        let truth = GroundTruth(
            produced: unique, uniqueIds: unique, duplicatesInjected: records.rowCount - unique, dropped: 0,
            delivered: records.rowCount)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return SourceOutput(
            records: records, truth: truth, quarantined: quarantine.count,
            quarantinePath: quarantine.count > 0 ? quarantinePath : nil, seconds: seconds)
    }

    static func isBlank(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var k = s
        while k < e {
            if b[k] != 0x20 && b[k] != 0x09 { return false }
            k += 1
        }
        return true
    }
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
        ids.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[r.idStart..<(r.idStart + r.idLength)]))
        ids.offsets.append(Int32(truncatingIfNeeded: ids.bytes.count))
        zips.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[r.zipStart..<(r.zipStart + 5)]))
        zips.offsets.append(Int32(truncatingIfNeeded: zips.bytes.count))
        seqs.append(r.sequenceId)
        parts.append(r.partitionId)
        created.append(r.createdAt)
        values.append(r.value)
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
