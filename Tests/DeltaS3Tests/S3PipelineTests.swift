import DedupPipeline
import DeltaStorage
import Foundation
import Testing

@testable import DeltaS3

/// dedupbench on a real S3 API (moto on loopback), through real processes: every strategy writes
/// its table to `s3://…` and deltalake and polars read it back from the same endpoint; two
/// writers race for one version; measured request counts against the model.
@Suite(.enabled(if: S3TestServer.shouldRun, "needs moto's server: run `make setup`"), .serialized)
struct S3PipelineTests {
    static let oraclePython: String = {
        if let p = ProcessInfo.processInfo.environment["DEDUPBENCH_ORACLE_PYTHON"], !p.isEmpty { return p }
        return S3TestServer.packageRoot + "/.venv-oracle/bin/python"
    }()

    static var dedupbench: String? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("dedupbench").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Starts every command at once with `env` added, then waits for all.
    static func run(_ exe: String, _ commands: [[String]], env: [String: String]) throws -> [Output] {
        var running: [(Process, Pipe, Pipe, FileHandle)] = []
        for args in commands {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: exe)
            p.arguments = args
            p.currentDirectoryURL = URL(fileURLWithPath: S3TestServer.packageRoot)
            p.environment = ProcessInfo.processInfo.environment.merging(env) { _, new in new }
            let out = Pipe()
            let err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            running.append((p, out, err, out.fileHandleForReading))
        }
        return running.map { p, out, err, _ in
            let o = out.fileHandleForReading.readDataToEndOfFile()
            let e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return Output(
                status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                stderr: String(decoding: e, as: UTF8.self))
        }
    }

    static func jsonLines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    static func tempDir(_ name: String) -> String {
        let dir = NSTemporaryDirectory() + "dedupbench-s3-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func everyStrategyWritesToS3AndPythonReadersAgree() throws {
        let bin = try #require(Self.dedupbench, "dedupbench not built next to the tests (swift build --build-tests)")
        let server = try S3TestServer.start()
        defer { server.stop() }
        _ = try server.store(bucket: "lake")
        let local = Self.tempDir("pipeline")
        defer { try? FileManager.default.removeItem(atPath: local) }
        let common = [
            "pipeline", "--source", "synthetic", "--mode", "chaos", "--scale", "3000", "--batches", "4", "--seed", "7",
            "--json", "--log-level", "error",
        ]
        let runs = try Self.run(
            bin, [common + ["--out", "s3://lake/run1"], common + ["--out", local]], env: server.environment)
        #expect(runs[0].status == 0, "\(runs[0].stderr)")
        #expect(runs[1].status == 0, "\(runs[1].stderr)")
        let s3 = Self.jsonLines(runs[0].stdout)
        let disk = Self.jsonLines(runs[1].stdout)
        #expect(s3.count == 4 && disk.count == 4)

        var checks: [[String: Any]] = []
        var report: [String] = []
        for (r, l) in zip(s3, disk) {
            let name = r["strategy"] as? String ?? "?"
            #expect(r["status"] as? String == "ok", "\(name): \(r["error"] ?? "")")
            #expect(r["storage_backend"] as? String == "s3")
            #expect(r["requests_source"] as? String == "measured")
            #expect(l["requests_source"] as? String == "modelled")
            // Same seed → same rows, bytes and checksum, whichever store holds the table.
            for k in ["rows_written", "bytes_written", "files_written", "commits", "live_bytes", "checksum"] {
                #expect("\(r[k] ?? "")" == "\(l[k] ?? "")", "\(name): \(k)")
            }
            let measured = (r["put_requests"] as? Int ?? -1, r["get_requests"] as? Int ?? -1)
            let modelled = (l["put_requests"] as? Int ?? -1, l["get_requests"] as? Int ?? -1)
            report.append(
                "\(name): PUT-class measured \(measured.0) vs modelled \(modelled.0), GET-class \(measured.1) vs \(modelled.1)"
            )
            // The model counts one PUT per data file and commit; a real writer also LISTs the log and
            // GETs commits (snapshot per batch), so it sends more requests of both classes, never fewer.
            #expect(measured.0 >= modelled.0, "\(name)")
            #expect(measured.1 >= modelled.1, "\(name)")
            if name == "bronze_append" {
                // Exactly (docs/S3.md): + one LIST of _delta_log per commit (snapshot before each append,
                // the existence check before create), and each append's snapshot GETs commits 0…v.
                let commits = r["commits"] as? Int ?? -1
                #expect(measured.0 == modelled.0 + commits)
                #expect(measured.1 == (1...(commits - 1)).reduce(0, +))
            }
            checks.append([
                "name": name, "table": "s3://lake/run1/\(name)", "expected_rows": r["rows_written"] ?? -1,
                "reference": local + "/" + name,
            ])
        }
        print(report.joined(separator: "\n"))

        let spec = local + "/spec.json"
        let options = server.environment.merging(["AWS_ALLOW_HTTP": "true"]) { a, _ in a }
        try JSONSerialization.data(withJSONObject: ["storage_options": options, "checks": checks]).write(
            to: URL(fileURLWithPath: spec))
        let check = try Self.run(
            Self.oraclePython, [[S3TestServer.packageRoot + "/scripts/oracle/check_delta_s3.py", spec]], env: [:])[0]
        let results = Self.jsonLines(check.stdout)
        #expect(results.count == 4, "check_delta_s3.py: \(check.stderr)")
        for r in results { #expect(r["ok"] as? Bool == true, "\(r)") }

        // lake inspect reads the log from S3 too.
        let inspect = try Self.run(
            bin, [["lake", "inspect", "s3://lake/run1/bronze_append", "--json"]], env: server.environment)[0]
        #expect(inspect.status == 0, "\(inspect.stderr)")
        let d = try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [String: Any]
        #expect((d?["live"] as? [String: Any])?["rows"] as? Int == s3.first?["rows_written"] as? Int)
    }

    @Test func racingProcessesLoseNoCommitOnS3() throws {
        let bin = try #require(Self.dedupbench, "dedupbench not built next to the tests (swift build --build-tests)")
        let server = try S3TestServer.start()
        defer { server.stop() }
        _ = try server.store(bucket: "race")
        let dir = Self.tempDir("race")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let barrier = dir + "/barrier"
        try FileManager.default.createDirectory(atPath: barrier, withIntermediateDirectories: false)
        let table = "s3://race/t"
        let create = try Self.run(
            bin, [["lake", "write-demo", "--rows", "200", "--seed", "11", "--out", table]], env: server.environment)[0]
        #expect(create.status == 0, "\(create.stderr)")
        // Both read version 1, write their files, meet at the barrier, then race for version 2 with
        // If-None-Match: *; the loser must renumber to 3.
        let args = [
            "lake", "write-demo", "--rows", "300", "--seed", "12", "--out", table, "--mode", "append", "--json",
            "--race-barrier", barrier,
        ]
        let outputs = try Self.run(bin, [args, args], env: server.environment)
        var versions: [Int] = []
        var retries: [Int] = []
        for o in outputs {
            #expect(o.status == 0, "\(o.stderr)")
            let json = Self.jsonLines(o.stdout).first
            versions.append(json?["version"] as? Int ?? -1)
            retries.append(json?["retries"] as? Int ?? -1)
        }
        #expect(versions.sorted() == [2, 3])
        #expect(retries.sorted() == [0, 1])
        let store = try S3ObjectStore(uri: table, settings: try server.settings())
        let snap = try DeltaTable.open(in: store).snapshot()
        #expect(snap.version == 3)
        #expect(snap.files.reduce(0) { $0 + ($1.numRecords ?? 0) } == 800)
        #expect(Set(snap.files.map(\.path)).count == snap.files.count)
        #expect(try DeltaTable.open(in: store).read().rowCount == 800)
    }
}
