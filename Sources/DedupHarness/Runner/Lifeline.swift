import Foundation

/// The child's side of `ChildProcess`'s lifeline: when `DEDUPBENCH_LIFELINE_FD` names an inherited
/// pipe, a background thread blocks reading it; end of file means the parent is gone (it never
/// writes), and the process exits at once with 137 (as if SIGKILLed), so a killed `run` leaves no
/// pipeline child running. Works the same on Linux and macOS (no `PR_SET_PDEATHSIG` needed).
public enum Lifeline {
    /// Starts watching, if this process was started with a lifeline. Call once, early in `main`.
    public static func watch(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let text = environment[ChildProcess.lifelineVariable], let fd = Int32(text), fd >= 0 else { return }
        unsetenv(ChildProcess.lifelineVariable)  // not for our own children: they get their own
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFIFO else { return }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        Thread.detachNewThread {
            var byte: UInt8 = 0
            while true {
                let n = read(fd, &byte, 1)
                if n == 0 || (n < 0 && errno != EINTR) { _exit(137) }
            }
        }
    }
}
