import DedupPipeline
import Foundation

/// Ctrl-C handling for `dedupbench run`: the first SIGINT (or SIGTERM) asks the runner to stop after
/// the run in flight; a second one aborts it (the child is killed and not recorded).
/// Children run in their own process group, so the terminal's SIGINT reaches only the harness.
public enum Interrupt {
    nonisolated(unsafe) private static var count: Int32 = 0

    /// True after the first signal: start no new run.
    public static var stopRequested: Bool { count >= 1 }
    /// True after the second signal: kill the run in flight.
    public static var abortRequested: Bool { count >= 2 }

    /// Installs the handlers (idempotent). The signals are also unblocked: a parent (a test
    /// runner, some process managers) may have started us with them blocked.
    public static func install() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { _ in
                Interrupt.count += 1
                let text =
                    Interrupt.count == 1
                    ? "\ndedupbench: stopping after the run in flight (Ctrl-C again to abort it)\n"
                    : "\ndedupbench: aborting the run in flight\n"
                _ = text.withCString { write(2, $0, strlen($0)) }
            }
        }
    }
}
