/// The "interrupted: continue with …" command: the whole command line as it was typed (every
/// `--set`, `--jobs`, `--shard`, …), with `--resume` and `--results DIR` in place of any earlier
/// ones, quoted for a POSIX shell so it can be pasted as is.
public enum ResumeHint {
    /// - Parameters:
    ///   - arguments: `CommandLine.arguments` of the interrupted run (the executable first).
    ///   - resultsDirectory: the folder the run wrote to.
    public static func command(arguments: [String], resultsDirectory: String) -> String {
        var kept: [String] = []
        var i = arguments.startIndex
        while i < arguments.endIndex {
            let a = arguments[i]
            if a == "--resume" || a.hasPrefix("--results=") || a == "--dry-run" {
                i += 1
                continue
            }
            if a == "--results" {
                i += 2
                continue
            }
            kept.append(a)
            i += 1
        }
        if kept.isEmpty { kept = ["dedupbench", "run"] }
        return (kept + ["--resume", "--results", resultsDirectory]).map(shellQuote).joined(separator: " ")
    }

    /// `text` as one POSIX shell word: unchanged when it has only safe characters, else single-quoted.
    public static func shellQuote(_ text: String) -> String {
        let safe = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:,@%+".contains($0)) }
        if safe && !text.isEmpty { return text }
        return "'" + text.replacing("'", with: "'\\''") + "'"
    }
}
