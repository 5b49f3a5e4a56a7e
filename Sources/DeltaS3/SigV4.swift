import CCrypto

/// AWS Signature Version 4 (header form), the request signing S3 requires.
///
/// Source of the rules: "Create a signed AWS API request" and "Authenticating Requests:
/// Using the Authorization Header (AWS Signature Version 4)" in the AWS documentation. Checked in
/// tests against AWS's published vectors (the SigV4 test suite and the S3 GET/PUT/LIST examples).
/// HMAC-SHA256 and SHA-256 come from OpenSSL's libcrypto.
public struct SigV4: Sendable {
    public var accessKey: String
    public var secretKey: String
    /// Temporary credentials' token, sent (and signed) as `x-amz-security-token`.
    public var sessionToken: String?
    public var region: String
    public var service: String

    public init(
        accessKey: String, secretKey: String, sessionToken: String? = nil, region: String, service: String = "s3"
    ) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.sessionToken = sessionToken
        self.region = region
        self.service = service
    }

    /// SHA-256 of the empty payload, hex.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// The canonical request: method, URI (already encoded, e.g. `/bucket/a%3Db/file`), query
    /// (encoded and sorted here), headers (lowercased names, trimmed values, sorted), the signed
    /// header list and the payload hash, joined by newlines.
    public static func canonicalRequest(
        method: String, uri: String, query: [(String, String)], headers: [(String, String)], payloadHash: String
    ) -> String {
        var pairs: [(String, String)] = query.map { (uriEncode($0.0, slash: true), uriEncode($0.1, slash: true)) }
        pairs.sort { (a: (String, String), b: (String, String)) -> Bool in a.0 != b.0 ? a.0 < b.0 : a.1 < b.1 }
        let q: String = pairs.map { (p: (String, String)) -> String in p.0 + "=" + p.1 }.joined(separator: "&")
        let h = canonicalHeaders(headers)
        var lines: String = ""
        for (name, value) in h { lines += name + ":" + value + "\n" }
        let signed: String = h.map { $0.0 }.joined(separator: ";")
        return [method, uri, q, lines, signed, payloadHash].joined(separator: "\n")
    }

    /// The string to sign for `canonicalRequest` at `amzDate` (`yyyyMMdd'T'HHmmss'Z'`).
    public func stringToSign(canonicalRequest: String, amzDate: String) -> String {
        ["AWS4-HMAC-SHA256", amzDate, scope(amzDate), Self.hex(Self.sha256(Array(canonicalRequest.utf8)))]
            .joined(separator: "\n")
    }

    /// The `Authorization` header value for a request whose `headers` (all of them are signed;
    /// they must include `host` and `x-amz-date`) are given.
    public func authorization(
        method: String, uri: String, query: [(String, String)], headers: [(String, String)], payloadHash: String,
        amzDate: String
    ) -> String {
        let creq = Self.canonicalRequest(
            method: method, uri: uri, query: query, headers: headers, payloadHash: payloadHash)
        let sts = stringToSign(canonicalRequest: creq, amzDate: amzDate)
        let date = String(amzDate.prefix(8))
        var key = Self.hmac(Array(("AWS4" + secretKey).utf8), Array(date.utf8))
        for part in [region, service, "aws4_request"] { key = Self.hmac(key, Array(part.utf8)) }
        let signature = Self.hex(Self.hmac(key, Array(sts.utf8)))
        let signed = Self.canonicalHeaders(headers).map(\.0).joined(separator: ";")
        return
            "AWS4-HMAC-SHA256 Credential=\(accessKey)/\(scope(amzDate)), SignedHeaders=\(signed), Signature=\(signature)"
    }

    func scope(_ amzDate: String) -> String { "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request" }

    static func canonicalHeaders(_ headers: [(String, String)]) -> [(String, String)] {
        var merged: [String: [String]] = [:]
        for (name, value) in headers {
            // Trim and collapse runs of spaces (the rule for header values in the canonical request).
            let v = value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            merged[name.lowercased(), default: []].append(v)
        }
        return merged.keys.sorted().map { ($0, merged[$0]!.joined(separator: ",")) }
    }

    /// RFC 3986 percent-encoding as S3 wants it: unreserved characters (A–Z a–z 0–9 - _ . ~)
    /// stay, everything else is %XX of its UTF-8 bytes; `/` stays unless `slash` is true.
    public static func uriEncode(_ s: String, slash: Bool) -> String {
        var out = ""
        let hexDigits = Array("0123456789ABCDEF")
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(b)))
            case UInt8(ascii: "/") where !slash: out.append("/")
            default:
                out.append("%")
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 15)])
            }
        }
        return out
    }

    public static func sha256(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        _ = out.withUnsafeMutableBufferPointer {
            SHA256(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, $0.baseAddress)
        }
        return out
    }

    public static func sha256(_ bytes: [UInt8]) -> [UInt8] { bytes.withUnsafeBytes { sha256($0) } }

    static func hmac(_ key: [UInt8], _ data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = key.withUnsafeBytes { k in
            data.withUnsafeBytes { d in
                out.withUnsafeMutableBufferPointer { o in
                    HMAC(
                        EVP_sha256(), k.baseAddress, Int32(k.count), d.baseAddress?.assumingMemoryBound(to: UInt8.self),
                        d.count, o.baseAddress, &length)
                }
            }
        }
        return Array(out.prefix(Int(length)))
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var s = ""
        s.reserveCapacity(bytes.count * 2)
        for b in bytes {
            s.append(digits[Int(b >> 4)])
            s.append(digits[Int(b & 15)])
        }
        return s
    }
}
