import Foundation

/// Uploads one object whose bytes arrive in pieces: a single PUT when the whole object fits in
/// one part (`partBytes`), otherwise an S3 multipart upload (CreateMultipartUpload, one UploadPart
/// per `partBytes`, CompleteMultipartUpload). With `ifAbsent`, the PUT or the completion carries
/// `If-None-Match: *`; a 412 answer means another writer created the object first.
final class MultipartWriter {
    private let client: S3Client
    private let key: String
    private let partBytes: Int
    private var buffer: [UInt8] = []
    private var uploadID: String?
    private var etags: [String] = []
    private var failure: Error?

    init(client: S3Client, key: String, partBytes: Int) {
        self.client = client
        self.key = key
        self.partBytes = max(1, partBytes)
    }

    private var location: String { "s3://\(client.bucket)/\(key)" }

    /// Adds bytes; uploads full parts as soon as the object is known to need more than one.
    func append(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        buffer.append(contentsOf: bytes)
        while failure == nil && buffer.count > partBytes {
            do {
                try uploadPart(Array(buffer[..<partBytes]))
                buffer.removeFirst(partBytes)
            } catch {
                failure = error
            }
        }
    }

    /// Sends what is left and completes the object; false when `ifAbsent` and it already existed.
    func finish(ifAbsent: Bool) throws -> Bool {
        if let failure {
            abort()
            throw failure
        }
        let condition = ifAbsent ? [("if-none-match", "*")] : []
        guard uploadID != nil else {
            let r = try client.send("PUT", key: key, headers: condition, body: buffer)
            if r.status == 412 && ifAbsent { return false }
            guard r.status == 200 else { throw S3Client.failure("PUT", location, r) }
            return true
        }
        do {
            if !buffer.isEmpty { try uploadPart(buffer) }
            var xml = "<CompleteMultipartUpload>"
            for (i, etag) in etags.enumerated() {
                xml += "<Part><PartNumber>\(i + 1)</PartNumber><ETag>\(Self.escape(etag))</ETag></Part>"
            }
            xml += "</CompleteMultipartUpload>"
            let r = try client.send(
                "POST", key: key, query: [("uploadId", uploadID!)],
                headers: condition + [("content-type", "application/xml")],
                body: Array(xml.utf8))
            if r.status == 412 && ifAbsent {
                abort()
                return false
            }
            // S3 can answer 200 with an <Error> body for a failed completion.
            guard r.status == 200, S3Client.errorCode(r) == nil else {
                throw S3Client.failure("POST (complete)", location, r)
            }
            return true
        } catch {
            abort()
            throw error
        }
    }

    private func uploadPart(_ bytes: [UInt8]) throws {
        if uploadID == nil {
            let r = try client.send("POST", key: key, query: [("uploads", "")])
            guard r.status == 200, let id = XMLFields.first("UploadId", in: r.body) else {
                throw S3Client.failure("POST (create multipart upload)", location, r)
            }
            uploadID = id
        }
        let number = etags.count + 1
        let r = try client.send(
            "PUT", key: key, query: [("partNumber", String(number)), ("uploadId", uploadID!)], body: bytes)
        guard r.status == 200, let etag = r.header("ETag") else {
            throw S3Client.failure("PUT (part \(number))", location, r)
        }
        etags.append(etag)
    }

    /// AbortMultipartUpload, best effort (parts left behind would be billed until a lifecycle rule removes them).
    private func abort() {
        guard let id = uploadID else { return }
        _ = try? client.send("DELETE", key: key, query: [("uploadId", id)])
        uploadID = nil
    }

    private static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }
}
