#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A table directory on the local file system as an object store. Keys map to paths under
/// `root`; missing parent directories are created on the first write.
///
/// Put-if-absent has two forms, both never overwriting: a durable one (commits) writes a hidden
/// temp file beside the target, fsyncs it, `link(2)`s it to the target (EEXIST = someone else won)
/// and fsyncs the directory; a non-durable one (data files, fsynced later in the background)
/// creates the file with `O_EXCL`. Never `rename(2)`, which overwrites.
///
/// With `simulate`, every call first sleeps as a request to a remote store would take
/// (`latency_ms` plus the payload at `mbps`), and `localPath` returns nil so that reads go through
/// `get` and pay for it too.
public struct LocalObjectStore: ObjectStore {
    public let root: String
    public let simulate: StoreSimulation?

    /// `root` is the table directory (a trailing `/` is dropped).
    public init(root: String, simulate: StoreSimulation? = nil) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.simulate = simulate
    }

    public var requests: RequestCounts? { nil }
    public var backend: String { simulate == nil ? "local" : "simulated" }

    private func path(_ key: String) -> String { key.isEmpty ? root : root + "/" + key }

    public func localPath(_ key: String) -> String? { simulate == nil ? path(key) : nil }

    @discardableResult
    public func put(
        _ key: String, ifAbsent: Bool, durable: Bool, _ produce: ((UnsafeRawBufferPointer) -> Void) -> Void
    ) throws(DeltaError) -> Bool {
        let target = path(key)
        // A simulated request pays for the bytes written (the size of what ended up there).
        defer { if let simulate { simulate.pay(bytes: Int(FileSystem.fileSize(target) ?? 0)) } }
        let dir = Self.parent(target)
        if ifAbsent && !durable {
            return try withParent(dir) { () throws(DeltaError) -> Bool in
                try FileSystem.writeNew(target, sync: false, produce)
            }
        }
        // Durable or overwriting: a complete, fsynced temp file first, then link (put-if-absent)
        // or rename (put) it into place, so readers never see a partial object.
        var names = NameGenerator(seed: nil, stream: 0)
        let tmp = dir + "/.tmp-" + names.uuid() + "." + Self.suffix(key)
        guard
            try withParent(
                dir, { () throws(DeltaError) -> Bool in try FileSystem.writeNew(tmp, sync: durable, produce) })
        else { throw DeltaError(.io, "temporary file \(tmp) already exists") }
        defer { unlink(tmp) }
        if ifAbsent {
            guard link(tmp, target) == 0 else {
                let code = errno
                if code == EEXIST { return false }
                throw .io("publishing (link) to", target, errno: code)
            }
        } else {
            guard rename(tmp, target) == 0 else { throw .io("renaming into", target, errno: errno) }
        }
        if durable { FileSystem.syncDirectory(dir) }
        return true
    }

    public func get(_ key: String, range: Range<Int64>?) throws(DeltaError) -> [UInt8] {
        let bytes: [UInt8]
        if let range {
            bytes = try FileSystem.readRange(path(key), range)
        } else {
            bytes = try FileSystem.readAll(path(key))
        }
        simulate?.pay(bytes: bytes.count)
        return bytes
    }

    public func head(_ key: String) throws(DeltaError) -> Int64? {
        simulate?.pay(bytes: 0)
        return FileSystem.fileSize(path(key))
    }

    public func modifiedMillis(_ key: String) throws(DeltaError) -> Int64? {
        simulate?.pay(bytes: 0)
        return FileSystem.modificationMillis(path(key))
    }

    public func list(prefix: String) throws(DeltaError) -> [ObjectEntry] {
        simulate?.pay(bytes: 0)
        // The directory part of the prefix is walked; the rest filters names (S3 prefixes need not end in /).
        let slash = prefix.lastIndex(of: "/")
        let dirKey = slash.map { String(prefix[..<$0]) } ?? ""
        let dir = path(dirKey)
        guard FileSystem.isDirectory(dir) else { return [] }
        let base = dirKey.isEmpty ? "" : dirKey + "/"
        var out: [ObjectEntry] = []
        for f in try FileSystem.walk(dir) {
            let key = base + f.path
            if key.hasPrefix(prefix) { out.append(ObjectEntry(key: key, size: f.size)) }
        }
        out.sort { $0.key < $1.key }
        return out
    }

    public func delete(_ key: String) throws(DeltaError) {
        simulate?.pay(bytes: 0)
        if unlink(path(key)) != 0 && errno != ENOENT { throw .io("deleting", path(key), errno: errno) }
    }

    /// Runs `write`; if it fails, creates `dir` when it is missing and tries once more. (The retry
    /// also covers a concurrent writer that created the directory between our failure and the check.)
    private func withParent(_ dir: String, _ write: () throws(DeltaError) -> Bool) throws(DeltaError) -> Bool {
        do {
            return try write()
        } catch {
            if !FileSystem.isDirectory(dir) { try FileSystem.makeDirectories(dir) }
            return try write()
        }
    }

    private static func parent(_ path: String) -> String {
        guard let i = path.lastIndex(of: "/") else { return "." }
        return i == path.startIndex ? "/" : String(path[..<i])
    }

    /// The extension of the key's last component (`json` for commits), so temp files look alike.
    private static func suffix(_ key: String) -> String {
        let name = key.split(separator: "/").last.map(String.init) ?? key
        return name.split(separator: ".").last.map(String.init) ?? "tmp"
    }
}

/// Injected cost of a request to a remote store (`storage.simulate`): a fixed round trip plus the
/// payload's transfer time.
public struct StoreSimulation: Sendable, Equatable {
    /// Round-trip time added to every request, milliseconds.
    public var latencyMs: Double
    /// Bandwidth for payload bytes, megabits per second (0 or less = unlimited).
    public var mbps: Double

    public init(latencyMs: Double, mbps: Double) {
        self.latencyMs = latencyMs
        self.mbps = mbps
    }

    /// Seconds one request moving `bytes` takes.
    public func seconds(bytes: Int) -> Double {
        latencyMs / 1000 + (mbps > 0 ? Double(bytes) * 8 / (mbps * 1_000_000) : 0)
    }

    func pay(bytes: Int) {
        let s = seconds(bytes: bytes)
        guard s > 0 else { return }
        var ts = timespec(tv_sec: Int(s), tv_nsec: Int((s - s.rounded(.down)) * 1e9))
        var rest = timespec()
        while nanosleep(&ts, &rest) != 0 && errno == EINTR { ts = rest }
    }
}
