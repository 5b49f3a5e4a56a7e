import ArgumentParser
import DeltaStorage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `dedupbench lake …`: write, inspect and benchmark Delta tables with dedupbench's own writer.
struct LakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lake",
        abstract: "Write, inspect and benchmark Delta Lake tables (dedupbench's own Parquet + Delta writer).",
        discussion: LakeExit.help,
        subcommands: [LakeWriteDemo.self, LakeInspect.self, LakeVacuum.self, LakeOptimize.self, LakeBench.self])
}

/// Maps storage errors to documented exit codes, printing one `Error: …` line on stderr.
enum LakeExit {
    static let help = """
        Exit codes:
          0   success
          64  invalid arguments
          65  corrupt log or data file (the message names the file and line)
          66  the path holds no Delta table
          69  the table uses a feature dedupbench does not support
          73  the table already exists
          74  an I/O error
          75  a concurrent writer's commit conflicts with ours
        """

    static func code(_ kind: DeltaError.Kind) -> Int32 {
        switch kind {
        case .invalidInput: 64
        case .corruptLog: 65
        case .notATable: 66
        case .unsupported: 69
        case .tableExists: 73
        case .io: 74
        case .conflict: 75
        }
    }

    /// Runs `body`; a DeltaError or ParquetError becomes a message and its exit code.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as DeltaError {
            fail(e.message, code(e.kind))
        } catch let e as ParquetError {
            fail(e.description, 65)
        }
    }

    static func fail(_ message: String, _ code: Int32) -> Never {
        let line = Array("Error: \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(code)
    }
}
