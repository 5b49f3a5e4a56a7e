import ArgumentParser
import DedupHarness
import DedupPipeline
import Foundation

@main
struct Dedupbench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupbench",
        abstract: "Benchmark and compare deduplication strategies for pub/sub messages landing in Delta Lake.",
        discussion: ExitStatus.help,
        version: BuildInfo.versionLine,
        subcommands: [
            LakeCommand.self, PipelineCommand.self, ListCommand.self, BenchCoreCommand.self, RunCommand.self,
            ValidateCommand.self, MergeCommand.self, ReportCommand.self, CompareCommand.self, ServeCommand.self,
        ])

    /// Parses, runs, and turns whatever a command throws into one `dedupbench <cmd>: error: …` line
    /// on stderr and the exit code of `ExitStatus.of` (the only `exit` in the program).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == LifelineGuard.command { LifelineGuard.run(Array(arguments.dropFirst())) }
        Lifeline.watch()  // exit with the harness that started this process (see Lifeline)
        let name = commandName(arguments)
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            exitForParseError(error, name: name)
        }
        do {
            try command.run()
            Foundation.exit(ExitStatus.ok.rawValue)
        } catch let code as ExitCode {
            // The command already said why (e.g. runs failed, a regression).
            Foundation.exit(code.rawValue)
        } catch {
            // Help (`--help` runs as a command), CleanExit, and a ValidationError thrown from run()
            // belong to the argument parser: exit 0 or 64 with its text.
            if error is CleanExit || error is ValidationError
                || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
            {
                exitForParseError(error, name: name)
            }
            Console.error(name, SystemErrorText.describe(error))
            Foundation.exit(ExitStatus.of(error).rawValue)
        }
    }

    /// Help and --version exit 0 with ArgumentParser's text; usage errors print our prefix, the
    /// parser's message and the usage line, and exit 64.
    private static func exitForParseError(_ error: any Error, name: String) -> Never {
        let code = exitCode(for: error)
        if code == .success {
            exit(withError: error)
        }
        Console.error(name, message(for: error))
        let usage = fullMessage(for: error).split(separator: "\n").filter {
            $0.hasPrefix("Usage:") || $0.hasPrefix("  See ")
        }
        for line in usage { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        Foundation.exit(code.rawValue == 0 ? 0 : ExitStatus.usage.rawValue)
    }

    /// `lake inspect`, `run`, … from the leading words that name subcommands.
    static func commandName(_ arguments: [String]) -> String {
        var names: [String] = []
        var level: [ParsableCommand.Type] = configuration.subcommands
        for a in arguments {
            guard let sub = level.first(where: { $0.configuration.commandName == a }) else { break }
            names.append(a)
            level = sub.configuration.subcommands
        }
        return names.joined(separator: " ")
    }
}

/// Diagnostics on stderr, in the one format every subcommand uses.
enum Console {
    /// `dedupbench <cmd>: error: <message>`.
    static func error(_ command: String, _ message: String) {
        let prefix = command.isEmpty ? "dedupbench" : "dedupbench \(command)"
        FileHandle.standardError.write(Data("\(prefix): error: \(message)\n".utf8))
    }

    /// `dedupbench <cmd>: warning: <message>`.
    static func warning(_ command: String, _ message: String) {
        let prefix = command.isEmpty ? "dedupbench" : "dedupbench \(command)"
        FileHandle.standardError.write(Data("\(prefix): warning: \(message)\n".utf8))
    }
}
