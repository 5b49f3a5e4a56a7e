import DedupPipeline
import Foundation
import Testing

@testable import DedupHarness

/// Issue 9 §5 for `run --executable PROGRAM`: PROGRAM (here a shell script) does not watch the
/// lifeline, so the harness starts it under `dedupbench __lifeline-guard`, which kills PROGRAM's
/// whole process group when the harness dies, and otherwise exits exactly as PROGRAM did.
@Suite(.serialized) struct LifelineGuardTests {
    /// Every process below `root`, children first.
    static func descendants(of root: pid_t) -> [pid_t] {
        var out: [pid_t] = []
        var frontier = [root]
        while let p = frontier.popLast() {
            let kids = ProcessTable.children(of: p)
            out += kids
            frontier += kids
        }
        return out
    }

    @Test func customExecutableDiesWithAKilledHarness() async throws {
        let exe = TestSupport.dedupbench
        try #require(FileManager.default.isExecutableFile(atPath: exe), "build dedupbench first: \(exe)")
        let dir = TestSupport.temporaryDirectory("guard")
        defer { TestSupport.remove(dir) }
        let (started, survivors): (Bool, [pid_t]) = try await OffPool.run {
            let harness = Process()
            harness.executableURL = URL(fileURLWithPath: exe)
            harness.arguments = [
                "run", TestSupport.fixture("specs/fixture.yaml"), "--executable", TestSupport.fakePipeline, "--results",
                dir + "/r", "--progress", "none", "--set", "fixture.sleep=120",
            ]
            harness.standardOutput = FileHandle.nullDevice
            harness.standardError = FileHandle.nullDevice
            try harness.run()
            // harness → guard (dedupbench) → sh (the script) → sleep: wait for the script's sleep.
            func sleeping(_ pids: [pid_t]) -> Bool {
                pids.contains { (try? String(contentsOfFile: "/proc/\($0)/comm", encoding: .utf8)) == "sleep\n" }
            }
            var below: [pid_t] = []
            let deadline = Monotonic.now() + 60
            while !sleeping(below), Monotonic.now() < deadline {
                usleep(50_000)
                below = Self.descendants(of: harness.processIdentifier)
            }
            kill(harness.processIdentifier, SIGKILL)
            guard sleeping(below) else {
                harness.waitUntilExit()
                return (false, below)
            }
            // Poll before reaping the harness: an orphaned script would keep `waitUntilExit` waiting.
            let gone = Monotonic.now() + 10
            while below.contains(where: ProcessTable.isRunning), Monotonic.now() < gone { usleep(50_000) }
            let survivors = below.filter(ProcessTable.isRunning)
            for p in survivors { kill(p, SIGKILL) }
            harness.waitUntilExit()
            return (true, survivors)
        }
        try #require(started, "the script's sleep never started: \(survivors)")
        #expect(survivors.isEmpty, "the custom executable's processes \(survivors) outlived their killed harness")
    }

    @Test func guardExitsAsTheProgramDid() throws {
        let exe = TestSupport.dedupbench
        try #require(FileManager.default.isExecutableFile(atPath: exe), "build dedupbench first: \(exe)")
        let code = try ChildProcess.run(
            executable: exe,
            arguments: LifelineGuard.arguments(program: "/bin/sh", ["-c", "echo out; echo err >&2; exit 7"]))
        #expect(code.exitCode == 7 && code.signal == nil)
        #expect(String(decoding: code.stdout, as: UTF8.self) == "out\n" && code.stderrText == "err\n")
        let signalled = try ChildProcess.run(
            executable: exe, arguments: LifelineGuard.arguments(program: "sh", ["-c", "kill -TERM $$"]))
        #expect(signalled.signal == SIGTERM && signalled.exitCode == nil)
        // The program does not see the lifeline variable (it is the guard's).
        let env = try ChildProcess.run(
            executable: exe,
            arguments: LifelineGuard.arguments(program: "sh", ["-c", "echo \"[$DEDUPBENCH_LIFELINE_FD]\""]))
        #expect(String(decoding: env.stdout, as: UTF8.self) == "[]\n")
    }
}
