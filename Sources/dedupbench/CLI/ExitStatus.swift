import ArgumentParser
import DedupFormats
import DedupHarness
import DedupPipeline
import DedupReport
import DeltaS3
import DeltaStorage

/// The one exit-code scheme of every subcommand (README, "Exit codes"), and the one place that
/// maps an error to its code (`of`). Commands throw; only `Dedupbench.main` prints and exits.
enum ExitStatus: Int32 {
    /// Everything ran and every verdict is good.
    case ok = 0
    /// The work ran but the verdict is bad: a run failed or timed out, `compare` found a
    /// regression, a chart failed to render; also an unexpected internal error.
    case failed = 1
    /// Bad input: a spec, config, price table, results file or table that does not load (the
    /// message names file, line, key and value), an existing output without --force/--resume.
    case badInput = 2
    /// I/O failure: a file or directory could not be read or written (path, operation, errno).
    case io = 3
    /// Command-line usage (unknown flag, bad flag value), from the argument parser.
    case usage = 64
    /// Interrupted (Ctrl-C); `run --resume` continues.
    case interrupted = 130

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// The table as `--help` shows it.
    static let help = """
        Exit codes (the same for every subcommand):
          0    ok
          1    runs failed or timed out, a regression (compare), a chart failed (report)
          2    bad input: the message names the file, line, key and value
          3    I/O error: a file could not be read or written
          64   command-line usage
          130  interrupted (run --resume continues)
        """

    /// The status for an error a command threw.
    static func of(_ error: any Error) -> ExitStatus {
        switch error {
        case let e as ExitCode: ExitStatus(rawValue: e.rawValue) ?? .failed
        case let e as SourceError: e.isIO ? .io : .badInput
        // S3Error: the S3 settings or URI do not load (each storage request fails as DeltaError).
        case is InputError, is ConfigErrors, is ReportInputError, is S3Error, is StrategyError, is ParquetError: .badInput
        case let e as RunnerError: e.kind == .io ? .io : .badInput
        case let e as ResultsError:
            switch e {
            case .io, .unreadable: .io
            default: .badInput
            }
        case let e as DeltaError:
            switch e.kind {
            case .io: .io
            case .conflict: .failed
            default: .badInput
            }
        case is PerformanceReport.WriteError, is OutputError: .io
        default: SystemErrorText.isIO(error) ? .io : .failed  // the file system failing is I/O
        }
    }
}

/// An output file or directory that could not be written.
struct OutputError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot write \(path): \(reason)" }
}
