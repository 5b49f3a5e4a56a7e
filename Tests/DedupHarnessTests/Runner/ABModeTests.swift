import Foundation
import Testing

@testable import DedupHarness

/// `make ci-ab` (scripts/ci-ab.sh) with two real dedupbench binaries running the real pipeline.
/// The base side goes through the script's build path — BASE_REF checked out into the scratch
/// folder, `swift build -c release --product dedupbench --scratch-path …` invoked there — with a
/// stand-in `swift` that records its call and copies the built test binary into place (a real
/// release build takes many minutes; `make ci-ab` does that). The candidate is a second copy.
/// Same code on both sides, so deterministic metrics must match and the verdict is no regression.
@Suite(.serialized) struct ABModeTests {
    @Test func abScriptBuildsTheBaseRefAndRunsBothSidesAlternately() throws {
        let exe = TestSupport.dedupbench
        try #require(FileManager.default.isExecutableFile(atPath: exe), "build dedupbench first: \(exe)")
        let dir = TestSupport.temporaryDirectory("ab")
        defer { TestSupport.remove(dir) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let candidate = dir + "/cand-bin/dedupbench"
        try fm.createDirectory(atPath: dir + "/cand-bin", withIntermediateDirectories: true)
        try TestSupport.copyExecutable(exe, to: candidate)
        let swift = dir + "/swift"
        try TestSupport.writeExecutable("""
        #!/bin/bash
        echo "$PWD|$*" >> "$AB_TEST_LOG"
        scratch=${@: -1}
        mkdir -p "$scratch/release" && cp "$AB_TEST_REAL" "$scratch/release/dedupbench"
        """, to: swift)

        func ab(_ baseRef: String, buildOnly: Bool = false) throws -> (status: Int32, stdout: String, stderr: String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/bash")
            p.arguments = [TestSupport.packageRoot + "/scripts/ci-ab.sh"]
            var env = ProcessInfo.processInfo.environment
            env["BASE_REF"] = baseRef
            env["SWIFT"] = swift
            env["AB_TEST_LOG"] = dir + "/swift.log"
            env["AB_TEST_REAL"] = exe
            env["AB_BASE_DIR"] = dir + "/base"
            env["AB_CAND_BIN"] = candidate
            env["AB_OUT"] = dir + "/out"
            env["AB_ROUNDS"] = "2"
            env["AB_RUN_ARGS"] = "--set generation.scale=1000 --set generation.chaos.dup_prob=0"
            env["CI_THRESHOLD"] = "1000%"
            if buildOnly { env["AB_BUILD_ONLY"] = "1" }
            p.environment = env
            let out = Pipe()
            let err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return (p.terminationStatus, stdout, stderr)
        }
        func git(_ args: [String]) throws -> String {
            let r = try ChildProcess.run(executable: "git", arguments: ["-C", TestSupport.packageRoot] + args)
            return String(decoding: r.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let head = try git(["rev-parse", "HEAD"])
        try #require(head.count == 40, "the tests run from a git checkout")

        let r = try ab("HEAD")
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("ci-ab verdict: no regression"), "\(r.stdout)")
        #expect(r.stdout.contains("base HEAD = \(head.prefix(7))"), "\(r.stdout)")
        // The base was checked out at BASE_REF and built there in release into the scratch folder.
        let checkout = dir + "/base/src"
        let checkedOut = try ChildProcess.run(executable: "git", arguments: ["-C", checkout, "rev-parse", "HEAD"])
        #expect(String(decoding: checkedOut.stdout, as: UTF8.self).hasPrefix(head))
        #expect(fm.fileExists(atPath: checkout + "/Package.swift"))
        let calls = try String(contentsOfFile: dir + "/swift.log", encoding: .utf8).split(separator: "\n")
        #expect(calls == ["\(checkout)|build -c release --product dedupbench --scratch-path \(dir)/base/build"])
        // Alternation: base first in round 1, candidate first in round 2.
        let order = r.stderr.split(separator: "\n").filter { $0.hasPrefix("ci-ab: round ") }.map(String.init)
        #expect(
            order == [
                "ci-ab: round 1/2: base", "ci-ab: round 1/2: cand", "ci-ab: round 2/2: cand", "ci-ab: round 2/2: base",
            ])
        for side in ["base", "cand"] {
            #expect(fm.fileExists(atPath: "\(dir)/out/\(side)/results.csv"), "missing \(side)")
        }
        #expect(fm.fileExists(atPath: dir + "/out/compare.md") && fm.fileExists(atPath: dir + "/out/verdict.txt"))
        // Each side holds every planned run once, added repeat by repeat: 4 strategies × 2 rounds,
        // and each round's session is in its manifest.
        let base = try ResultSet.load(path: dir + "/out/base")
        let cand = try ResultSet.load(path: dir + "/out/cand")
        #expect(cand.rows.count == 8 && Set(cand.rows.map(\.runID)).count == 8)
        #expect(Set(cand.rows.map(\.repeatIndex)) == [0, 1] && cand.manifest?.sessions.count == 2)
        #expect(TestSupport.deterministic(base) == TestSupport.deterministic(cand))

        // Another base reuses the checkout (no new clone) and moves it (build only; a shallow clone
        // has no parent, then this step is skipped).
        var builds = 1
        if let parent = try? git(["rev-parse", "--verify", "--quiet", "HEAD~1"]), parent.count == 40 {
            let again = try ab("HEAD~1", buildOnly: true)
            #expect(again.status == 0 && again.stderr.contains("base ready"), "\(again.stderr)")
            let moved = try ChildProcess.run(executable: "git", arguments: ["-C", checkout, "rev-parse", "HEAD"])
            #expect(String(decoding: moved.stdout, as: UTF8.self).hasPrefix(parent))
            builds += 1
        }
        // A ref that is not a commit is refused before anything is built.
        let bad = try ab("no-such-ref-\(getpid())")
        #expect(bad.status == 2 && bad.stderr.contains("is not a commit"))
        #expect(try String(contentsOfFile: dir + "/swift.log", encoding: .utf8).split(separator: "\n").count == builds)
    }
}
