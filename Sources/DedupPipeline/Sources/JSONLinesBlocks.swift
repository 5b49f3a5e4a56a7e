#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A JSON-lines file read in blocks of whole lines: each block is about `blockBytes` long and
/// ends just after a newline (the last one at the end of the file), so the file source parses
/// as it reads and holds one block instead of the whole file. A line longer than a block makes
/// that block longer (never cut inside a line).
final class JSONLinesBlocks {
    let path: String
    let blockBytes: Int
    private let file: UnsafeMutablePointer<FILE>
    /// Bytes read after the last newline handed out.
    private var carry: [UInt8] = []
    private var atEnd = false
    /// Whether the next block is the file's first (a byte-order mark may start it).
    private(set) var atFileStart = true

    init(path: String, blockBytes: Int = 8 << 20) throws {
        guard let f = fopen(path, "rb") else {
            throw SourceError(
                path: path, problem: "cannot open the file: \(String(cString: strerror(errno)))", isIO: true)
        }
        file = f
        self.path = path
        self.blockBytes = max(1, blockBytes)
    }

    deinit { fclose(file) }

    /// The next block of whole lines, or nil at the end of the file. `first` is true for the
    /// file's first block.
    func next() throws -> (bytes: [UInt8], first: Bool)? {
        while true {
            if !atEnd && carry.count < blockBytes {
                let want = blockBytes - carry.count
                let old = carry.count
                carry.reserveCapacity(blockBytes)
                carry.append(contentsOf: repeatElement(0, count: want))
                let got = carry.withUnsafeMutableBytes { fread($0.baseAddress! + old, 1, want, file) }
                carry.removeLast(want - got)
                if got < want {
                    if ferror(file) != 0 {
                        throw SourceError(
                            path: path, problem: "cannot read the file: \(String(cString: strerror(errno)))", isIO: true
                        )
                    }
                    atEnd = true
                }
            }
            if carry.isEmpty && atEnd { return nil }
            let cut: Int? = atEnd ? carry.count : carry.lastIndex(of: 0x0A).map { $0 + 1 }
            guard let cut else {  // no newline yet: a line longer than a block, read on
                carry.reserveCapacity(carry.count * 2)
                let want = carry.count
                let old = carry.count
                carry.append(contentsOf: repeatElement(0, count: want))
                let got = carry.withUnsafeMutableBytes { fread($0.baseAddress! + old, 1, want, file) }
                carry.removeLast(want - got)
                if got < want { atEnd = true }
                continue
            }
            let block = Array(carry[..<cut])
            carry.removeFirst(cut)
            defer { atFileStart = false }
            return (block, atFileStart)
        }
    }
}
