import DedupReport
import Foundation

/// Finds and loads the result sets under the served results folders.
///
/// Requests never name a file path: they name a set by its `id`, which is looked up in the list this
/// catalog scanned, and files inside a set are taken from a fixed list (`ServedFile`). So a request
/// cannot reach anything outside the folders given to `serve`, whatever it contains (`..`, `%2f`, …).
///
/// Scans are cached for `rescanInterval` seconds; a set's rows are re-read only when its results.csv
/// changed size or modification time. Thread-safe.
public final class ResultCatalog: @unchecked Sendable {
    /// The results folders as given (`--results`), each standardised to an absolute path.
    public let roots: [String]
    public let rescanInterval: TimeInterval
    /// A set without a finish time is shown as running while its results.csv changed this recently.
    public let staleAfter: TimeInterval

    private let lock = NSLock()
    private var scannedAt: Date = .distantPast
    private var entries: [ResultSetEntry] = []
    private var files: [String: (size: Int, modified: Date, file: ResultFile?, error: String?)] = [:]

    /// Folders never descended into: Delta tables kept by `--keep-tables`, logs and chart output.
    static let skippedFolders: Set<String> = ["tables", "_delta_log", "charts", ".serve-cache"]

    public init(roots: [String], rescanInterval: TimeInterval = 1, staleAfter: TimeInterval = 600) {
        self.roots = roots.map { Self.absolute($0) }
        self.rescanInterval = rescanInterval
        self.staleAfter = staleAfter
    }

    static func absolute(_ path: String) -> String {
        let url =
            path.hasPrefix("/")
            ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    /// Every result set, newest first (by results.csv modification time), rescanned when stale.
    public func sets(now: Date = Date()) -> [ResultSetEntry] {
        lock.lock()
        defer { lock.unlock() }
        if now.timeIntervalSince(scannedAt) >= rescanInterval || now < scannedAt {
            entries = scan()
            scannedAt = now
        }
        return entries
    }

    /// Forces the next `sets()` to rescan (after the scheduler started a run, say).
    public func invalidate() {
        lock.lock()
        scannedAt = .distantPast
        lock.unlock()
    }

    /// The set with this id, or nil (unknown ids are never turned into paths).
    public func set(id: String) -> ResultSetEntry? {
        sets().first { $0.id == id }
    }

    /// The set's results and manifest (nil with an error text when unreadable).
    public func load(_ entry: ResultSetEntry) -> (file: ResultFile?, error: String?) {
        lock.lock()
        defer { lock.unlock() }
        let r = loadLocked(entry.csvPath)
        return (r.file, r.error)
    }

    private func loadLocked(_ csvPath: String) -> (size: Int, modified: Date, file: ResultFile?, error: String?) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: csvPath)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
        let modified = attributes?[.modificationDate] as? Date ?? .distantPast
        let manifestPath = (csvPath as NSString).deletingLastPathComponent + "/manifest.json"
        let manifestModified =
            (try? FileManager.default.attributesOfItem(atPath: manifestPath))?[.modificationDate] as? Date
        let stamp = max(modified, manifestModified ?? .distantPast)
        if let cached = files[csvPath], cached.size == size, cached.modified == stamp { return cached }
        var result: (size: Int, modified: Date, file: ResultFile?, error: String?)
        do {
            result = (size, stamp, try Self.read(csvPath: csvPath), nil)
        } catch {
            result = (size, stamp, nil, error.description)
        }
        files[csvPath] = result
        return result
    }

    /// Reads a results file that may be growing: a last line without its newline is a row still being
    /// written, so it is left for the next read instead of failing the whole file.
    static func read(csvPath: String) throws(ReportInputError) -> ResultFile {
        guard let data = FileManager.default.contents(atPath: csvPath) else {
            throw ReportInputError(path: csvPath, message: "cannot read the results file")
        }
        var bytes = Array(data)
        if let last = bytes.lastIndex(of: 0x0A), last != bytes.count - 1 { bytes.removeSubrange((last + 1)...) }
        let table = try ResultTable.parse(bytes: bytes, path: csvPath)
        let manifestPath = (csvPath as NSString).deletingLastPathComponent + "/manifest.json"
        let manifest =
            FileManager.default.fileExists(atPath: manifestPath) ? try RunManifest.load(path: manifestPath) : nil
        return ResultFile(table: table, manifest: manifest)
    }

    private func scan() -> [ResultSetEntry] {
        var found: [(root: String, relative: String, directory: String)] = []
        let fm = FileManager.default
        for root in roots {
            if fm.fileExists(atPath: root + "/results.csv") {
                found.append((root, (root as NSString).lastPathComponent, root))
                continue
            }
            // Breadth-limited walk: result sets sit a few levels down (experiment/timestamp).
            var queue: [(String, Int)] = [("", 0)]
            while !queue.isEmpty {
                let (relative, depth) = queue.removeFirst()
                let directory = relative.isEmpty ? root : root + "/" + relative
                guard let names = try? fm.contentsOfDirectory(atPath: directory) else { continue }
                for name in names.sorted() where !name.hasPrefix(".") && !Self.skippedFolders.contains(name) {
                    let child = relative.isEmpty ? name : relative + "/" + name
                    var isDirectory: ObjCBool = false
                    guard fm.fileExists(atPath: root + "/" + child, isDirectory: &isDirectory), isDirectory.boolValue
                    else {
                        continue
                    }
                    if fm.fileExists(atPath: root + "/" + child + "/results.csv") {
                        found.append((root, child, root + "/" + child))
                    } else if depth < 4 {
                        queue.append((child, depth + 1))
                    }
                }
            }
        }
        var used = Set<String>()
        var out: [ResultSetEntry] = []
        for item in found {
            var id = Self.slug(item.relative)
            if used.contains(id) {
                var n = 2
                while used.contains("\(id)@\(n)") { n += 1 }
                id = "\(id)@\(n)"
            }
            used.insert(id)
            let loaded = loadLocked(item.directory + "/results.csv")
            let modified =
                (try? fm.attributesOfItem(atPath: item.directory + "/results.csv"))?[.modificationDate] as? Date
                ?? .distantPast
            out.append(
                ResultSetEntry(
                    id: id, directory: item.directory, root: item.root, file: loaded.file,
                    modified: modified, loadError: loaded.error))
        }
        return out.sorted { ($0.modified, $1.id) > ($1.modified, $0.id) }
    }

    /// `a/b c` → `a~b_c`: letters, digits, `.`, `_`, `-` kept; `/` written as `~`; anything else `_`.
    static func slug(_ relative: String) -> String {
        String(
            relative.map { c -> Character in
                if c == "/" { return "~" }
                if c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "_" || c == "-") { return c }
                return "_"
            })
    }
}
