import DedupFormats
import DeltaStorage
import Foundation
import Testing

@testable import DedupPipeline

/// Each strategy's table read by independent readers (deltalake, pyarrow, polars, duckdb via
/// scripts/oracle/check_delta.py): row count, schema and content (the rows the reference model
/// expects, as JSONL) must match; and the table checksum recomputed in Python must equal ours.
@Suite("Pipeline interop", .enabled(if: PipelineOracle.shouldRun, "oracle venv missing (run `make setup`)"))
struct PipelineInteropTests {
    static let cases: [(StrategyKind, HashEncoding)] =
        StrategyKind.allCases.map { ($0, .hex) } + [(.eagerDedup, .binary)]

    @Test("independent readers see exactly the expected rows", arguments: 0..<cases.count)
    func readers(caseIndex: Int) throws {
        let (strategy, encoding) = Self.cases[caseIndex]
        #expect(PipelineOracle.available, "oracle venv missing at \(PipelineOracle.python): run `make setup`")
        guard PipelineOracle.available else { return }
        let dir = RunTestSupport.tempDir("interop-\(strategy.rawValue)-\(encoding.rawValue)")
        defer { RunTestSupport.remove(dir) }
        let config = try RunTestSupport.config(
            source: .pubsub, mode: .chaos, scale: 1500, batches: 4, extra: [("hash.encoding", encoding.rawValue)])
        let input = try PipelineRunner.produce(config: config, seed: 21)
        let table = dir + "/" + strategy.rawValue
        let m = try PipelineRunner.run(input, strategy: strategy, tableDir: table)
        #expect(m.succeeded, "\(m.error)")

        // the rows the strategy promised, from the reference model, in check_delta's canonical form
        let expected = try Self.expectedRows(strategy, input: input, config: config)
        #expect(expected.rowCount == m.rowsWritten)
        let jsonl = dir + "/expected.jsonl"
        try Self.canonicalJSONL(expected).write(toFile: jsonl, atomically: true, encoding: .utf8)
        let schema = expected.schema.fields.map { [$0.name, $0.type.rawValue] }
        let spec: [String: Any] = [
            "checks": [
                [
                    "name": strategy.rawValue, "table": table, "expected_rows": m.rowsWritten, "expected_jsonl": jsonl,
                    "expected_schema": schema,
                ] as [String: Any]
            ]
        ]
        let specPath = dir + "/spec.json"
        try JSONSerialization.data(withJSONObject: spec).write(to: URL(fileURLWithPath: specPath))
        let r = try PipelineOracle.run([PipelineOracle.checkDelta, specPath])
        #expect(r.status == 0, "check_delta.py: \(r.out)\n\(r.err)")
        #expect(r.out.contains("\"ok\": true"), "\(r.out)")

        let sum = try PipelineOracle.run(["-c", PipelineOracle.checksumScript, table])
        #expect(sum.status == 0, "\(sum.err)")
        #expect(sum.out.trimmingCharacters(in: .whitespacesAndNewlines) == m.checksum)
    }

    /// Re-derives the expected rows of a run with the reference model (independent of the strategy).
    static func expectedRows(_ strategy: StrategyKind, input: RunInput, config: PipelineConfig) throws -> ColumnBatch {
        let expectation = try VerifierTests.expectation(strategy, config, recordSchema: try input.recordSchema)
        let schema = TableBatch.schema(records: try input.recordSchema, encoding: config.hash.encoding)
        let batches = try input.batches().map { TableBatch.make($0, schema: schema, hash: config.hash) }
        var starts: [Int] = []
        var first = 0
        for b in batches {
            starts.append(first)
            first += b.rowCount
        }
        let n = batches.reduce(0) { $0 + $1.rowCount }
        let all = batches.dropFirst().reduce(batches[0]) { $0.appending($1) }
        let keys = expectation.key.map { RowDigest.digests(all.selecting($0)) } ?? []
        let sort = expectation.sortBy.flatMap { all.column($0) }.map(ReferenceSortKeys.init)
        let rows = ReferenceModel.expectedRows(expectation, count: n, keys: keys, sortKeys: sort, batchStarts: starts)
        return all.gather(rows)
    }

    /// check_delta.py's canonical form: keys sorted, timestamps µs, dates days, binary hex.
    static func canonicalJSONL(_ batch: ColumnBatch) -> String {
        let order = batch.schema.fields.indices.sorted { batch.schema.fields[$0].name < batch.schema.fields[$1].name }
        var out = ""
        for i in 0..<batch.rowCount {
            let pairs: [(String, JSONValue)] = order.map { c in
                let f = batch.schema.fields[c]
                let col = batch.columns[c]
                if col.isNull(i) { return (f.name, .null) }
                switch col.values {
                case .int32(let v): return (f.name, .int(Int64(v[i])))
                case .int64(let v): return (f.name, .int(v[i]))
                case .double(let v): return (f.name, .double(v[i]))
                case .boolean(let v): return (f.name, .bool(v[i]))
                case .bytes(let b):
                    if f.type == .binary { return (f.name, .string(b[i].map { String(format: "%02x", $0) }.joined())) }
                    return (f.name, .string(b.string(at: i)))
                }
            }
            out += JSONValue.object(pairs).serialized + "\n"
        }
        return out
    }
}
