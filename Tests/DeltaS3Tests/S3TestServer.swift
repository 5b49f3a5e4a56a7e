import DeltaS3
import DeltaStorage
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// moto's S3 server (installed into `.venv-s3` by `make setup`; run by scripts/s3_server.py),
/// started on a free loopback port for one test and stopped by `stop()`.
final class S3TestServer {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let venv = ProcessInfo.processInfo.environment["DEDUPBENCH_S3_VENV"] ?? packageRoot + "/.venv-s3"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: venv + "/bin/moto_server") }
    /// moto behind a lock: atomic conditional writes, as S3 has (scripts/s3_server.py says why).
    static let launcher = packageRoot + "/scripts/s3_server.py"
    static var isCI: Bool { ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "") }
    /// Run when moto is installed, and always in CI (where a missing server must fail loudly).
    static var shouldRun: Bool { available || isCI }

    let process: Process
    let port: Int
    var endpoint: String { "http://127.0.0.1:\(port)" }

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    /// Starts moto and waits (up to 30 s) until it answers.
    static func start() throws -> S3TestServer {
        let port = try freePort()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: venv + "/bin/python")
        p.arguments = [launcher, String(port)]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let server = S3TestServer(process: p, port: port)
        try waitUntilAnswering("127.0.0.1", port, process: p)
        return server
    }

    /// SIGKILL: a child of the test process may inherit a signal mask that blocks SIGTERM.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }

    /// The AWS environment the dedupbench processes and readers get for this server.
    var environment: [String: String] {
        [
            "AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_REGION": "us-east-1", "AWS_ALLOW_HTTP": "true",
        ]
    }

    /// Settings for a client of this server (or of `port` when given, e.g. a proxy in front of it).
    func settings(port: Int? = nil, partBytes: Int = 8 << 20) throws -> S3Settings {
        var env = environment
        if let port { env["AWS_ENDPOINT_URL"] = "http://127.0.0.1:\(port)" }
        var s = try S3Settings.fromEnvironment(env, partBytes: partBytes)
        s.backoffSeconds = 0.01
        return s
    }

    /// A store on a fresh bucket.
    func store(bucket: String, prefix: String = "t", partBytes: Int = 8 << 20) throws -> S3ObjectStore {
        let client = S3Client(settings: try settings(partBytes: partBytes), bucket: bucket)
        try client.createBucket()
        return S3ObjectStore(client: client, prefix: prefix)
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) { ptr in
            ptr.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                bind(fd, sa, len) == 0 && getsockname(fd, sa, &len) == 0
            }
        }
        guard ok else { throw S3Error("cannot find a free loopback port") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// Polls a TCP connect to host:port until it succeeds (30 s at most).
    static func waitUntilAnswering(_ host: String, _ port: Int, process: Process) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            guard process.isRunning else { throw S3Error("the S3 test server exited at start") }
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_addr.s_addr = inet_addr(host)
            addr.sin_port = in_port_t(UInt16(port).bigEndian)
            let connected = withUnsafePointer(to: &addr) { ptr in
                ptr.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            close(fd)
            if connected { return }
            usleep(100_000)
        }
        throw S3Error("the S3 test server did not answer on \(host):\(port) within 30 s")
    }
}

/// `fault_proxy.py` in front of a server: answers the first `fails` requests with 503 SlowDown.
final class FaultProxy {
    let process: Process
    let port: Int

    init(upstreamPort: Int, fails: Int) throws {
        let script = Bundle.module.path(forResource: "fault_proxy", ofType: "py", inDirectory: "Fixtures")!
        let p = Process()
        p.executableURL = URL(fileURLWithPath: S3TestServer.venv + "/bin/python")
        p.arguments = [script, "127.0.0.1:\(upstreamPort)", String(fails)]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        process = p
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let d = out.fileHandleForReading.availableData
            if d.isEmpty { break }
            line.append(d)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw S3Error("fault proxy did not report its port") }
        self.port = port
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
