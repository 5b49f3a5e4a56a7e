import DeltaStorage
import Foundation
import Testing

@testable import DedupPipeline

@Suite struct FileSourceTests {
    static func config(path: String, quarantine: String) -> PipelineConfig {
        var c = PipelineConfig.default
        c.source.kind = .file
        c.file.path = path
        c.file.quarantinePath = quarantine
        return c
    }

    @Test func goodLinesBecomeRecords() throws {
        let dir = try CoreFixtures.scratchDirectory("file-good")
        let q = dir + "/q.jsonl"
        let out = try SourceRegistry.make(
            FileSourceTests.config(path: CoreFixtures.path("jsonl/good.jsonl"), quarantine: q), seed: 0
        ).produce()
        #expect(out.records.rowCount == 5)
        #expect(out.quarantined == 0 && out.quarantinePath == nil)
        #expect(!FileManager.default.fileExists(atPath: q), "no quarantine file without bad lines")
        #expect(out.truth == GroundTruth(produced: 4, uniqueIds: 4, duplicatesInjected: 1, dropped: 0, delivered: 5))
        guard case .int64(let created) = out.records.column("created_at")!.values,
            case .bytes(let ids) = out.records.column("message_id")!.values,
            case .bytes(let zips) = out.records.column("zipcode")!.values,
            case .int32(let values) = out.records.column("value")!.values
        else {
            Issue.record("types")
            return
        }
        #expect(
            created == [
                1_736_726_400_000_000, 1_736_726_400_500_000, 1_736_726_401_250_000, 1_736_726_400_000_000,
                1_736_726_402_000_000,
            ])
        #expect(ids.string(at: 2) == "zz99zz99" && ids.string(at: 4) == "crlf0001")
        #expect(zips.string(at: 0) == "01234")
        #expect(values == [150, 9999, 100, 150, 200])
    }

    @Test func badLinesGoToQuarantineWithLineAndReason() throws {
        let dir = try CoreFixtures.scratchDirectory("file-bad")
        let q = dir + "/sub/quarantine.jsonl"
        let input = CoreFixtures.path("jsonl/mixed.jsonl")
        let out = try FileSource(config: FileSourceTests.config(path: input, quarantine: q)).produce()
        #expect(out.records.rowCount == 2)
        #expect(out.quarantined == 9)
        #expect(out.quarantinePath == q)
        let lines = try String(contentsOfFile: q, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 9)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects.map { $0["line"] as! Int } == [2, 3, 4, 5, 6, 8, 9, 10, 11])
        #expect(objects.allSatisfy { $0["file"] as? String == input })
        let reasons = objects.map { $0["reason"] as! String }
        #expect(reasons[0] == "missing field zipcode")
        #expect(reasons[1].hasPrefix("malformed JSON"))
        #expect(reasons[2] == "sequence_id must be an integer in [-9223372036854775808, 9223372036854775807], got \"12\"")
        #expect(reasons[3].hasPrefix("created_at must be"))
        #expect(reasons[4] == "zipcode must be a string of 5 digits")
        #expect(reasons[5].hasPrefix("malformed JSON"))
        #expect(reasons[6].hasPrefix("message_id must be"))
        #expect(reasons[7] == "field sequence_id appears twice")
        #expect(reasons[8].hasPrefix("malformed JSON"))
        #expect((objects[1]["text"] as! String) == "not json at all")
    }

    @Test func globsDirectoriesAndMissingInputs() throws {
        let dir = try CoreFixtures.scratchDirectory("file-glob")
        let q = dir + "/q.jsonl"
        let globbed = try FileSource(
            config: FileSourceTests.config(path: CoreFixtures.path("jsonl/*.jsonl"), quarantine: q))
        #expect(globbed.files.map { ($0 as NSString).lastPathComponent } == ["good.jsonl", "mixed.jsonl"])
        let byDir = try FileSource(config: FileSourceTests.config(path: CoreFixtures.path("jsonl"), quarantine: q))
        #expect(byDir.files == globbed.files)
        let both = try globbed.produce()
        #expect(both.records.rowCount == 7 && both.quarantined == 9)

        // The quarantine file never feeds back into the input, even when the glob covers it.
        let own = try FileSource(config: FileSourceTests.config(path: dir + "/*.jsonl", quarantine: q + "x"))
        #expect(own.files == [q])
        #expect(throws: SourceError.self) {
            try FileSource(config: FileSourceTests.config(path: dir + "/*.jsonl", quarantine: q))
        }

        let empty = dir + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(throws: SourceError.self) {
            try FileSource(config: FileSourceTests.config(path: empty + "/none.jsonl", quarantine: q))
        }
        do {
            _ = try FileSource(config: FileSourceTests.config(path: empty + "/*.jsonl", quarantine: q))
            Issue.record("empty glob accepted")
        } catch let e as SourceError {
            #expect(e.description == "\(empty)/*.jsonl: the pattern matched no files.")
        }
        #expect(throws: SourceError.self) { try FileSource(config: FileSourceTests.config(path: empty, quarantine: q)) }
    }

    @Test func chunkedParsingKeepsOrderAndLineNumbers() throws {
        let bytes =
            Array(try Data(contentsOf: URL(fileURLWithPath: CoreFixtures.path("jsonl/mixed.jsonl"))))
            + Array(try Data(contentsOf: URL(fileURLWithPath: CoreFixtures.path("jsonl/good.jsonl"))))
        var whole = RecordBuilder()
        let wholeRejects = JSONLinesReader.parse(bytes, into: &whole, chunkBytes: 1 << 30)
        for chunk in [1, 50, 200, 333] {
            #expect(JSONLinesReader.chunkBounds(bytes, target: chunk).count > 1)
            var parts = RecordBuilder()
            let rejects = JSONLinesReader.parse(bytes, into: &parts, chunkBytes: chunk)
            #expect(parts.batch() == whole.batch())
            #expect(rejects.map(\.line) == wholeRejects.map(\.line))
            #expect(rejects.map(\.reason) == wholeRejects.map(\.reason))
        }
        #expect(whole.batch().rowCount == 7 && wholeRejects.count == 9)
    }

    @Test func generatedRecordsRoundTripThroughJSONL() throws {
        // Write a chaos stream as the seed's JSONL, read it back: same rows, same truth.
        var c = PipelineConfig.default
        c.generation.mode = .chaos
        c.generation.scale = 2_000
        let generated = try SyntheticSource(config: c, seed: 13).produce()
        let dir = try CoreFixtures.scratchDirectory("file-roundtrip")
        let b = generated.records
        guard case .bytes(let ids) = b.columns[0].values, case .int64(let seqs) = b.columns[1].values,
            case .int32(let parts) = b.columns[2].values, case .int64(let created) = b.columns[3].values,
            case .int32(let values) = b.columns[4].values, case .bytes(let zips) = b.columns[5].values
        else { return }
        var text = ""
        for r in 0..<b.rowCount {
            let ts =
                r % 2 == 0 ? "\"\(Timestamp.formatISO8601(micros: created[r]))\"" : String(Double(created[r]) / 1e6)
            text +=
                "{\"message_id\":\"\(ids.string(at: r))\",\"sequence_id\":\(seqs[r]),\"partition_id\":\(parts[r]),"
                + "\"created_at\":\(ts),\"value\":\(values[r]),\"zipcode\":\"\(zips.string(at: r))\"}\n"
        }
        try text.write(toFile: dir + "/stream.jsonl", atomically: true, encoding: .utf8)
        let read = try FileSource(files: [dir + "/stream.jsonl"], quarantinePath: dir + "/q.jsonl").produce()
        #expect(read.records == b)
        #expect(read.truth.uniqueIds == generated.truth.uniqueIds)
        #expect(read.truth.duplicatesInjected == generated.truth.duplicatesInjected)
    }
}
