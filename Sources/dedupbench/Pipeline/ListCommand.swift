import ArgumentParser
import DedupPipeline
import DeltaStorage

/// `dedupbench list`: the names a config or command line may use.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List sources, strategies, hash algorithms, hash encodings and codecs.")

    @Argument(help: "What to list: sources, strategies, hashes, encodings, codecs (default: all).")
    var what: [String] = []

    static let sections = ["sources", "strategies", "hashes", "encodings", "codecs"]

    func validate() throws {
        for w in what where !Self.sections.contains(w) {
            throw ValidationError("'\(w)' is not one of: \(Self.sections.joined(separator: ", "))")
        }
    }

    func run() {
        let chosen = what.isEmpty ? Self.sections : what
        var blocks: [String] = []
        for s in chosen {
            var lines = [s + ":"]
            switch s {
            case "sources":
                lines += SourceKind.allCases.map {
                    "  " + $0.rawValue + ($0 == .synthetic ? " (also: polars_synthetic)" : "")
                }
            case "strategies":
                let w = StrategyKind.names.map(\.count).max() ?? 0
                lines += StrategyKind.allCases.map {
                    "  " + $0.rawValue + String(repeating: " ", count: w - $0.rawValue.count + 2) + $0.summary
                }
            case "hashes": lines += HashAlgorithm.allCases.map { "  \($0.rawValue) (\($0.digestBytes) bytes)" }
            case "encodings": lines += HashEncoding.allCases.map { "  " + $0.rawValue }
            default: lines += Codec.allCases.map { "  " + ($0 == .uncompressed ? "none (uncompressed)" : $0.rawValue) }
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        print(blocks.joined(separator: "\n\n"))
    }
}
