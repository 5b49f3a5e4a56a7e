import DeltaStorage
import Foundation
import Testing

@testable import DedupPipeline

/// The streamed file source (scan, then block-by-block passes) must deliver exactly what the
/// whole-file path delivers: same rows, same micro-batch cut, same truth, same quarantine.
@Suite struct FileStreamTests {
    static func drain(_ s: any RecordStream) throws -> [ColumnBatch] {
        var out: [ColumnBatch] = []
        while let b = try s.next() { out.append(b) }
        return out
    }

    /// Two inputs: the fixtures with bad lines, a BOM, CRLF and blank lines, plus a larger
    /// generated file with duplicates.
    static func inputs(_ dir: String) throws -> [String] {
        var text = "\u{FEFF}"
        for i in 0..<1_200 {
            let id = i % 5 == 4 ? i - 3 : i  // every fifth line repeats an earlier key
            text += "{\"message_id\":\"m\(String(id, radix: 36))\",\"sequence_id\":\(id),\"partition_id\":\(id % 3),"
            text +=
                "\"created_at\":\(1_736_726_400 + i),\"value\":\(100 + i % 900),\"zipcode\":\"\(10_000 + i % 9_000)\"}"
            text += i % 97 == 0 ? "\r\n\n" : (i % 211 == 0 ? "\nnot json\n" : "\n")
        }
        try text.write(toFile: dir + "/gen.jsonl", atomically: true, encoding: .utf8)
        return [CoreFixtures.path("jsonl/mixed.jsonl"), CoreFixtures.path("jsonl/good.jsonl"), dir + "/gen.jsonl"]
    }

    @Test("streamed batches equal produce(), cut the same way, at any block size", arguments: [200, 1 << 20])
    func streamEqualsProduce(_ blockBytes: Int) throws {
        let dir = try CoreFixtures.scratchDirectory("file-stream-\(blockBytes)")
        let files = try Self.inputs(dir)
        let whole = try FileSource(files: files, quarantinePath: dir + "/whole.jsonl", limit: .fraction(1)).produce()
        var source = FileSource(files: files, quarantinePath: dir + "/q.jsonl", limit: .fraction(1))
        source.blockBytes = blockBytes
        #expect(source.replayable)
        let prep = try #require(try source.prepare())
        #expect(prep.truth == whole.truth)
        #expect(prep.quarantined == whole.quarantined && prep.quarantined > 9)
        #expect(prep.rejection == nil)
        // the quarantine holds the same lines (file, line, reason, text) as the whole-file path's
        #expect(
            try String(contentsOfFile: dir + "/q.jsonl", encoding: .utf8)
                == String(contentsOfFile: dir + "/whole.jsonl", encoding: .utf8))
        for batches in [1, 7] {  // every pass reads again; the scan (and its quarantine) is not redone
            let stream = try source.open(batches: batches)
            #expect(stream.truth == whole.truth && stream.quarantined == whole.quarantined)
            let got = try Self.drain(stream)
            let cut = BatchCut.ranges(total: whole.records.rowCount, count: batches)
            #expect(got.map(\.rowCount) == cut.map(\.count))
            for (b, r) in zip(got, cut) { #expect(b == whole.records.rowSlice(r)) }
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/q-2.jsonl"), "one quarantine file per invocation")
    }

    @Test("a file that changes between the scan and a pass fails the pass with a clear error")
    func changedInput() throws {
        let dir = try CoreFixtures.scratchDirectory("file-stream-changed")
        let path = dir + "/in.jsonl"
        let line =
            "{\"message_id\":\"a\",\"sequence_id\":1,\"partition_id\":0,\"created_at\":1,\"value\":100,\"zipcode\":\"01234\"}\n"
        try String(repeating: line, count: 10).write(toFile: path, atomically: true, encoding: .utf8)
        let source = FileSource(files: [path], quarantinePath: dir + "/q.jsonl")
        #expect(try source.prepare()?.truth.delivered == 10)
        try String(repeating: line, count: 4).write(toFile: path, atomically: true, encoding: .utf8)
        let fewer = try source.open(batches: 2)
        #expect(throws: SourceError.self) { try Self.drain(fewer) }
        try String(repeating: line, count: 12).write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try Self.drain(try source.open(batches: 2))
            Issue.record("a longer file must fail the pass")
        } catch let e as SourceError {
            #expect(e.description.contains("changed while it was read") && e.description.contains("10 valid records"))
        }
    }

    @Test("the runner scans once and every strategy streams the same records")
    func runnerUsesTheScan() throws {
        let dir = try CoreFixtures.scratchDirectory("file-stream-runner")
        _ = try Self.inputs(dir)
        var c = PipelineConfig.default
        c.source.kind = .file
        c.file.path = dir + "/gen.jsonl"
        c.file.quarantinePath = dir + "/q.jsonl"
        c.file.maxQuarantined = .fraction(1)
        c.batches = 3
        let input = try PipelineRunner.produce(config: c, seed: 1, outDir: dir)
        #expect(input.quarantined > 0)
        #expect(input.rejection == nil, "\(input.rejection ?? "")")
        let whole = try FileSource(files: [dir + "/gen.jsonl"], quarantinePath: dir + "/w.jsonl", limit: .fraction(1))
            .produce()
        #expect(try input.truth == whole.truth)
        #expect(try input.batches() == (try input.batches()))
        #expect(try input.batches().reduce(0) { $0 + $1.rowCount } == whole.records.rowCount)
    }

    @Test("blocks end after a newline and a line longer than a block is never cut")
    func blocks() throws {
        let dir = try CoreFixtures.scratchDirectory("file-blocks")
        let path = dir + "/b.jsonl"
        let text = "ab\n" + String(repeating: "x", count: 50) + "\ncd\nlast-without-newline"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let blocks = try JSONLinesBlocks(path: path, blockBytes: 8)
        var got: [String] = []
        var firsts: [Bool] = []
        while let (b, first) = try blocks.next() {
            got.append(String(decoding: b, as: UTF8.self))
            firsts.append(first)
        }
        #expect(got.joined() == text)
        #expect(got.dropLast().allSatisfy { $0.hasSuffix("\n") })
        #expect(got.contains { $0.contains(String(repeating: "x", count: 50)) })
        #expect(firsts.first == true && firsts.dropFirst().allSatisfy { !$0 })
    }
}
