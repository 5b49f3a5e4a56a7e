/// A growable byte buffer over raw memory, used for pages, chunks and Thrift metadata.
/// Not thread-safe: each encoder owns its buffers (it is handed between threads only after use).
final class OutputBuffer: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var count: Int = 0

    init(capacity: Int = 4096) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes past `count`.
    @inline(__always)
    func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        var newCap = capacity * 2
        while newCap < needed { newCap *= 2 }
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: newCap)
        p.update(from: base, count: count)
        base.deallocate()
        base = p
        capacity = newCap
    }

    /// Pointer to the first free byte (valid until the next growth).
    @inline(__always) var end: UnsafeMutablePointer<UInt8> { base + count }

    @inline(__always) func append(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    func append(_ p: UnsafeRawPointer, count n: Int) {
        guard n > 0 else { return }
        reserve(n)
        (base + count).update(from: p.assumingMemoryBound(to: UInt8.self), count: n)
        count += n
    }

    func append(_ bytes: [UInt8]) { bytes.withUnsafeBytes { if let b = $0.baseAddress { append(b, count: $0.count) } } }

    func append(_ other: OutputBuffer) { append(other.base, count: other.count) }

    @inline(__always) func appendUInt32LE(_ v: UInt32) {
        reserve(4)
        UnsafeMutableRawPointer(base + count).storeBytes(of: v.littleEndian, as: UInt32.self)
        count += 4
    }

    /// ULEB128.
    @inline(__always) func appendVarint(_ v: UInt64) {
        reserve(10)
        var v = v
        while v >= 0x80 {
            base[count] = UInt8(truncatingIfNeeded: v) | 0x80
            count += 1
            v >>= 7
        }
        base[count] = UInt8(v)
        count += 1
    }

    /// Writes a UInt32 LE at an earlier position (e.g. a length prefix filled in afterwards).
    func setUInt32LE(_ v: UInt32, at position: Int) {
        UnsafeMutableRawPointer(base + position).storeBytes(of: v.littleEndian, as: UInt32.self)
    }

    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}
