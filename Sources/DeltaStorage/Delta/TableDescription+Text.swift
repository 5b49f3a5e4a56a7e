import DedupFormats

/// Human-readable rendering of a `TableDescription` (what `lake inspect` prints).
extension TableDescription {
    /// Text report; at most `maxFiles` live files are listed (nil = all).
    public func text(maxFiles: Int? = 20) -> String {
        var out = "Delta table \(path)\n"
        func line(_ key: String, _ value: String) { out += "  " + key.padding(14) + value + "\n" }
        let travel = version == latestVersion ? "" : "  (time travel; newest is \(latestVersion))"
        line("version", "\(version)\(travel)")
        let p = protocolVersions
        var proto = "reader \(p.minReaderVersion), writer \(p.minWriterVersion)"
        if let f = p.readerFeatures, !f.isEmpty { proto += "; reader features: " + f.joined(separator: ", ") }
        if let f = p.writerFeatures, !f.isEmpty { proto += "; writer features: " + f.joined(separator: ", ") }
        line("protocol", proto)
        line("table id", metadata.id)
        if let n = metadata.name { line("name", n) }
        if let d = metadata.description { line("description", d) }
        if let t = metadata.createdTime { line("created", Self.time(t)) }
        line(
            "partitioned",
            metadata.partitionColumns.isEmpty ? "no" : "by " + metadata.partitionColumns.joined(separator: ", "))
        if !metadata.configuration.isEmpty {
            line(
                "configuration",
                metadata.configuration.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                    separator: ", "))
        }
        let rows = liveRows.map { Self.grouped($0) + " rows" } ?? "rows unknown (files without stats)"
        line("live", "\(Self.grouped(files.count)) files, \(rows), \(Self.bytes(liveBytes))")
        if filesWithDeletionVectors > 0 {
            line(
                "deleted",
                "\(Self.grouped(Int(deletedRows))) rows hidden by deletion vectors in \(Self.grouped(filesWithDeletionVectors)) files"
            )
        }
        line(
            "on disk",
            "\(Self.grouped(filesOnDisk)) files, \(Self.bytes(bytesOnDisk)) (log: \(logFiles) files, \(Self.bytes(logBytes)))"
        )
        let commits = "\(Self.grouped(replayCommits)) JSON commit" + (replayCommits == 1 ? "" : "s")
        line(
            "replay",
            replayCheckpoint.map { "from the checkpoint of version \($0), then \(commits)" }
                ?? "no checkpoint: \(commits) from version 0")
        for n in notes { line("note", n) }

        out += "\nSchema (\(fields.count) columns)\n"
        let nameWidth = max(6, fields.map(\.name.count).max() ?? 0) + 2
        let typeWidth = max(4, fields.map(\.typeName.count).max() ?? 0) + 2
        out += "  " + "column".padding(nameWidth) + "type".padding(typeWidth) + "nullable  partition\n"
        for f in fields {
            let part = metadata.partitionColumns.firstIndex(of: f.name).map { "yes (\($0 + 1))" } ?? ""
            out +=
                ("  " + f.name.padding(nameWidth) + f.typeName.padding(typeWidth)
                + (f.nullable ? "yes" : "no").padding(10) + part)
                .trimmedRight() + "\n"
        }

        out += "\nHistory (\(history.count) commits)\n"
        var table = [["version", "timestamp", "operation", "files +/-", "rows +", "bytes +", "bytes -", "engine"]]
        for h in history {
            var op = h.operation
            if let params = h.parameters, let mode = (try? JSONParser.parse(params))?["mode"]?.stringValue {
                op += " (\(mode))"
            }
            if h.changedMetadata && h.version > 0 { op += " +metadata" }
            table.append([
                "\(h.version)", h.timestamp.map(Self.time) ?? "-", op, "+\(h.addedFiles) -\(h.removedFiles)",
                h.addedRows.map(Self.grouped) ?? "?", Self.bytes(h.addedBytes), Self.bytes(h.removedBytes),
                h.engineInfo ?? "-",
            ])
        }
        out += Self.columns(table)

        let shown = maxFiles.map { min($0, files.count) } ?? files.count
        out += "\nLive files (\(files.count)\(shown < files.count ? ", first \(shown); --all-files lists all" : ""))\n"
        var fileTable = [["path", "rows", "bytes"]]
        for f in files.prefix(shown) {
            fileTable.append([f.relativePath, f.liveRecords.map(Self.grouped) ?? "?", Self.grouped(Int(f.size))])
        }
        if files.isEmpty { out += "  (none)\n" } else { out += Self.columns(fileTable, rightAligned: [1, 2]) }
        return out
    }

    static func columns(_ rows: [[String]], rightAligned: Set<Int> = [4, 5, 6]) -> String {
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max()! }
        return rows.map { r in
            ("  "
                + r.indices.map { c in
                    rightAligned.contains(c) ? r[c].leftPadding(widths[c]) : r[c].padding(widths[c])
                }.joined(separator: "  ")).trimmedRight()
        }.joined(separator: "\n") + "\n"
    }

    /// `YYYY-MM-DD HH:MM:SS UTC` for a ms timestamp.
    static func time(_ ms: Int64) -> String {
        let s = DeltaDateTime.formatStatsTimestamp(micros: ms * 1000)
        return String(s.prefix(10)) + " " + String(s.dropFirst(11).prefix(8)) + " UTC"
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ n: Int) -> String {
        let s = String(abs(n))
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Bytes in binary units with one decimal ("165.3 MiB"), exact below 1 KiB.
    static func bytes(_ b: Int64) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        guard b >= 1024 else { return "\(b) B" }
        var v = Double(b) / 1024
        var u = 0
        while v >= 1024 && u < units.count - 1 {
            v /= 1024
            u += 1
        }
        let tenths = Int((v * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[u])"
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
    fileprivate func leftPadding(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
    fileprivate func trimmedRight() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
