/// Result slots written by concurrent workers, one slot per worker index (disjoint writes only).
final class SharedSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    subscript(i: Int) -> T? {
        get { buffer[i] }
        set { buffer[i] = newValue }
    }

    /// All slots; call after the workers finished and every slot was filled.
    func values() -> [T] { buffer.map { $0! } }
}
