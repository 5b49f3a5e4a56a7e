import Foundation

/// The closing lines of `dedupbench pipeline`: where each strategy's Delta table went and how much
/// disk it uses (every file under the table directory, log included), so a user can inspect or
/// delete them (`make clean-out`). `outDir` is where the tables really are: OUT, or
/// `<storage.delta_base_path>/<last component of OUT>` (`PipelineRunner.tableBase`).
enum TableLocations {
    static func describe(outDir: String, strategies: [String]) -> String {
        if outDir.hasPrefix("s3://") {
            return "tables: \(outDir) (\(strategies.count) table(s) in S3)\n"
                + strategies.map { "  " + (outDir.hasSuffix("/") ? outDir + $0 : outDir + "/" + $0) }.joined(
                    separator: "\n")
        }
        var lines: [String] = []
        var total: Int64 = 0
        for s in strategies {
            let path = outDir.hasSuffix("/") ? outDir + s : outDir + "/" + s
            let bytes = diskUsage(path)
            total += bytes
            lines.append("  \(path)  \(human(bytes))")
        }
        let cleanup = outDir.hasPrefix("out/") || outDir == "out" ? "make clean-out" : "rm -r \(outDir)"
        return "tables: \(outDir) (\(strategies.count) table(s), \(human(total)) on disk; remove with \(cleanup))\n"
            + lines.joined(separator: "\n")
    }

    /// Bytes of the regular files below `path` (0 when missing).
    static func diskUsage(_ path: String) -> Int64 {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
        var total: Int64 = 0
        while let item = walker.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + item)
            if attributes?[.type] as? FileAttributeType == .typeRegular {
                total += (attributes?[.size] as? NSNumber)?.int64Value ?? 0
            }
        }
        return total
    }

    /// Decimal units: "812 kB", "156.3 MB", "1.2 GB".
    static func human(_ bytes: Int64) -> String {
        let b = Double(bytes)
        for (scale, unit) in [(1e9, "GB"), (1e6, "MB"), (1e3, "kB")] where b >= scale {
            let value = b / scale
            return (value >= 100 ? "\(Int(value.rounded()))" : "\((value * 10).rounded() / 10)") + " " + unit
        }
        return "\(bytes) B"
    }
}
