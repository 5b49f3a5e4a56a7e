import Foundation

/// Locates the Python oracle venv (pyarrow, polars, duckdb) and runs scripts/oracle checks.
/// In CI (CI=true) a missing venv is a failure, never a silent skip.
enum Oracle {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var python: String? {
        let env = ProcessInfo.processInfo.environment
        let candidate = env["DEDUPBENCH_ORACLE_PYTHON"] ?? packageRoot + "/.venv-oracle/bin/python"
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether interop tests run: the venv exists, or CI demands them (and they fail without it).
    static var shouldRun: Bool { python != nil || required }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Runs `scripts/oracle/<script> args…` and returns stdout; throws with stderr on failure.
    static func run(_ script: String, _ args: [String]) throws -> String {
        guard let python else {
            throw Failure(description: "oracle venv missing: run `make setup` (or set DEDUPBENCH_ORACLE_PYTHON)")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [packageRoot + "/scripts/oracle/" + script] + args
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Failure(
                description: "\(script) exited \(p.terminationStatus): \(String(decoding: errData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// One JSON object per output line.
    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw Failure(description: "not a JSON object: \(line.prefix(200))")
            }
            return obj
        }
    }
}
