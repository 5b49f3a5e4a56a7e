import DeltaStorage
import Foundation

/// A table under `s3://bucket/prefix` as an `ObjectStore`: PUT (single or multipart above the part
/// size), conditional PUT (`If-None-Match: *`, S3's put-if-absent, so two writers racing for a
/// commit version cannot both win), ranged GET, HEAD, LIST v2 and DELETE, each request signed with
/// SigV4, retried on 5xx/throttling, and counted (`requests`).
public struct S3ObjectStore: ObjectStore {
    public let client: S3Client
    /// Key prefix of the table inside the bucket (no leading or trailing `/`; may be empty).
    public let prefix: String

    public init(client: S3Client, prefix: String) {
        self.client = client
        var p = Substring(prefix)
        while p.hasPrefix("/") { p = p.dropFirst() }
        while p.hasSuffix("/") { p = p.dropLast() }
        self.prefix = String(p)
    }

    /// Opens `s3://bucket/prefix` with `settings`.
    public init(uri: String, settings: S3Settings) throws {
        let (bucket, prefix) = try Self.parse(uri)
        self.init(client: S3Client(settings: settings, bucket: bucket), prefix: prefix)
    }

    /// `s3://bucket/some/prefix` → ("bucket", "some/prefix"). Throws for anything else.
    public static func parse(_ uri: String) throws -> (bucket: String, prefix: String) {
        guard uri.hasPrefix("s3://") else { throw S3Error("'\(uri)' is not an s3:// URI") }
        let rest = uri.dropFirst(5)
        let bucket = rest.prefix { $0 != "/" }
        guard bucket.count >= 3, bucket.count <= 63,
            bucket.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "." }), bucket.allSatisfy(\.isASCII)
        else {
            throw S3Error(
                "'\(uri)': '\(bucket)' is not a valid bucket name (3–63 characters: lowercase letters, digits, '-', '.')"
            )
        }
        var p = rest.dropFirst(bucket.count)
        while p.hasPrefix("/") { p = p.dropFirst() }
        while p.hasSuffix("/") { p = p.dropLast() }
        return (String(bucket), String(p))
    }

    public var root: String { "s3://" + client.bucket + (prefix.isEmpty ? "" : "/" + prefix) }
    public var requests: RequestCounts? { client.requests }
    public var backend: String { "s3" }
    public func localPath(_ key: String) -> String? { nil }

    private func objectKey(_ key: String) -> String { prefix.isEmpty ? key : prefix + "/" + key }

    @discardableResult
    public func put(
        _ key: String, ifAbsent: Bool, durable: Bool, _ produce: ((UnsafeRawBufferPointer) -> Void) -> Void
    ) throws(DeltaError) -> Bool {
        let upload = MultipartWriter(client: client, key: objectKey(key), partBytes: client.settings.partBytes)
        produce { upload.append($0) }
        do {
            return try upload.finish(ifAbsent: ifAbsent)
        } catch {
            throw DeltaError(.io, "\(error)")
        }
    }

    public func get(_ key: String, range: Range<Int64>?) throws(DeltaError) -> [UInt8] {
        if let range, range.isEmpty { return [] }
        let headers = range.map { [("range", "bytes=\($0.lowerBound)-\($0.upperBound - 1)")] } ?? []
        let r = try io { try client.send("GET", key: objectKey(key), headers: headers) }
        guard r.status == 200 || r.status == 206 else {
            throw DeltaError(.io, "\(S3Client.failure("GET", location(key), r))")
        }
        return r.body
    }

    public func head(_ key: String) throws(DeltaError) -> Int64? {
        let r = try io { try client.send("HEAD", key: objectKey(key)) }
        if r.status == 404 { return nil }
        guard r.status == 200, let size = r.header("Content-Length").flatMap({ Int64($0) }) else {
            throw DeltaError(.io, "\(S3Client.failure("HEAD", location(key), r))")
        }
        return size
    }

    public func modifiedMillis(_ key: String) throws(DeltaError) -> Int64? {
        let r = try io { try client.send("HEAD", key: objectKey(key)) }
        if r.status == 404 { return nil }
        guard r.status == 200, let text = r.header("Last-Modified"), let date = Self.httpDate(text) else {
            throw DeltaError(.io, "\(S3Client.failure("HEAD", location(key), r))")
        }
        return Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// An HTTP date (RFC 9110 IMF-fixdate, as S3 sends `Last-Modified`).
    static func httpDate(_ text: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return f.date(from: text)
    }

    public func list(prefix keyPrefix: String) throws(DeltaError) -> [ObjectEntry] {
        let full = prefix.isEmpty ? keyPrefix : prefix + "/" + keyPrefix
        var out: [ObjectEntry] = []
        var token: String?
        repeat {
            var query = [("list-type", "2"), ("prefix", full)]
            if let token { query.append(("continuation-token", token)) }
            let q = query
            let r = try io { try client.send("GET", key: "", query: q) }
            guard r.status == 200, let xml = XMLFields(r.body) else {
                throw DeltaError(.io, "\(S3Client.failure("LIST", location(keyPrefix), r))")
            }
            token = nil
            var truncated = false
            var pendingKey: String?
            for (path, text) in xml.leaves {
                switch path {
                case "ListBucketResult/Contents/Key": pendingKey = text
                case "ListBucketResult/Contents/Size":
                    if let k = pendingKey, let size = Int64(text) {
                        let relative = prefix.isEmpty ? k : String(k.dropFirst(prefix.count + 1))
                        out.append(ObjectEntry(key: relative, size: size))
                    }
                    pendingKey = nil
                case "ListBucketResult/IsTruncated": truncated = text == "true"
                case "ListBucketResult/NextContinuationToken": token = text
                default: break
                }
            }
            if !truncated { token = nil }
        } while token != nil
        out.sort { $0.key < $1.key }
        return out
    }

    public func delete(_ key: String) throws(DeltaError) {
        let r = try io { try client.send("DELETE", key: objectKey(key)) }
        guard (200..<300).contains(r.status) || r.status == 404 else {
            throw DeltaError(.io, "\(S3Client.failure("DELETE", location(key), r))")
        }
    }

    /// Runs a request, turning transport errors into `DeltaError(.io)`.
    private func io(_ body: () throws -> S3Client.Response) throws(DeltaError) -> S3Client.Response {
        do { return try body() } catch { throw DeltaError(.io, "\(error)") }
    }
}
