/// "What machine, what code": the provenance of each result file, from its manifest.
struct EnvironmentSection {
    let files: [ResultFile]
    let relative: (String) -> String

    /// The environment as plain text: values every result set shares, then one column per set.
    struct Table {
        var fileCount: Int
        var shared: [(String, String)]
        var perSet: [(String, [String])]
        /// Result paths (relative) without a manifest.
        var missing: [String]
    }

    func table() -> Table {
        let rows: [(String, (ResultFile) -> String?)] = [
            ("results", { relative($0.table.path) }),
            ("experiment", { m in m.manifest?.experimentName }),
            ("experiment file", { m in
                let file = m.manifest?.experimentFile
                let hash = m.manifest?.experimentHash.map { "sha256 " + String($0.prefix(16)) }
                return [file, hash].compactMap { $0 }.joined(separator: ", ").nonEmpty
            }),
            ("git commit", { m in
                guard let c = m.manifest?.gitCommit else { return nil }
                return String(c.prefix(12)) + (m.manifest?.gitDirty == true ? " (dirty)" : "")
            }),
            ("host", { $0.manifest?.host }),
            ("CPU", { $0.manifest?.cpuModel }),
            ("cores", { $0.manifest?.cores }),
            ("memory", { m in m.manifest?.memoryBytes.map { NumberFormat.fixed($0 / 1_073_741_824, 1) + " GiB" } }),
            ("OS", { $0.manifest?.os }),
            ("Swift", { $0.manifest?.swiftVersion }),
            ("build", { $0.manifest?.buildConfiguration }),
            ("price table", { m in
                [m.manifest?.priceTable, m.manifest?.priceTableVersion.map { "version " + $0 }]
                    .compactMap { $0 }.joined(separator: ", ").nonEmpty
            }),
            ("started", { $0.manifest?.startedAt }),
            ("finished", { $0.manifest?.finishedAt }),
        ]
        let table = rows.map { label, value in (label, files.map { value($0) }) }
            .filter { $0.1.contains { $0 != nil } }
        // Values every set shares are shown once; the rest get one column per result set.
        let shared = table.filter { row in files.count > 1 && Set(row.1.map { $0 ?? "—" }).count == 1 }
        let perSet = table.filter { row in !shared.contains { $0.0 == row.0 } }
        return Table(fileCount: files.count, shared: shared.map { ($0.0, $0.1[0] ?? "—") },
                     perSet: perSet.map { ($0.0, $0.1.map { $0 ?? "—" }) },
                     missing: files.filter { $0.manifest == nil }.map { relative($0.table.path) })
    }

    func render() -> String {
        let t = table()
        var md = "## Environment\n\n"
        if !t.shared.isEmpty {
            md += "| | all \(t.fileCount) result sets |\n|---|---|\n"
            for (label, value) in t.shared { md += "| \(label) | \(TextEscaping.markdownCell(value)) |\n" }
            md += "\n"
        }
        md += "| | " + (0..<t.fileCount).map { t.fileCount == 1 ? "value" : "set \($0 + 1)" }.joined(separator: " | ") + " |\n"
        md += "|---|" + String(repeating: "---|", count: t.fileCount) + "\n"
        for (label, values) in t.perSet {
            md += "| \(label) | " + values.map(TextEscaping.markdownCell).joined(separator: " | ") + " |\n"
        }
        md += "\n"
        if !t.missing.isEmpty {
            md += "No `manifest.json` beside " + t.missing.map { "`\($0)`" }.joined(separator: ", ")
                + ": machine and code version unknown for those runs.\n\n"
        }
        return md
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
