import Dispatch

/// A raw pointer that may cross into `concurrentPerform` workers. Each worker writes a disjoint
/// range, which is what makes the unchecked Sendable sound.
@usableFromInline
struct SendablePointer<T>: @unchecked Sendable {
    @usableFromInline let base: UnsafeMutablePointer<T>
    @usableFromInline init(_ base: UnsafeMutablePointer<T>) { self.base = base }
}

/// Splits [0, count) into contiguous chunks and runs `body(range)` for each, on all cores.
/// Small inputs run inline so tiny batches pay no dispatch cost.
func parallelChunks(count: Int, minimumChunk: Int = 16_384, _ body: @Sendable (Range<Int>) -> Void) {
    guard count > 0 else { return }
    let chunks = min(max(1, count / minimumChunk), 64)
    if chunks == 1 { return body(0..<count) }
    let per = (count + chunks - 1) / chunks
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let lo = c * per
        let hi = min(count, lo + per)
        if lo < hi { body(lo..<hi) }
    }
}
