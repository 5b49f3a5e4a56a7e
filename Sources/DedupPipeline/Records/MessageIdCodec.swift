import DedupFormats

/// Turns sequence numbers into message ids that look random but never collide: a seeded Feistel
/// permutation of [0, 36^length), then base-36 digits `[0-9a-z]`. Random 8-character ids would
/// collide (birthday bound) around 1.7M messages. Even lengths use a mixed-radix Feistel network
/// on two halves in [0, 36^(length/2)) (addition mod 36^(length/2), no cycle walking, and the
/// halves are the two digit groups); odd lengths a binary one with cycle walking.
public struct MessageIdCodec: Sendable {
    public let length: Int
    /// 36^length: how many distinct ids exist.
    public let capacity: UInt64
    let halfBits: UInt64
    let halfMask: UInt64
    /// 36^(length/2) for even lengths, else 0.
    let halfRadix: UInt64
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
        var half: UInt64 = 1
        for _ in 0..<(length / 2) { half *= 36 }
        halfRadix = length % 2 == 0 ? half : 0
        var sm = SplitMix64(seed: seed ^ 0x6D65_7373_6167_6549)  // "messageI"
        keys = (sm.next(), sm.next(), sm.next(), sm.next())
    }

    /// A multiply–xorshift round function: cheap, and four Feistel rounds of it give a
    /// permutation that looks random (no cryptographic strength is needed).
    @inline(__always)
    func round(_ r: UInt64, _ key: UInt64) -> UInt64 {
        var x = (r ^ key) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        x = x &* 0xBF58_476D_1CE4_E5B9
        return (x >> 32) & halfMask
    }

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

    /// Mixed-radix Feistel: (L, R) → (R, (L + F(R)) mod m), four rounds; m < 2^32.
    @inline(__always)
    func halves(_ sequence: UInt64, m: UInt64) -> (UInt64, UInt64) {
        var l = sequence / m
        var r = sequence % m
        @inline(__always) func f(_ x: UInt64, _ key: UInt64) -> UInt64 {
            var z = (x ^ key) &* 0x9E37_79B9_7F4A_7C15
            z ^= z >> 29
            z = z &* 0xBF58_476D_1CE4_E5B9
            return ((z >> 32) &* m) >> 32
        }
        @inline(__always) func step(_ key: UInt64) {
            let t = l &+ f(r, key)
            (l, r) = (r, t >= m ? t &- m : t)
        }
        step(keys.0)
        step(keys.1)
        step(keys.2)
        step(keys.3)
        return (l, r)
    }

    /// The permuted number of `sequence` in [0, capacity); a bijection on that range.
    @inline(__always)
    public func permuted(_ sequence: UInt64) -> UInt64 {
        precondition(sequence < capacity, "more messages than distinct ids of this length")
        if halfRadix != 0 {
            let (l, r) = halves(sequence, m: halfRadix)
            return l &* halfRadix &+ r
        }
        var x = feistel(sequence)
        while x >= capacity { x = feistel(x) }  // cycle walking keeps it a bijection of [0, capacity)
        return x
    }

    /// Writes the `length` base-36 characters of `sequence`'s id at `out`.
    @inline(__always)
    public func write(_ sequence: UInt64, to out: UnsafeMutablePointer<UInt8>) {
        if length == 8 {
            // The Feistel halves are the two 4-digit groups; each is two entries of a 36² pair table.
            precondition(sequence < capacity, "more messages than distinct ids of this length")
            let (l, r) = halves(sequence, m: 1_679_616)
            let hi = UInt32(truncatingIfNeeded: l)
            let lo = UInt32(truncatingIfNeeded: r)
            MessageIdCodec.pairs.withUnsafeBufferPointer { t in
                let p = UnsafeRawPointer(t.baseAddress!)
                let o = UnsafeMutableRawPointer(out)
                o.storeBytes(
                    of: p.load(fromByteOffset: Int(hi / 1296) * 2, as: UInt16.self), toByteOffset: 0, as: UInt16.self)
                o.storeBytes(
                    of: p.load(fromByteOffset: Int(hi % 1296) * 2, as: UInt16.self), toByteOffset: 2, as: UInt16.self)
                o.storeBytes(
                    of: p.load(fromByteOffset: Int(lo / 1296) * 2, as: UInt16.self), toByteOffset: 4, as: UInt16.self)
                o.storeBytes(
                    of: p.load(fromByteOffset: Int(lo % 1296) * 2, as: UInt16.self), toByteOffset: 6, as: UInt16.self)
            }
            return
        }
        var v = permuted(sequence)
        var i = length - 1
        while i >= 0 {
            out[i] = MessageIdCodec.digit(UInt8(truncatingIfNeeded: v % 36))
            v /= 36
            i -= 1
        }
    }

    @inline(__always)
    static func digit(_ d: UInt8) -> UInt8 { d < 10 ? 48 &+ d : 87 &+ d }  // '0'...'9', 'a'...'z'

    /// The two base-36 characters of every value below 36².
    static let pairs: [UInt8] = (0..<1296).flatMap { [digit(UInt8($0 / 36)), digit(UInt8($0 % 36))] }

    /// The id of `sequence` as a String (tests and diagnostics; not for hot loops).
    public func id(for sequence: UInt64) -> String {
        var buf = [UInt8](repeating: 0, count: length)
        buf.withUnsafeMutableBufferPointer { write(sequence, to: $0.baseAddress!) }
        return String(decoding: buf, as: UTF8.self)
    }
}
