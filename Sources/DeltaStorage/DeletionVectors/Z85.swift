/// Z85, the base-85 text encoding of ZeroMQ RFC 32 (https://rfc.zeromq.org/spec/32/), which Delta
/// uses for inline deletion vectors and for the UUID of `u` deletion vector files: each 4 bytes
/// (a big-endian word) become 5 characters.
public enum Z85 {
    static let alphabet = Array(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".utf8)
    private static let values: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }()

    /// Decodes Z85 text whose length is a multiple of 5; nil on a bad character, length or overflow.
    public static func decode(_ text: [UInt8]) -> [UInt8]? {
        guard text.count % 5 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 5 * 4)
        var i = 0
        while i < text.count {
            var v: UInt64 = 0
            for k in 0..<5 {
                let d = values[Int(text[i + k])]
                guard d != 0xFF else { return nil }
                v = v * 85 + UInt64(d)
            }
            guard v <= UInt64(UInt32.max) else { return nil }
            out += [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
            i += 5
        }
        return out
    }

    /// Encodes bytes (zero-padded to a multiple of 4, as Delta does for inline DVs).
    public static func encode(_ bytes: [UInt8]) -> String {
        var padded = bytes
        while padded.count % 4 != 0 { padded.append(0) }
        var out: [UInt8] = []
        var i = 0
        while i < padded.count {
            var v = UInt64(padded[i]) << 24 | UInt64(padded[i + 1]) << 16 | UInt64(padded[i + 2]) << 8
            v |= UInt64(padded[i + 3])
            var chunk = [UInt8](repeating: 0, count: 5)
            for k in stride(from: 4, through: 0, by: -1) {
                chunk[k] = alphabet[Int(v % 85)]
                v /= 85
            }
            out += chunk
            i += 4
        }
        return String(decoding: out, as: UTF8.self)
    }
}
