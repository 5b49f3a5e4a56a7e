import Foundation

/// The lifeline for a child that does not watch it: `run --executable PROGRAM` may start any
/// program (a shell script, another build), which knows nothing of fd 3. The harness then starts
/// `dedupbench __lifeline-guard PROGRAM ARGS…` instead: this guard runs PROGRAM as its own child in
/// the same process group (the group `ChildProcess` made for the guard), blocks on the lifeline,
/// and when the harness dies (end of file on fd 3, even after SIGKILL) kills the whole group —
/// PROGRAM and anything it started — then itself. Otherwise it exits as PROGRAM did (same exit
/// code, or the same signal), so the harness sees PROGRAM's outcome unchanged.
public enum LifelineGuard {
    /// The hidden first argument that selects guard mode in `dedupbench`'s `main`.
    public static let command = "__lifeline-guard"

    /// `[command, program] + arguments`: what the harness passes to the dedupbench binary.
    public static func arguments(program: String, _ arguments: [String]) -> [String] {
        [command, program] + arguments
    }

    /// Runs `arguments[0]` with the rest; never returns. Without a lifeline (started by hand) it
    /// still runs the program and mirrors its exit.
    public static func run(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Never
    {
        guard let program = arguments.first else {
            FileHandle.standardError.write(Data("dedupbench: error: \(command) needs a program to run\n".utf8))
            exit(64)
        }
        var env = environment
        let fd = env[ChildProcess.lifelineVariable].flatMap { Int32($0) }
        env[ChildProcess.lifelineVariable] = nil  // the program's own children are not ours to guard
        if let fd {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)  // the program does not inherit the lifeline
            Thread.detachNewThread {
                var byte: UInt8 = 0
                while true {
                    let n = read(fd, &byte, 1)
                    if n == 0 || (n < 0 && errno != EINTR) {
                        kill(0, SIGKILL)  // this process group: the program, its children, this guard
                        _exit(137)
                    }
                }
            }
        }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        var pid: pid_t = 0
        let rc =
            program.contains("/")
            ? posix_spawn(&pid, program, nil, nil, argv, envp) : posix_spawnp(&pid, program, nil, nil, argv, envp)
        guard rc == 0 else {
            FileHandle.standardError.write(
                Data("dedupbench: error: cannot start \(program): \(String(cString: strerror(rc)))\n".utf8))
            exit(127)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        if signal == 0 { exit((status >> 8) & 0xff) }
        // Die of the same signal, so the harness reports "killed by signal N" as for PROGRAM itself.
        Foundation.signal(signal, SIG_DFL)
        kill(getpid(), signal)
        _exit(128 + signal)
    }
}
