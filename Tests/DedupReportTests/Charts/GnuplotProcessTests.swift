import Foundation
import Testing

@testable import DedupReport

/// Issue 9 §5: gnuplot runs in its own process group, a timeout kills the group, and labels that
/// begin with a quote render.
@Suite struct GnuplotProcessTests {
    @Test func aTimeoutKillsTheWholeProcessGroup() throws {
        let dir = try TestSupport.temporaryDirectory()
        let pidFile = dir.appendingPathComponent("child.pid").path
        // A wrapper that starts a child and waits for it (this used to hang `report` forever).
        let wrapper = dir.appendingPathComponent("wrapper.sh").path
        try TestSupport.writeExecutable("#!/bin/sh\nsleep 300 &\necho $! > '\(pidFile)'\nwait\n", to: wrapper)
        let start = Date()
        let error = #expect(throws: GnuplotRunner.Failure.self) {
            try GnuplotRunner(executable: wrapper, timeout: 1).render(script: "x.gp", in: dir.path, outputs: ["x.svg"])
        }
        #expect(error?.message.contains("its process group was killed") == true, "\(error?.message ?? "")")
        #expect(Date().timeIntervalSince(start) < 10)
        let pid = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        var alive = true
        for _ in 0..<100 {
            let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: ")").last?
                .split(separator: " ").first
            alive = state != nil && state != "Z"
            if !alive { break }
            usleep(50_000)
        }
        if alive { kill(pid, SIGKILL) }
        #expect(!alive, "the wrapper's child \(pid) survived the timeout")
    }

    @Test func titlesBeginningWithAQuoteRender() throws {
        guard let gnuplot = GnuplotRunner.locate() else { return }  // rendering needs gnuplot (make setup installs it)
        let dir = try TestSupport.temporaryDirectory()
        let title = TextEscaping.gnuplotString("'Fast' strategy")
        let label = TextEscaping.gnuplotString("'x' axis")
        #expect(title == "\"'\".'Fast'' strategy'")
        try """
        set terminal dumb size 120,20
        set output 'chart.txt'
        set key outside right
        set title \(title)
        set xlabel \(label)
        plot x title \(TextEscaping.gnuplotString("'line'"))
        """.write(to: dir.appendingPathComponent("chart.gp"), atomically: true, encoding: .utf8)
        try gnuplot.render(script: "chart.gp", in: dir.path, outputs: ["chart.txt"])
        let text = try String(contentsOf: dir.appendingPathComponent("chart.txt"), encoding: .utf8)
        #expect(text.contains("'Fast' strategy"))
        #expect(text.contains("'x' axis"))
        #expect(text.contains("'line'"))
    }
}
