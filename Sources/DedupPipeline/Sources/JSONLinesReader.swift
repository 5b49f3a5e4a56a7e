/// Parses a JSONL buffer (a whole file, or a block of one) on all cores: the bytes are cut into chunks at line boundaries,
/// each chunk is parsed into its own column builder, and the results are joined in file order
/// (line numbers stay exact: each chunk's lines are offset by the lines before it).
enum JSONLinesReader {
    struct Reject {
        var line: Int
        var reason: String
        var text: [UInt8]
    }

    struct ChunkResult {
        var builder = RecordBuilder()
        var rejects: [Reject] = []
        var lines = 0
    }

    /// Parses `bytes`; valid rows are appended to `builder`, rejects returned with 1-based lines.
    static func parse(_ bytes: [UInt8], into builder: inout RecordBuilder, chunkBytes: Int? = nil) -> [Reject] {
        parseBlock(bytes, atFileStart: true, into: &builder, chunkBytes: chunkBytes).rejects
    }

    /// Parses one block of whole lines (a file, or a piece of one ending after a newline):
    /// valid rows are appended to `builder`; rejects come back with 1-based lines counted from
    /// the block's start, with the number of lines the block holds. `atFileStart`: a UTF-8
    /// byte-order mark before the first line is an encoding signature, not content.
    static func parseBlock(
        _ bytes: [UInt8], atFileStart: Bool, into builder: inout RecordBuilder, chunkBytes: Int? = nil
    ) -> (rejects: [Reject], lines: Int) {
        let bom = atFileStart && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let bounds = chunkBounds(bytes, from: bom, target: chunkBytes ?? max(1 << 20, bytes.count / 16))
        var results = [ChunkResult](repeating: ChunkResult(), count: bounds.count)
        bytes.withUnsafeBufferPointer { buf in
            let input = SendablePointer(
                UnsafeMutablePointer(mutating: buf.baseAddress ?? UnsafePointer(bitPattern: 1)!))
            let n = buf.count
            results.withUnsafeMutableBufferPointer { out in
                let slots = SendablePointer(out.baseAddress!)
                parallelChunks(count: bounds.count, minimumChunk: 1) { range in
                    let b = UnsafeBufferPointer(start: input.base, count: n)
                    for c in range { slots.base[c] = parseChunk(b, bounds[c]) }
                }
            }
        }
        var rejects: [Reject] = []
        var lineBase = 0
        if builder.seqs.isEmpty { builder.reserve(rows: results.reduce(0) { $0 + $1.builder.seqs.count }) }
        for r in results {
            builder.append(contentsOf: r.builder)
            rejects += r.rejects.map { Reject(line: $0.line + lineBase, reason: $0.reason, text: $0.text) }
            lineBase += r.lines
        }
        return (rejects, lineBase)
    }

    /// Chunk ranges of roughly `target` bytes, each ending just after a newline (or at the end).
    static func chunkBounds(_ bytes: [UInt8], from first: Int = 0, target: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = first
        while start < bytes.count {
            var end = min(bytes.count, start + target)
            while end < bytes.count, bytes[end - 1] != 0x0A { end += 1 }
            out.append(start..<end)
            start = end
        }
        return out
    }

    static func parseChunk(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> ChunkResult {
        var result = ChunkResult()
        var start = range.lowerBound
        let n = range.upperBound
        while start < n {
            var stop = start
            while stop < n, buf[stop] != 0x0A { stop += 1 }
            result.lines += 1
            var last = stop
            if last > start, buf[last - 1] == 0x0D { last -= 1 }
            if !isBlank(buf, start, last) {
                var parser = JSONLineParser(buf, start: start, end: last)
                do {
                    result.builder.append(try parser.parse(), from: buf)
                } catch {
                    let reason = (error as? JSONLineParser.Failure)?.reason ?? "\(error)"
                    result.rejects.append(Reject(line: result.lines, reason: reason, text: Array(buf[start..<last])))
                }
            }
            start = stop + 1
        }
        return result
    }

    static func isBlank(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var k = s
        while k < e {
            if b[k] != 0x20 && b[k] != 0x09 { return false }
            k += 1
        }
        return true
    }
}
