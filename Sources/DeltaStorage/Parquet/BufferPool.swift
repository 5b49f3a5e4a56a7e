/// Keeps large chunk buffers between files so repeated writes reuse memory the kernel has already
/// mapped (fresh pages cost a page fault and zeroing each, a large share of encoding time).
final class BufferPool: @unchecked Sendable {
    static let shared = BufferPool()

    /// Upper bound on the bytes kept idle in the pool.
    var maxRetainedBytes = 256 << 20
    private var idle: [OutputBuffer] = []
    private var retained = 0
    private let lock = PthreadLock()

    /// An empty buffer, preferably an idle one that already has `capacity` bytes (but not one far
    /// larger, so page scratch never ties up a chunk-sized buffer).
    func take(capacity: Int) -> OutputBuffer {
        let limit = Swift.max(capacity * 4, 4 << 20)
        let reused = lock.withLock { () -> OutputBuffer? in
            var pick = -1
            for (i, b) in idle.enumerated() where b.capacity >= capacity && b.capacity <= limit {
                if pick < 0 || b.capacity < idle[pick].capacity { pick = i }
            }
            guard pick >= 0 else { return nil }
            retained -= idle[pick].capacity
            return idle.remove(at: pick)
        }
        guard let buffer = reused else { return OutputBuffer(capacity: capacity) }
        buffer.count = 0
        return buffer
    }

    /// Returns a buffer for reuse (dropped when the pool is full).
    func give(_ buffer: OutputBuffer) {
        lock.withLock {
            if retained + buffer.capacity <= maxRetainedBytes {
                idle.append(buffer)
                retained += buffer.capacity
            }
        }
    }
}
