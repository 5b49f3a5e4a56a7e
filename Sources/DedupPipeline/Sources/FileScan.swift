import DeltaStorage

/// The file source's one pass before the runs: every file is read in blocks and parsed, rejected
/// lines go to the quarantine file (with file and line, as `produce` writes them), and valid
/// records are only counted, so the micro-batch cut and the ground truth are known before the
/// first batch while no more than a block of records is held. Distinct composite keys are
/// counted with a `DigestIndex` (12 bytes a key, exact up to a 95-bit digest collision; see
/// `KeyDigest` for the bound); it is freed when the scan ends.
enum FileScan {
    static func run(_ source: FileSource) throws -> SourcePreparation {
        let t0 = ResourceClock.now()
        var quarantine = Quarantine(path: source.quarantinePath)
        var firstReject: String?
        var delivered = 0
        let totalBytes = source.files.reduce(0) { $0 + InputFiles.size($1) }
        // about 100 bytes a seed line; a wrong guess only costs growth
        let keys = DigestIndex(expected: totalBytes / 100, kind: .general, values: false)
        var unique = 0
        let keyColumns = [RecordSchema.messageId, RecordSchema.sequenceId, RecordSchema.partitionId]
        for file in source.files {
            let blocks = try JSONLinesBlocks(path: file, blockBytes: source.blockBytes)
            var lineBase = 0
            while let (bytes, first) = try blocks.next() {
                var builder = RecordBuilder()
                let (rejects, lines) = JSONLinesReader.parseBlock(bytes, atFileStart: first, into: &builder)
                for r in rejects {
                    let line = lineBase + r.line
                    if firstReject == nil { firstReject = "\(file):\(line): \(r.reason)" }
                    r.text.withUnsafeBufferPointer {
                        quarantine.add(file: file, line: line, reason: r.reason, text: $0)
                    }
                }
                lineBase += lines
                let batch = builder.batch()
                delivered += batch.rowCount
                let composite = KeyColumn.bytes(of: keyColumns.map { batch.column($0)! })
                unique += keys.insert(keys.digests(composite)).reduce(0) { $0 + ($1 ? 1 : 0) }
            }
        }
        let written = try quarantine.write()
        let truth = GroundTruth(
            produced: unique, uniqueIds: unique, duplicatesInjected: delivered - unique, dropped: 0,
            delivered: delivered)
        return SourcePreparation(
            truth: truth, quarantined: quarantine.count, quarantinePath: written,
            rejection: source.rejection(
                loaded: delivered, quarantined: quarantine.count, first: firstReject, at: written),
            seconds: ResourceClock.now() - t0)
    }
}
