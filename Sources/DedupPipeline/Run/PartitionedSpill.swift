#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the verifier's spill files failed: the directory, what was being done, and the operating
/// system's reason ("No space left on device"). Fails the run (the verification cannot finish).
struct SpillError: Error, CustomStringConvertible, Equatable {
    var directory: String
    var operation: String
    var reason: String

    var description: String {
        "the verifier's temporary files in \(directory): cannot \(operation): \(reason) "
            + "(a run this large keeps its expected side on disk, about 24 bytes a record; docs/RESULTS.md, \"Memory\")"
    }

    /// The error of the system call that just failed (its `errno`).
    static func system(_ directory: String, _ operation: String) -> SpillError {
        SpillError(directory: directory, operation: operation, reason: String(cString: strerror(errno)))
    }
}

/// Fixed-width records of `width` `UInt64` words, appended to `partitions` temporary files; a
/// record's file is chosen by the low bits of its first word (a `StableHash` fingerprint, so the
/// files fill evenly, and the high bits that a `FingerprintSet`/`FingerprintMap` hashes on stay
/// spread within a file). Records keep their append order within a file.
///
/// The files live in a fresh directory made with `mkdtemp` under `parent` (at the first write) and
/// are unlinked as soon as they are open (the directory is removed at once too): nothing is left on disk however the
/// process ends, and the space returns when this object goes (or `discard()`). Writes go through a
/// 64 KiB buffer a file. The first I/O error is kept: later appends are dropped, and `finish` and
/// `read` throw it (`SpillError`), so the caller's fold-in need not throw.
final class PartitionedSpill {
    let width: Int
    let partitions: Int
    let parent: String
    /// Records appended to file `p`.
    func records(in p: Int) -> Int { recordCounts[p] }
    private(set) var failure: SpillError?
    private var fds: [Int32] = []
    private let name: String
    private var created = false
    private let mask: UInt64
    private let bufferWords: Int
    private let buffer: UnsafeMutablePointer<UInt64>
    // raw counters: the appends are the fold-in's inner loop (no exclusivity or uniqueness checks)
    private let fill: UnsafeMutablePointer<Int>
    private let recordCounts: UnsafeMutablePointer<Int>

    /// `partitions` must be a power of two.
    init(parent: String, name: String, width: Int, partitions: Int) {
        precondition(partitions > 0 && partitions & (partitions - 1) == 0 && width > 0)
        self.width = width
        self.partitions = partitions
        self.parent = parent
        mask = UInt64(partitions - 1)
        bufferWords = (8192 / width) * width
        buffer = .allocate(capacity: partitions * bufferWords)
        fill = .allocate(capacity: partitions)
        fill.initialize(repeating: 0, count: partitions)
        recordCounts = .allocate(capacity: partitions)
        recordCounts.initialize(repeating: 0, count: partitions)
        self.name = name
    }

    deinit {
        discard()
        buffer.deallocate()
        fill.deallocate()
        recordCounts.deallocate()
    }

    /// Makes the files when first needed (a run's output directory exists once its table does).
    private func create() {
        guard !created else { return }
        created = true
        var template = Array((parent.hasSuffix("/") ? parent : parent + "/").utf8CString.dropLast())
        template += Array(".dedupbench-\(name)-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else {
            failure = .system(parent, "create a temporary directory")
            return
        }
        let dir = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { rmdir(dir) }
        for p in 0..<partitions {
            let path = "\(dir)/\(p)"
            let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                failure = .system(parent, "create a temporary file")
                return
            }
            fds.append(fd)
            unlink(path)
        }
    }

    /// Closes the files (their space returns to the file system).
    func discard() {
        for fd in fds { _ = close(fd) }
        fds = []
        created = true
        if failure == nil { failure = SpillError(directory: parent, operation: "use closed files", reason: "closed") }
    }

    @inline(__always)
    private func slot(_ first: UInt64) -> (Int, UnsafeMutablePointer<UInt64>) {
        let p = Int(truncatingIfNeeded: first & mask)
        if fill[p] == bufferWords { flush(p) }
        recordCounts[p] &+= 1
        return (p, buffer + (p &* bufferWords &+ fill[p]))
    }

    func append(_ a: UInt64) {
        let (p, at) = slot(a)
        at[0] = a
        fill[p] &+= 1
    }

    func append(_ a: UInt64, _ b: UInt64) {
        let (p, at) = slot(a)
        at[0] = a
        at[1] = b
        fill[p] &+= 2
    }

    func append(_ a: UInt64, _ b: UInt64, _ c: UInt64) {
        let (p, at) = slot(a)
        at[0] = a
        at[1] = b
        at[2] = c
        fill[p] &+= 3
    }

    private func flush(_ p: Int) {
        defer { fill[p] = 0 }
        create()
        guard failure == nil else { return }
        var raw = UnsafeRawPointer(buffer + p * bufferWords)
        var left = fill[p] * 8
        while left > 0 {
            let n = write(fds[p], raw, left)
            if n < 0 {
                if errno == EINTR { continue }
                failure = .system(parent, "write")
                return
            }
            raw += n
            left -= n
        }
    }

    /// Writes out what is buffered; throws the first error of any write so far.
    func finish() throws(SpillError) {
        create()
        for p in 0..<partitions where fill[p] > 0 { flush(p) }
        if let failure { throw failure }
    }

    /// Calls `body` with the records of file `p` in append order, a chunk at a time (whole records,
    /// `width` words each). Call after `finish`; safe from several threads for different files.
    func read(partition p: Int, _ body: (UnsafeBufferPointer<UInt64>) -> Void) throws(SpillError) {
        if let failure { throw failure }
        let chunkWords = (1 << 17) / width * width  // 1 MiB
        let chunk = UnsafeMutablePointer<UInt64>.allocate(capacity: chunkWords)
        defer { chunk.deallocate() }
        let total = recordCounts[p] * width * 8
        var offset = 0
        while offset < total {
            let want = min(total - offset, chunkWords * 8)
            var got = 0
            while got < want {
                let n = pread(fds[p], UnsafeMutableRawPointer(chunk) + got, want - got, off_t(offset + got))
                if n < 0 && errno == EINTR { continue }
                if n < 0 { throw .system(parent, "read back") }
                if n == 0 {
                    throw SpillError(
                        directory: parent, operation: "read back",
                        reason: "a file holds \(offset + got) bytes of the \(total) written")
                }
                got += n
            }
            body(UnsafeBufferPointer(start: chunk, count: want / 8))
            offset += want
        }
    }
}
