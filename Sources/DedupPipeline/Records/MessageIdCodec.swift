/// Turns sequence numbers into message ids that look random but never collide: a seeded Feistel
/// permutation of [0, 2^(2h)) with cycle walking restricted to [0, 36^length), then base-36 digits
/// `[0-9a-z]`. Random 8-character ids would collide (birthday bound) around 1.7M messages.
public struct MessageIdCodec: Sendable {
    public let length: Int
    /// 36^length: how many distinct ids exist.
    public let capacity: UInt64
    let halfBits: UInt64
    let halfMask: UInt64
    let keys: (UInt64, UInt64, UInt64, UInt64)

    /// `length` in 1...12 (36^12 < 2^63).
    public init(seed: UInt64, length: Int = 8) {
        precondition((1...12).contains(length), "id length must be 1...12")
        self.length = length
        var cap: UInt64 = 1
        for _ in 0..<length { cap *= 36 }
        capacity = cap
        var bits: UInt64 = 2
        while (UInt64(1) << bits) < cap { bits += 2 }
        halfBits = bits / 2
        halfMask = (UInt64(1) << (bits / 2)) - 1
        var sm = SplitMix64(seed: seed ^ 0x6D65_7373_6167_6549)  // "messageI"
        keys = (sm.next(), sm.next(), sm.next(), sm.next())
    }

    @inline(__always)
    func round(_ r: UInt64, _ key: UInt64) -> UInt64 { SplitMix64.mix(r ^ key) & halfMask }

    @inline(__always)
    func feistel(_ x: UInt64) -> UInt64 {
        var l = x >> halfBits
        var r = x & halfMask
        (l, r) = (r, l ^ round(r, keys.0))
        (l, r) = (r, l ^ round(r, keys.1))
        (l, r) = (r, l ^ round(r, keys.2))
        (l, r) = (r, l ^ round(r, keys.3))
        return (l << halfBits) | r
    }

    /// The permuted number of `sequence` in [0, capacity); a bijection on that range.
    @inline(__always)
    public func permuted(_ sequence: UInt64) -> UInt64 {
        precondition(sequence < capacity, "more messages than distinct ids of this length")
        var x = feistel(sequence)
        while x >= capacity { x = feistel(x) }  // cycle walking keeps it a bijection of [0, capacity)
        return x
    }

    /// Writes the `length` base-36 characters of `sequence`'s id at `out`.
    @inline(__always)
    public func write(_ sequence: UInt64, to out: UnsafeMutablePointer<UInt8>) {
        var v = permuted(sequence)
        var i = length - 1
        while i >= 0 {
            let d = UInt8(truncatingIfNeeded: v % 36)
            v /= 36
            out[i] = d < 10 ? 48 &+ d : 87 &+ d  // '0'...'9', 'a'...'z'
            i -= 1
        }
    }

    /// The id of `sequence` as a String (tests and diagnostics; not for hot loops).
    public func id(for sequence: UInt64) -> String {
        var buf = [UInt8](repeating: 0, count: length)
        buf.withUnsafeMutableBufferPointer { write(sequence, to: $0.baseAddress!) }
        return String(decoding: buf, as: UTF8.self)
    }
}
