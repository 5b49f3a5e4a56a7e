import Foundation
import Testing

@testable import DeltaS3

/// SigV4 against AWS's published vectors (Fixtures/sigv4-vectors.json names their sources).
struct SigV4Tests {
    struct Vector: Decodable, CustomTestStringConvertible {
        var name: String
        var access_key: String
        var secret_key: String
        var region: String
        var service: String
        var amz_date: String
        var method: String
        var uri: String?
        var uri_key: String?
        var query: [[String]]
        var headers: [[String]]
        var payload: String
        var canonical_request: String?
        var string_to_sign: String?
        var authorization: String?
        var signed_headers: String?
        var signature: String?
        var testDescription: String { name }
    }

    static let vectors: [Vector] = {
        struct File: Decodable { var vectors: [Vector] }
        let url = Bundle.module.url(forResource: "sigv4-vectors", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).vectors
    }()

    @Test(arguments: vectors) func reproducesPublishedSignature(_ v: Vector) {
        let signer = SigV4(accessKey: v.access_key, secretKey: v.secret_key, region: v.region, service: v.service)
        let uri = v.uri ?? "/" + SigV4.uriEncode(v.uri_key!, slash: false)
        let query = v.query.map { ($0[0], $0[1]) }
        let headers = v.headers.map { ($0[0], $0[1]) }
        let payloadHash = SigV4.hex(SigV4.sha256(Array(v.payload.utf8)))
        let creq = SigV4.canonicalRequest(
            method: v.method, uri: uri, query: query, headers: headers, payloadHash: payloadHash)
        if let want = v.canonical_request { #expect(creq == want) }
        if let want = v.string_to_sign {
            #expect(signer.stringToSign(canonicalRequest: creq, amzDate: v.amz_date) == want)
        }
        let auth = signer.authorization(
            method: v.method, uri: uri, query: query, headers: headers, payloadHash: payloadHash, amzDate: v.amz_date)
        if let want = v.authorization { #expect(auth == want) }
        if let want = v.signature { #expect(auth.hasSuffix("Signature=" + want)) }
        if let want = v.signed_headers { #expect(auth.contains("SignedHeaders=" + want + ",")) }
    }

    @Test func encodesKeysLikeS3() {
        #expect(
            SigV4.uriEncode("partition_date=2025-01-13/part-0.parquet", slash: false)
                == "partition_date%3D2025-01-13/part-0.parquet")
        #expect(SigV4.uriEncode("a b/ü~", slash: true) == "a%20b%2F%C3%BC~")
    }
}

/// Endpoint, credentials and addressing from the AWS environment variables.
struct S3SettingsTests {
    let creds = ["AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s"]

    @Test func plainHTTPNeedsAllowHTTPAndLoopback() throws {
        var env = creds
        env["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9000"
        #expect(throws: S3Error.self) { try S3Settings.fromEnvironment(env) }
        env["AWS_ALLOW_HTTP"] = "true"
        let s = try S3Settings.fromEnvironment(env)
        #expect(s.scheme == "http" && s.host == "127.0.0.1" && s.port == 9000 && s.addressing == .path)
        env["AWS_ENDPOINT_URL"] = "http://10.1.2.3:9000"
        #expect(throws: S3Error.self) { try S3Settings.fromEnvironment(env) }
    }

    @Test func missingCredentialsAreNamed() {
        #expect {
            try S3Settings.fromEnvironment([:])
        } throws: { error in
            "\(error)".contains("AWS_ACCESS_KEY_ID")
        }
    }

    @Test func addressingStyles() throws {
        var env = creds
        env["AWS_REGION"] = "eu-west-1"
        let aws = try S3Settings.fromEnvironment(env)  // no endpoint: AWS itself, virtual-hosted
        #expect(aws.addressing == .virtualHosted)
        #expect(aws.hostHeader(bucket: "bkt") == "bkt.s3.eu-west-1.amazonaws.com")
        #expect(aws.path(bucket: "bkt", key: "t/a=b") == "/t/a%3Db")
        env["AWS_ENDPOINT_URL"] = "https://minio.example:9443"
        let path = try S3Settings.fromEnvironment(env)
        #expect(path.hostHeader(bucket: "bkt") == "minio.example:9443")
        #expect(path.path(bucket: "bkt", key: "t/x") == "/bkt/t/x")
        env["AWS_VIRTUAL_HOSTED_STYLE_REQUEST"] = "true"
        #expect(try S3Settings.fromEnvironment(env).hostHeader(bucket: "bkt") == "bkt.minio.example:9443")
    }

    @Test func parsesURIs() throws {
        let (b, p) = try S3ObjectStore.parse("s3://my-bucket/runs/a/")
        #expect(b == "my-bucket" && p == "runs/a")
        #expect(throws: S3Error.self) { try S3ObjectStore.parse("s3://B/x") }
    }
}
