/// Digest of the hash columns (DESIGN §1). Raw digest sizes: 32, 16 and 8 bytes.
public enum HashAlgorithm: String, CaseIterable, Sendable, Codable {
    case sha256, md5, xxh64

    public var digestBytes: Int {
        switch self {
        case .sha256: 32
        case .md5: 16
        case .xxh64: 8
        }
    }
}

/// How digests are stored: `hex` (lowercase, seed-compatible strings of 64/32/16 chars) or the raw
/// `binary` bytes (xxh64 as its 8 big-endian bytes, the canonical xxHash representation).
public enum HashEncoding: String, CaseIterable, Sendable, Codable {
    case hex, binary

    public func width(_ algorithm: HashAlgorithm) -> Int {
        self == .hex ? algorithm.digestBytes * 2 : algorithm.digestBytes
    }
}
