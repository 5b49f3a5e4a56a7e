import DedupPipeline
import DedupFormats
import Foundation

/// The results.csv a run appends to: one complete line per `write(2)`, then `fsync`, so a killed
/// sweep loses at most the run in flight and never leaves a torn row behind it. Opening an
/// existing file (to resume) truncates a torn trailing line and collects the recorded run ids.
final class ResultsFile: @unchecked Sendable {
    let path: String
    let columns: [String]
    private let fd: Int32
    private let lock = NSLock()
    /// Run ids already in the file when it was opened.
    private(set) var recordedRunIDs: Set<String> = []
    private(set) var truncatedTornLine = false

    /// Opens `path` for appending. An existing non-empty file is an error unless `resume` is set.
    init(path: String, columns: [String], resume: Bool) throws(ResultsError) {
        self.path = path
        self.columns = columns
        let existing = FileManager.default.contents(atPath: path).map { Array($0) } ?? []
        if !existing.isEmpty, !resume { throw .exists(path: path) }
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, operation: "open", errno: errno) }
        if existing.isEmpty {
            try append(line: CSV.line(columns))
            return
        }
        let parsed: CSV.Document
        do { parsed = try CSV.parse(existing, tornTail: .set) } catch {
            close(fd)
            throw .badCSV(path: path, line: error.line, problem: error.message)
        }
        if parsed.isTorn {
            guard ftruncate(fd, off_t(parsed.completeLength)) == 0 else {
                close(fd)
                throw .io(path: path, operation: "truncate torn line", errno: errno)
            }
            truncatedTornLine = true
        }
        guard let header = parsed.records.first?.fields else {
            // Only a torn header was there: start over.
            try append(line: CSV.line(columns))
            return
        }
        guard header == columns else {
            close(fd)
            throw .schemaMismatch(path: path, found: header, expected: columns)
        }
        let runIndex = header.firstIndex(of: "run_id")!
        for record in parsed.records.dropFirst() where record.fields.count == header.count {
            recordedRunIDs.insert(record.fields[runIndex])
        }
    }

    deinit { close(fd) }

    /// Appends one row (fields in `columns` order) durably.
    func append(_ fields: [String]) throws(ResultsError) {
        try append(line: CSV.line(ColumnTypes.normalise(fields, columns: columns)))
    }

    private func append(line: String) throws(ResultsError) {
        let bytes = Array(line.utf8)
        lock.lock()
        defer { lock.unlock() }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "write", errno: errno)
            }
            offset += n
        }
        guard fsync(fd) == 0 else { throw .io(path: path, operation: "fsync", errno: errno) }
    }
}
