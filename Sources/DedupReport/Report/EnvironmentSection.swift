/// "What machine, what code": the provenance of each result file, from its manifest.
struct EnvironmentSection {
    let files: [ResultFile]
    let relative: (String) -> String

    func render() -> String {
        var md = "## Environment\n\n"
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
        let missing = files.filter { $0.manifest == nil }
        let table = rows.map { label, value in (label, files.map { value($0) }) }
            .filter { $0.1.contains { $0 != nil } }
        // Values every set shares are shown once; the rest get one column per result set.
        let shared = table.filter { row in files.count > 1 && Set(row.1.map { $0 ?? "—" }).count == 1 }
        let perSet = table.filter { row in !shared.contains { $0.0 == row.0 } }
        if !shared.isEmpty {
            md += "| | all \(files.count) result sets |\n|---|---|\n"
            for (label, values) in shared { md += "| \(label) | \(TextEscaping.markdownCell(values[0] ?? "—")) |\n" }
            md += "\n"
        }
        md += "| | " + files.indices.map { files.count == 1 ? "value" : "set \($0 + 1)" }.joined(separator: " | ") + " |\n"
        md += "|---|" + String(repeating: "---|", count: files.count) + "\n"
        for (label, values) in perSet {
            md += "| \(label) | " + values.map { TextEscaping.markdownCell($0 ?? "—") }.joined(separator: " | ") + " |\n"
        }
        md += "\n"
        if !missing.isEmpty {
            md += "No `manifest.json` beside " + missing.map { "`\(relative($0.table.path))`" }.joined(separator: ", ")
                + ": machine and code version unknown for those runs.\n\n"
        }
        return md
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
