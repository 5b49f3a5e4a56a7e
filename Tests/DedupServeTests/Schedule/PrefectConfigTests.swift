import DedupPipeline
import Foundation
import Testing

/// The seed's `prefect:` keys load (so a migrating config works) and are checked like every key.
@Suite struct PrefectConfigTests {
    static func write(_ yaml: String) throws -> String {
        let path = NSTemporaryDirectory() + "serve-prefect-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func seedPrefectKeysLoad() throws {
        let path = try Self.write(
            """
            generation: {scale: 1000}
            prefect:
              server: {host: 127.0.0.1, port: 4200}
              execution: {max_retries: 3, retry_delay_seconds: 60}
              schedule: {cron: "0 */6 * * *"}
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let cfg = try PipelineConfig.load(path: path)
        #expect(cfg.prefect.serverHost == "127.0.0.1")
        #expect(cfg.prefect.serverPort == 4200)
        #expect(cfg.prefect.maxRetries == 3)
        #expect(cfg.prefect.retryDelaySeconds == 60)
        #expect(cfg.prefect.cron == "0 */6 * * *")
    }

    @Test func unknownPrefectKeyIsLocated() throws {
        let path = try Self.write("prefect:\n  execution: {retries: 3}\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try PipelineConfig.load(path: path)
            Issue.record("an unknown prefect key must be an error")
        } catch {
            let text = "\(error)"
            #expect(text.contains("retries") && text.contains("max_retries"), "\(text)")
            #expect(text.contains(":2:"), "names the line: \(text)")
        }
    }
}
