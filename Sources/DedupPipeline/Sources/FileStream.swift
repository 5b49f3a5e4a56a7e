import DeltaStorage

/// One pass of the file source, read and parsed as it goes: blocks of whole lines are parsed
/// into a pending builder until it holds the next micro-batch (`BatchCut` over the record count
/// of the scan), so a run holds about one micro-batch plus one block of records. Rejected lines
/// were quarantined by the scan and are skipped here. A file that no longer holds the records
/// the scan counted fails the pass (never a silently different input).
final class FileStream: RecordStream {
    let files: [String]
    let preparation: SourcePreparation
    let blockBytes: Int
    private let ranges: [Range<Int>]
    private var cursor = 0
    private var fileIndex = 0
    private var blocks: JSONLinesBlocks?
    private var pending = RecordBuilder()
    private(set) var seconds: Double = 0

    init(files: [String], preparation: SourcePreparation, batches: Int, blockBytes: Int) {
        self.files = files
        self.preparation = preparation
        self.blockBytes = blockBytes
        ranges = BatchCut.ranges(total: preparation.truth.delivered, count: batches)
    }

    var schema: Schema { RecordSchema.base }
    var truth: GroundTruth { preparation.truth }
    var chaos: ResolvedChaos? { nil }
    var quarantined: Int { preparation.quarantined }
    var quarantinePath: String? { preparation.quarantinePath }

    func next() throws -> ColumnBatch? {
        let t0 = ResourceClock.now()
        defer { seconds += ResourceClock.now() - t0 }
        guard cursor < ranges.count else {
            // the files must hold nothing beyond what the scan counted
            while pending.seqs.isEmpty, try readBlock() {}
            if !pending.seqs.isEmpty { throw changed("more than") }
            return nil
        }
        let need = ranges[cursor].count
        while pending.seqs.count < need {
            guard try readBlock() else { throw changed("fewer than") }
        }
        cursor += 1
        let all = pending.batch()
        if all.rowCount == need {
            pending = RecordBuilder()
            return all
        }
        pending = RecordBuilder(all.rowSlice(need..<all.rowCount))
        return all.rowSlice(0..<need)
    }

    /// Parses the next block into `pending`; false when every file is read.
    private func readBlock() throws -> Bool {
        while fileIndex < files.count {
            if blocks == nil { blocks = try JSONLinesBlocks(path: files[fileIndex], blockBytes: blockBytes) }
            if let (bytes, first) = try blocks!.next() {
                _ = JSONLinesReader.parseBlock(bytes, atFileStart: first, into: &pending)
                return true
            }
            blocks = nil
            fileIndex += 1
        }
        return false
    }

    private func changed(_ how: String) -> SourceError {
        let what = files.count == 1 ? files[0] : "\(files[0]) (and \(files.count - 1) more)"
        return SourceError(
            path: what,
            problem: "the input changed while it was read: it now holds \(how) the \(truth.delivered) valid records "
                + "counted before the first batch",
            isIO: true)
    }
}

extension RecordBuilder {
    /// A builder holding `batch`'s rows (`RecordSchema.base` columns).
    init(_ batch: ColumnBatch) {
        self.init()
        if case .bytes(let b) = batch.columns[0].values { ids = b }
        if case .int64(let v) = batch.columns[1].values { seqs = v }
        if case .int32(let v) = batch.columns[2].values { parts = v }
        if case .int64(let v) = batch.columns[3].values { created = v }
        if case .int32(let v) = batch.columns[4].values { values = v }
        if case .bytes(let b) = batch.columns[5].values { zips = b }
    }
}
