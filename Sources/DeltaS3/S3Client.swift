import DeltaStorage
import Dispatch
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Signed, retried S3 requests over `URLSession`, counted by billing class.
///
/// Synchronous on purpose: the Delta engine calls the store from its own worker threads. A
/// request that meets a 5xx, 429 (throttling), 409 `ConditionalRequestConflict` or a connection
/// error is retried up to `settings.maxRetries` times with exponential backoff and jitter; every
/// attempt is counted (S3 bills it).
public final class S3Client: @unchecked Sendable {
    public let settings: S3Settings
    public let bucket: String
    private let signer: SigV4
    private let session: URLSession
    private let lock = NSLock()
    private var counts = RequestCounts()  // guarded by lock

    /// One HTTP response.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: [UInt8]

        public func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    public init(settings: S3Settings, bucket: String) {
        self.settings = settings
        self.bucket = bucket
        signer = SigV4(
            accessKey: settings.accessKey, secretKey: settings.secretKey, sessionToken: settings.sessionToken,
            region: settings.region)
        let config = URLSessionConfiguration.ephemeral
        config.urlCache = nil
        config.timeoutIntervalForRequest = 120
        config.httpMaximumConnectionsPerHost = 16
        session = URLSession(configuration: config)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// Requests sent so far.
    public var requests: RequestCounts { lock.withLock { counts } }

    /// Sends `method` for `key` (empty = the bucket) and returns the response, after retries.
    /// Any status is returned; only transport failures after the last retry throw.
    public func send(
        _ method: String, key: String, query: [(String, String)] = [], headers extra: [(String, String)] = [],
        body: [UInt8] = []
    ) throws -> Response {
        var attempt = 0
        while true {
            do {
                let r = try sendOnce(method, key: key, query: query, headers: extra, body: body)
                if Self.retryable(r), attempt < settings.maxRetries {
                    attempt += 1
                    countRetry()
                    backoff(attempt)
                    continue
                }
                return r
            } catch let error as S3Error {
                guard attempt < settings.maxRetries else { throw error }
                attempt += 1
                countRetry()
                backoff(attempt)
            }
        }
    }

    /// Creates the bucket (used by tests and set-up scripts; 409 "already owned by you" is fine).
    public func createBucket() throws {
        let r = try send("PUT", key: "")
        guard (200..<300).contains(r.status) || r.status == 409 else {
            throw Self.failure("PUT", "s3://\(bucket)", r)
        }
    }

    static func retryable(_ r: Response) -> Bool {
        r.status >= 500 || r.status == 429 || (r.status == 409 && errorCode(r) == "ConditionalRequestConflict")
    }

    private func backoff(_ attempt: Int) {
        let base = min(5.0, settings.backoffSeconds * Double(1 << min(attempt - 1, 16)))
        let delay = base / 2 + Double.random(in: 0...(base / 2))  // timing only; never reaches data
        Thread.sleep(forTimeInterval: delay)
    }

    private func countRetry() { lock.withLock { counts.retries += 1 } }

    private func sendOnce(
        _ method: String, key: String, query: [(String, String)], headers extra: [(String, String)], body: [UInt8]
    ) throws -> Response {
        let path = settings.path(bucket: bucket, key: key)
        let host = settings.hostHeader(bucket: bucket)
        let payloadHash = body.isEmpty ? SigV4.emptyPayloadHash : SigV4.hex(SigV4.sha256(body))
        let amzDate = Self.amzDate()
        var headers: [(String, String)] = [
            ("host", host), ("x-amz-date", amzDate), ("x-amz-content-sha256", payloadHash),
        ]
        if let token = settings.sessionToken { headers.append(("x-amz-security-token", token)) }
        headers += extra
        // URLSession would label a body as a form (application/x-www-form-urlencoded), which some
        // servers then parse as one; say what it is.
        if (method == "PUT" || method == "POST") && !extra.contains(where: { $0.0.lowercased() == "content-type" }) {
            headers.append(("content-type", "application/octet-stream"))
        }
        let auth = signer.authorization(
            method: method, uri: path, query: query, headers: headers, payloadHash: payloadHash, amzDate: amzDate)
        let q = query.map { SigV4.uriEncode($0.0, slash: true) + "=" + SigV4.uriEncode($0.1, slash: true) }
            .joined(separator: "&")
        let urlText = settings.scheme + "://" + host + path + (q.isEmpty ? "" : "?" + q)
        guard let url = URL(string: urlText) else { throw S3Error("cannot form a URL from \(urlText)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers where name != "host" { request.setValue(value, forHTTPHeaderField: name) }
        request.setValue(auth, forHTTPHeaderField: "Authorization")
        if !body.isEmpty || method == "PUT" || method == "POST" { request.httpBody = Data(body) }

        lock.withLock {
            switch method {
            case "GET" where key.isEmpty: counts.putClass += 1  // LIST (bucket-level GET) is billed with PUTs
            case "GET", "HEAD": counts.getClass += 1
            case "DELETE": counts.deletes += 1
            default: counts.putClass += 1
            }
            counts.bytesUp += Int64(body.count)
        }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Data?, URLResponse?, Error?)
        let task = session.dataTask(with: request) { data, response, error in
            result = (data, response, error)
            done.signal()
        }
        task.resume()
        done.wait()
        if let error = result.2 {
            throw S3Error("\(method) \(urlText) failed: \(error.localizedDescription)")
        }
        guard let http = result.1 as? HTTPURLResponse else { throw S3Error("\(method) \(urlText): no HTTP response") }
        let data = result.0.map { [UInt8]($0) } ?? []
        lock.withLock { counts.bytesDown += Int64(data.count) }
        var fields: [String: String] = [:]
        for (k, v) in http.allHeaderFields { fields["\(k)"] = "\(v)" }
        return Response(status: http.statusCode, headers: fields, body: data)
    }

    /// `yyyyMMdd'T'HHmmss'Z'` now (UTC).
    static func amzDate() -> String {
        var t = time(nil)
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return
            "\(tm.tm_year + 1900)\(two(tm.tm_mon + 1))\(two(tm.tm_mday))T\(two(tm.tm_hour))\(two(tm.tm_min))\(two(tm.tm_sec))Z"
    }

    /// The `<Code>` of an S3 error body, if any.
    static func errorCode(_ r: Response) -> String? { XMLFields.first("Code", in: r.body) }

    /// An `S3Error` for an unexpected response: method, location, status, S3 code and message.
    static func failure(_ method: String, _ location: String, _ r: Response) -> S3Error {
        let code = errorCode(r)
        let message = XMLFields.first("Message", in: r.body)
        return S3Error(
            "S3 \(method) \(location) failed: HTTP \(r.status)" + (code.map { " \($0)" } ?? "")
                + (message.map { ": \($0)" } ?? ""), status: r.status, code: code)
    }
}
