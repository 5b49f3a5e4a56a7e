/// Where and how to reach S3, from the standard AWS environment variables (the names the AWS
/// CLI, SDKs and deltalake read): `AWS_ENDPOINT_URL` (default `https://s3.<region>.amazonaws.com`),
/// `AWS_REGION` (or `AWS_DEFAULT_REGION`, default `us-east-1`), `AWS_ACCESS_KEY_ID`,
/// `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`; `AWS_ALLOW_HTTP=true` permits a plain-HTTP
/// endpoint, and only on a loopback host; `AWS_VIRTUAL_HOSTED_STYLE_REQUEST=true` puts the bucket
/// in the host name (the default with an explicit endpoint is path style, as deltalake does).
public struct S3Settings: Sendable, Equatable {
    public enum Addressing: String, Sendable { case path, virtualHosted }

    /// `http` or `https`.
    public var scheme: String
    /// Host name or address (no port).
    public var host: String
    public var port: Int?
    public var region: String
    public var accessKey: String
    public var secretKey: String
    public var sessionToken: String?
    public var addressing: Addressing
    /// Bytes per multipart part; objects larger than this are uploaded in parts (S3: ≥ 5 MiB).
    public var partBytes: Int
    /// Attempts after the first for a request that met a 5xx, throttling or connection error.
    public var maxRetries: Int
    /// First backoff delay in seconds (doubled per retry, capped at 5 s, with jitter).
    public var backoffSeconds: Double

    public init(
        scheme: String, host: String, port: Int?, region: String, accessKey: String, secretKey: String,
        sessionToken: String? = nil, addressing: Addressing = .path, partBytes: Int = 8 << 20, maxRetries: Int = 6,
        backoffSeconds: Double = 0.05
    ) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.region = region
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.sessionToken = sessionToken
        self.addressing = addressing
        self.partBytes = partBytes
        self.maxRetries = maxRetries
        self.backoffSeconds = backoffSeconds
    }

    /// Reads the variables above from `env`. Throws `S3Error` naming the variable that is missing
    /// or malformed.
    public static func fromEnvironment(_ env: [String: String], partBytes: Int = 8 << 20) throws -> S3Settings {
        let region = nonEmpty(env["AWS_REGION"]) ?? nonEmpty(env["AWS_DEFAULT_REGION"]) ?? "us-east-1"
        guard let key = nonEmpty(env["AWS_ACCESS_KEY_ID"]), let secret = nonEmpty(env["AWS_SECRET_ACCESS_KEY"]) else {
            throw S3Error(
                "s3:// needs credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_ENDPOINT_URL for a server other than AWS)"
            )
        }
        let endpoint = nonEmpty(env["AWS_ENDPOINT_URL_S3"]) ?? nonEmpty(env["AWS_ENDPOINT_URL"])
        let (scheme, host, port) = try parseEndpoint(endpoint ?? "https://s3.\(region).amazonaws.com")
        if scheme == "http" {
            guard env["AWS_ALLOW_HTTP"]?.lowercased() == "true" else {
                throw S3Error(
                    "AWS_ENDPOINT_URL \(endpoint ?? "") is plain HTTP; set AWS_ALLOW_HTTP=true to allow it (loopback only)"
                )
            }
            guard isLoopback(host) else {
                throw S3Error(
                    "AWS_ENDPOINT_URL \(endpoint ?? ""): plain HTTP is allowed only to a loopback host (127.0.0.0/8, localhost, ::1)"
                )
            }
        }
        let virtual = env["AWS_VIRTUAL_HOSTED_STYLE_REQUEST"]?.lowercased() == "true" || endpoint == nil
        return S3Settings(
            scheme: scheme, host: host, port: port, region: region, accessKey: key, secretKey: secret,
            sessionToken: nonEmpty(env["AWS_SESSION_TOKEN"]), addressing: virtual ? .virtualHosted : .path,
            partBytes: partBytes)
    }

    /// `scheme://host[:port][/]` → its parts. Throws on anything else (a path, no scheme).
    static func parseEndpoint(_ url: String) throws -> (String, String, Int?) {
        guard let sep = url.range(of: "://") else {
            throw S3Error("AWS_ENDPOINT_URL '\(url)' is not a URL (expected http://host:port or https://host)")
        }
        let scheme = url[..<sep.lowerBound].lowercased()
        var rest = Substring(url[sep.upperBound...])
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard scheme == "http" || scheme == "https", !rest.isEmpty, !rest.contains("/") else {
            throw S3Error("AWS_ENDPOINT_URL '\(url)' must be http(s)://host[:port] with no path")
        }
        var host = String(rest)
        var port: Int?
        if host.hasPrefix("[") {  // [::1]:port
            guard let close = host.firstIndex(of: "]") else {
                throw S3Error("AWS_ENDPOINT_URL '\(url)': bad IPv6 host")
            }
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") { port = Int(after.dropFirst()) }
            host = String(host[...close])
        } else if let colon = host.lastIndex(of: ":") {
            guard let p = Int(host[host.index(after: colon)...]), (1...65535).contains(p) else {
                throw S3Error("AWS_ENDPOINT_URL '\(url)': the port is not a number in 1…65535")
            }
            port = p
            host = String(host[..<colon])
        }
        return (scheme, host, port)
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "[::1]" || host == "::1" || host.hasPrefix("127.")
    }

    private static func nonEmpty(_ s: String?) -> String? { (s?.isEmpty ?? true) ? nil : s }

    /// `Host` header value (with the port unless it is the scheme's default).
    func hostHeader(bucket: String) -> String {
        let name = addressing == .virtualHosted ? bucket + "." + host : host
        guard let port, !(scheme == "http" && port == 80), !(scheme == "https" && port == 443) else { return name }
        return name + ":" + String(port)
    }

    /// The encoded request path for `key` in `bucket` (empty key = the bucket itself).
    func path(bucket: String, key: String) -> String {
        let k = SigV4.uriEncode(key, slash: false)
        return addressing == .virtualHosted ? "/" + k : "/" + bucket + (key.isEmpty ? "" : "/" + k)
    }
}

/// A failed S3 request or bad S3 settings; the message names the object, the request and the
/// server's error code.
public struct S3Error: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var status: Int?
    public var code: String?

    public init(_ message: String, status: Int? = nil, code: String? = nil) {
        self.message = message
        self.status = status
        self.code = code
    }

    public var description: String { message }
}
