#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps large chunk buffers between files so repeated writes reuse memory the kernel has already
/// mapped (fresh pages cost a page fault and zeroing each, a large share of encoding time).
final class BufferPool: @unchecked Sendable {
    static let shared = BufferPool()

    /// Upper bound on the bytes kept idle in the pool.
    var maxRetainedBytes = 768 << 20
    private var idle: [OutputBuffer] = []
    private var retained = 0
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }

    /// An empty buffer, preferably an idle one that already has `capacity` bytes.
    func take(capacity: Int) -> OutputBuffer {
        pthread_mutex_lock(&mutex)
        var pick = -1
        for (i, b) in idle.enumerated() where b.capacity >= capacity {
            if pick < 0 || b.capacity < idle[pick].capacity { pick = i }
        }
        if pick < 0, !idle.isEmpty {
            pick = idle.indices.max { idle[$0].capacity < idle[$1].capacity }!
        }
        let buffer = pick >= 0 ? idle.remove(at: pick) : nil
        if let buffer { retained -= buffer.capacity }
        pthread_mutex_unlock(&mutex)
        guard let buffer else { return OutputBuffer(capacity: capacity) }
        buffer.count = 0
        buffer.reserve(capacity)
        return buffer
    }

    /// Returns a buffer for reuse (dropped when the pool is full).
    func give(_ buffer: OutputBuffer) {
        pthread_mutex_lock(&mutex)
        if retained + buffer.capacity <= maxRetainedBytes {
            idle.append(buffer)
            retained += buffer.capacity
        }
        pthread_mutex_unlock(&mutex)
    }
}
