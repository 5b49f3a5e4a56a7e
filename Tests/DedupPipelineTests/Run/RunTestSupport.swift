import DeltaStorage
import Foundation

@testable import DedupPipeline

/// Scratch directories and small configs for pipeline run tests.
enum RunTestSupport {
    /// A fresh empty directory under the system temp dir.
    static func tempDir(_ name: String) -> String {
        let dir = NSTemporaryDirectory() + "dedupbench-run-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func remove(_ dir: String) { try? FileManager.default.removeItem(atPath: dir) }

    /// A small config: `scale` messages from `source`, fixed chaos, `batches` micro-batches.
    static func config(
        source: SourceKind = .synthetic, mode: GenerationMode = .speed, scale: Int = 3000, batches: Int = 5,
        dupProb: Double = 0.2, slowProb: Double = 0.1, extra: [(String, String)] = []
    ) throws -> PipelineConfig {
        var overrides: [(key: String, value: String)] = [
            ("source.type", source.rawValue), ("generation.mode", mode.rawValue), ("generation.scale", "\(scale)"),
            ("batches", "\(batches)"), ("generation.chaos.dup_prob", "\(dupProb)"),
            ("generation.chaos.slow_prob", "\(slowProb)"),
            // 2000 events/s of event time: small runs still span two dates
            ("generation.rate", "0.02"),
        ]
        overrides += extra.map { (key: $0.0, value: $0.1) }
        return try PipelineConfig.defaults(overrides: overrides)
    }

    /// Writes a JSONL file with `count` messages, every 7th delivered twice, and returns its path.
    static func jsonlFile(in dir: String, count: Int) throws -> String {
        var lines: [String] = []
        for i in 0..<count {
            let id = String(format: "m%07d", i)
            let line =
                "{\"message_id\":\"\(id)\",\"sequence_id\":\(i),\"partition_id\":\(i % 3),\"created_at\":\(1_736_726_400 + i * 60),\"value\":\(100 + i % 900),\"zipcode\":\"\(String(format: "%05d", i * 7 % 100_000))\"}"
            lines.append(line)
            if i % 7 == 3 { lines.append(line) }
        }
        let path = dir + "/input.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
