import Foundation
import Testing

@testable import DedupHarness

/// The progress bar in a real pseudo-terminal (Python's `pty`, window size set with TIOCSWINSZ):
/// every redraw fits the terminal's width, so it redraws in place instead of scrolling; elapsed
/// time and ETA are shown in both modes; colour follows the terminal and NO_COLOR.
@Suite(.serialized) struct ProgressTerminalTests {
    static let driver = """
        import os, pty, sys, struct, fcntl, termios, select
        cols = int(sys.argv[1]); argv = sys.argv[2:]
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(argv[0], argv)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, cols, 0, 0))
        out = b''
        while True:
            try:
                r, _, _ = select.select([fd], [], [], 60)
                if not r: break
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk: break
            out += chunk
        os.waitpid(pid, 0)
        sys.stdout.buffer.write(out)
        """

    /// Runs `dedupbench run` on the fixture spec inside a pty of `columns` columns; returns the bytes.
    static func runInTerminal(columns: Int, extra: [String], env: [String: String] = [:]) throws -> String {
        let exe = TestSupport.dedupbench
        try #require(FileManager.default.isExecutableFile(atPath: exe), "build dedupbench first: \(exe)")
        let dir = TestSupport.temporaryDirectory("pty")
        defer { TestSupport.remove(dir) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = ["-c", driver, String(columns), exe, "run", TestSupport.fixture("specs/fixture.yaml"),
                       "--executable", TestSupport.fakePipeline, "--results", dir + "/r", "--set", "fixture.sleep=0.02"] + extra
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        environment["COLUMNS"] = nil
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Visible text: ANSI escapes removed.
    static func visible(_ s: Substring) -> String {
        String(s.replacing(/\x{1B}\[[0-9;]*[A-Za-z]/, with: ""))
    }

    @Test(arguments: [40, 72, 150]) func barFitsTheTerminalWidth(columns: Int) throws {
        let text = try Self.runInTerminal(columns: columns, extra: ["--progress", "bar"])
        let draws = text.split(omittingEmptySubsequences: true) { $0 == "\r" || $0 == "\n" }.map(Self.visible).filter { $0.contains("ETA") }
        #expect(draws.count >= 3, "expected several redraws, got: \(text.debugDescription.prefix(400))")
        for draw in draws { #expect(draw.count <= columns - 1, "a \(draw.count)-column line in a \(columns)-column terminal: \(draw)") }
        #expect(draws.contains { $0.contains("ETA") && $0.contains("/") })
    }

    @Test func linesModeShowsElapsedAndEtaWithColourUnlessNoColor() throws {
        let coloured = try Self.runInTerminal(columns: 100, extra: ["--progress", "lines"])
        #expect(coloured.contains("\u{1B}[32mok\u{1B}[0m"))
        #expect(coloured.contains("elapsed ") && coloured.contains(" ETA "))
        let plain = try Self.runInTerminal(columns: 100, extra: ["--progress", "lines"], env: ["NO_COLOR": "1"])
        #expect(!plain.contains("\u{1B}[3"))
        #expect(plain.contains("] ok "))
        let flag = try Self.runInTerminal(columns: 100, extra: ["--progress", "lines", "--no-color"])
        #expect(!flag.contains("\u{1B}[3"))
    }

    @Test func lineNeverExceedsTheWidthInProcess() {
        let p = Progress(total: 1000, style: .bar, color: false, width: { 30 }, sink: { _ in })
        for columns in [5, 12, 30, 80, 200] { #expect(p.line(columns: columns).count <= max(10, columns - 1)) }
    }

    @Test func resumeHintReproducesTheWholeCommand() {
        let args = ["dedupbench", "run", "experiments/my sweep.yaml", "--set", "generation.scale=1000", "--jobs", "2",
                    "--results", "old", "--shard", "1/3", "--resume"]
        #expect(ResumeHint.command(arguments: args, resultsDirectory: "results/x/1")
            == "dedupbench run 'experiments/my sweep.yaml' --set generation.scale=1000 --jobs 2 --shard 1/3 --resume --results results/x/1")
    }
}
