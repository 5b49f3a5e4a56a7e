import DedupPipeline
import Foundation

@testable import DedupReport

/// Paths and builders shared by the report tests.
enum TestSupport {
    /// Tests/DedupReportTests/Fixtures in the source tree (golden files are re-recorded there).
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A fresh empty directory under the system temporary directory.
    static func temporaryDirectory(_ name: String = #function) throws -> URL {
        let slug = TextEscaping.slug(name)
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("dedupbench-report-tests-\(getpid())")
            .appendingPathComponent(slug)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// gnuplot for the tests. In CI (CI=true) its absence is a failure, never a skip.
    static func gnuplot() -> GnuplotRunner? { GnuplotRunner.locate(timeout: 60) }
    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Writes an executable script through a close-on-exec descriptor, then closes it. A child
    /// spawned meanwhile by a parallel test must not inherit a descriptor open for writing, or
    /// exec of the script fails with "Text file busy" (ETXTBSY) for as long as that child runs.
    static func writeExecutable(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }

    /// One crafted run; every other column gets a plausible default.
    struct Run {
        var cell: String
        var repeatIndex: Int
        var wall: Double = 1.0
        var throughput: Double = 100_000
        var bytes: Int = 1_000_000
        var status = "ok"
        var params = #"{"strategy":"eager_dedup"}"#
        var seed: String?
        var overrides: [String: String] = [:]
    }

    /// A results.csv with exactly the `ResultColumns.all` header.
    static func csv(_ runs: [Run], columns: [String] = ResultColumns.all) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for r in runs {
            var v: [String: String] = [
                "experiment": "crafted", "cell_id": r.cell, "run_id": "\(r.cell)-\(r.repeatIndex)",
                "repeat": String(r.repeatIndex), "seed": r.seed ?? String(1000 + r.repeatIndex), "strategy": "eager_dedup",
                "source": "synthetic", "mode": "chaos", "scale": "100000", "batches": "10", "dup_prob": "0.1",
                "slow_prob": "0", "drop_prob": "0", "hash_algorithm": "sha256", "hash_encoding": "hex",
                "codec": "snappy", "params": r.params, "records_in": "110000", "unique_in": "100000",
                "duplicates_in": "10000", "dropped_in": "0", "rows_written": "100000", "duplicates_left": "0",
                "lost_records": "0", "files_written": "10", "commits": "10", "bytes_written": String(r.bytes),
                "table_bytes": String(r.bytes), "live_bytes": String(r.bytes), "put_requests": "20",
                "get_requests": "10", "s3_storage_usd_month": "0.0000214", "s3_request_usd": "0.0001",
                "s3_total_usd": "0.0001214", "wall_s": NumberFormat.shortest(r.wall),
                "gen_s": NumberFormat.shortest(r.wall * 0.2), "hash_s": NumberFormat.shortest(r.wall * 0.2),
                "dedup_s": NumberFormat.shortest(r.wall * 0.3), "write_s": NumberFormat.shortest(r.wall * 0.3),
                "throughput_rps": NumberFormat.shortest(r.throughput), "peak_rss_bytes": "200000000",
                "cpu_s": NumberFormat.shortest(r.wall * 1.5), "checksum": "c-\(r.cell)-\(r.repeatIndex)",
                "status": r.status, "error": r.status == "ok" ? "" : "it broke", "attempts": "1",
            ]
            for (k, x) in r.overrides { v[k] = x }
            out += columns.map { quote(v[$0] ?? "") }.joined(separator: ",") + "\n"
        }
        return out
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    /// Writes a results.csv (and optionally a manifest) into `directory` and loads it.
    static func resultFile(_ csv: String, in directory: URL, manifest: String? = nil) throws -> ResultFile {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try csv.write(to: directory.appendingPathComponent("results.csv"), atomically: true, encoding: .utf8)
        if let manifest {
            try manifest.write(to: directory.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        }
        return try ResultFile.load(csvPath: directory.appendingPathComponent("results.csv").path)
    }

    static func manifest(cpu: String = "Test CPU 3000", cores: Int = 2) -> String {
        #"{"schema_version": 1, "cpu_model": "\#(cpu)", "cores": \#(cores), "git": {"commit": "abc123", "dirty": false}}"#
    }
}
