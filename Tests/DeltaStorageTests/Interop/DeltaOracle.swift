import Foundation
import Testing

/// The Python oracle venv (pyarrow, polars, deltalake, duckdb + delta extension) and the built
/// `dedupbench` binary, located for the interop tests.
enum DeltaOracle {
    /// The package root, from this file's path (Tests/DeltaStorageTests/Interop/DeltaOracle.swift).
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let python: String = {
        if let p = ProcessInfo.processInfo.environment["DEDUPBENCH_ORACLE_PYTHON"], !p.isEmpty { return p }
        return packageRoot + "/.venv-oracle/bin/python"
    }()

    static var isCI: Bool { ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "") }
    static var available: Bool { FileManager.default.isExecutableFile(atPath: python) }
    /// Run interop tests when the venv exists, and always in CI (where a missing venv must fail loudly).
    static var shouldRun: Bool { available || isCI }

    static let checkScript = packageRoot + "/scripts/oracle/check_delta.py"

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program to completion.
    static func run(_ executable: String, _ arguments: [String]) throws -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read both pipes before waiting so a chatty child cannot block on a full pipe.
        nonisolated(unsafe) var e = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            e = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Output(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    /// Starts every command at once, then waits for all (for racing writers). Outputs must be
    /// small (they are read after exit, so each must fit a pipe buffer).
    static func runConcurrently(_ executable: String, _ commands: [[String]]) throws -> [Output] {
        var running: [(Process, Pipe, Pipe)] = []
        for args in commands {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = args
            let out = Pipe()
            let err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            running.append((p, out, err))
        }
        return running.map { p, out, err in
            p.waitUntilExit()
            return Output(
                status: p.terminationStatus,
                stdout: String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                stderr: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
    }

    /// Runs check_delta.py on a spec; returns one parsed result per check, keyed by name.
    static func check(_ checks: [[String: Any]], in dir: String) throws -> [String: [String: Any]] {
        guard available else {
            Issue.record("oracle venv missing at \(python): run `make setup` (interop tests must run in CI)")
            return [:]
        }
        let spec = dir + "/spec.json"
        try JSONSerialization.data(withJSONObject: ["checks": checks], options: [.sortedKeys]).write(
            to: URL(fileURLWithPath: spec))
        let r = try run(python, [checkScript, spec])
        var results: [String: [String: Any]] = [:]
        for line in r.stdout.split(separator: "\n") {
            if let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let name = obj["name"] as? String
            {
                results[name] = obj
            }
        }
        if results.count != checks.count {
            Issue.record(
                "check_delta.py exited \(r.status) with \(results.count)/\(checks.count) results; stderr:\n\(r.stderr)")
        }
        return results
    }

    /// Expects every named check to have passed, showing the script's errors otherwise.
    static func expectPassed(
        _ results: [String: [String: Any]], _ names: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for n in names {
            let r = results[n]
            #expect(
                r?["ok"] as? Bool == true, "\(n): \(r.map { "\($0)" } ?? "no result")", sourceLocation: sourceLocation)
        }
    }

    /// The `dedupbench` executable built next to the test bundle (`swift build --build-tests` builds it).
    static var dedupbench: String? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("dedupbench").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }
}
