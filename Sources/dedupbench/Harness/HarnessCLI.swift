import ArgumentParser
import DedupHarness
import Foundation

/// Error reporting and exit codes shared by `run`, `validate` and `merge` (docs/EXPERIMENTS.md):
/// 0 success, 1 an I/O or internal error, 2 bad input (spec, flags, results files), 3 some runs
/// failed or timed out (all recorded), 130 interrupted (resume with --resume).
enum HarnessCLI {
    static let badInput: Int32 = 2
    static let runsFailed: Int32 = 3
    static let interrupted: Int32 = 130

    /// Prints `error: …` on stderr and returns the exit code for `error`.
    static func fail(_ error: any Error) -> ExitCode {
        let code: Int32
        switch error {
        case is SpecError: code = badInput
        case let e as ResultsError:
            if case .io = e { code = 1 } else { code = badInput }
        case let e as ExitCode: return e
        default: code = 1
        }
        printError(SystemErrorText.describe(error))
        return ExitCode(code)
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data("error: \(text)\n".utf8))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }

    /// This binary's absolute path (children run `<it> pipeline …`).
    static func currentExecutable() -> String {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        if n > 0 { return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        let arg0 = CommandLine.arguments[0]
        return arg0.hasPrefix("/") ? arg0 : FileManager.default.currentDirectoryPath + "/" + arg0
    }
}
