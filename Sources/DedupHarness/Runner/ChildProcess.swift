import DedupPipeline
import Foundation

/// Runs one child process with posix_spawn, capturing stdout and stderr through pipes, with an
/// optional deadline. The child gets its own process group, so a terminal's Ctrl-C reaches only
/// the harness (which then stops after the run in flight), and a timeout kills the whole group
/// (a shell script and whatever it started).
///
/// Children die with their parent: each child gets the read end of a "lifeline" pipe as fd 3
/// (`DEDUPBENCH_LIFELINE_FD=3`) whose write end only this process holds. When the harness dies —
/// even by SIGKILL — the kernel closes the write end, and a dedupbench child, which watches fd 3
/// (`Lifeline.watch`), exits at once instead of running on as an orphan.
public enum ChildProcess {
    /// The fd a child finds its lifeline on, and the variable that tells it so.
    public static let lifelineFD: Int32 = 3
    public static let lifelineVariable = "DEDUPBENCH_LIFELINE_FD"

    public struct Result: Sendable {
        /// Exit code when the child exited normally.
        public var exitCode: Int32?
        /// Terminating signal when it was killed.
        public var signal: Int32?
        public var stdout: [UInt8]
        /// The last `stderrLimit` bytes of stderr.
        public var stderr: [UInt8]
        public var timedOut: Bool
        public var aborted: Bool
        /// Monotonic seconds from spawn to reaping.
        public var seconds: Double

        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    public struct SpawnError: Error, CustomStringConvertible, Sendable {
        public var executable: String
        public var code: Int32
        public var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }

    static let stderrLimit = 64 * 1024
    private static let spawnLock = NSLock()

    /// Runs `executable` (absolute path, or looked up on PATH) with `arguments`; stdin is /dev/null.
    /// `shouldAbort` is polled about every 50 ms; returning true kills the child like a timeout.
    public static func run(
        executable: String, arguments: [String], environment: [String: String]? = nil, timeout: Double? = nil,
        shouldAbort: @Sendable () -> Bool = { false }
    ) throws(SpawnError) -> Result {
        let start = Monotonic.now()
        // Pipes are created and marked close-on-exec under one lock with the spawn, so a child
        // started by another thread (--jobs) never inherits this child's pipe ends.
        spawnLock.lock()
        var locked = true
        defer { if locked { spawnLock.unlock() } }
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        var lifeline: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { throw SpawnError(executable: executable, code: errno) }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0])
            close(outPipe[1])
            throw SpawnError(executable: executable, code: errno)
        }
        guard pipe(&lifeline) == 0 else {
            for fd in outPipe + errPipe { close(fd) }
            throw SpawnError(executable: executable, code: errno)
        }
        // The write end stays open here until the child is reaped; if this process dies first,
        // the kernel closes it and the child sees EOF on its fd 3.
        defer { close(lifeline[1]) }
        for fd in outPipe + errPipe + lifeline { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        posix_spawn_file_actions_adddup2(&actions, lifeline[0], lifelineFD)

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setpgroup(&attr, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attr, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGPIPE, SIGHUP] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var env = environment ?? ProcessInfo.processInfo.environment
        env[lifelineVariable] = String(lifelineFD)
        let envStrings: [UnsafeMutablePointer<CChar>?]? =
            env.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envStrings?.forEach { free($0) } }

        var pid: pid_t = 0
        let rc: Int32 = withEnvironment(envStrings) { envp in
            executable.contains("/")
                ? posix_spawn(&pid, executable, &actions, &attr, argv, envp)
                : posix_spawnp(&pid, executable, &actions, &attr, argv, envp)
        }
        close(outPipe[1])
        close(errPipe[1])
        close(lifeline[0])
        spawnLock.unlock()
        locked = false
        guard rc == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw SpawnError(executable: executable, code: rc)
        }

        var result = Result(
            exitCode: nil, signal: nil, stdout: [], stderr: [], timedOut: false, aborted: false, seconds: 0)
        let deadline = timeout.map { start + $0 }
        var open = [outPipe[0], errPipe[0]]
        var killedAt: Double?
        var buffer = [UInt8](repeating: 0, count: 65_536)

        func killGroup() {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            killedAt = Monotonic.now()
        }
        func checkLimits() {
            guard killedAt == nil else { return }
            if let deadline, Monotonic.now() >= deadline {
                result.timedOut = true
                killGroup()
            } else if shouldAbort() {
                result.aborted = true
                killGroup()
            }
        }

        // Drain both pipes until they close (or, after a kill, for at most 2 s more).
        while open.contains(where: { $0 >= 0 }) {
            var fds = open.filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            var wait = 50.0
            if let deadline, killedAt == nil { wait = min(wait, max(0, (deadline - Monotonic.now()) * 1000)) }
            let n = poll(&fds, nfds_t(fds.count), Int32(wait.rounded(.up)))
            if n > 0 {
                for p in fds where p.revents != 0 {
                    let got = read(p.fd, &buffer, buffer.count)
                    if got > 0 {
                        if p.fd == outPipe[0] {
                            result.stdout.append(contentsOf: buffer[0..<got])
                        } else {
                            result.stderr.append(contentsOf: buffer[0..<got])
                            if result.stderr.count > 2 * stderrLimit {
                                result.stderr.removeFirst(result.stderr.count - stderrLimit)
                            }
                        }
                    } else if got == 0 || (errno != EINTR && errno != EAGAIN) {
                        close(p.fd)
                        if let i = open.firstIndex(of: p.fd) { open[i] = -1 }
                    }
                }
            }
            checkLimits()
            if let killedAt, Monotonic.now() - killedAt > 2 {
                for fd in open where fd >= 0 { close(fd) }
                break
            }
        }

        // Reap, still honouring the deadline (the child may close its pipes and keep running).
        var status: Int32 = 0
        var pause: UInt32 = 100
        while true {
            let r = waitpid(pid, &status, killedAt == nil ? WNOHANG : 0)
            if r == pid { break }
            if r < 0, errno != EINTR { break }
            checkLimits()
            if r == 0 {
                usleep(pause)
                pause = min(pause * 2, 10_000)
            }
        }
        if result.stderr.count > stderrLimit { result.stderr.removeFirst(result.stderr.count - stderrLimit) }
        let low = status & 0x7F
        if low == 0 { result.exitCode = (status >> 8) & 0xFF } else { result.signal = low }
        result.seconds = Monotonic.now() - start
        return result
    }

    private static func withEnvironment<R>(
        _ env: [UnsafeMutablePointer<CChar>?]?, _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>?) -> R
    ) -> R {
        guard let env else { return body(environ) }
        return env.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}

/// Monotonic seconds (for timeouts, ETA and overhead figures; never written to results).
public enum Monotonic {
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
