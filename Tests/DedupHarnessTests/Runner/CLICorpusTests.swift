import Foundation
import Testing

@testable import DedupHarness

/// Bad (and formerly mis-rejected) inputs run through the real `dedupbench` binary, one folder
/// per case under Fixtures/cli-corpus: `case.txt` holds `args:` (split on spaces; `{case}` is the
/// folder, `{tmp}` a fresh scratch folder), the expected `exit:` code, and `output:` fragments
/// that stdout + stderr must contain. Add a folder to add a case.
@Suite struct CLICorpusTests {
    struct Case: CustomStringConvertible {
        var name: String
        var folder: String
        var args: [String] = []
        var exit: Int32 = 0
        var fragments: [String] = []
        var description: String { name }
    }

    static let cases: [Case] = {
        let root = TestSupport.fixture("cli-corpus")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
        return names.compactMap { name in
            guard let text = try? String(contentsOfFile: "\(root)/\(name)/case.txt", encoding: .utf8) else { return nil }
            var c = Case(name: name, folder: "\(root)/\(name)")
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                switch line[..<colon] {
                case "args": c.args = value.split(separator: " ").map(String.init)
                case "exit": c.exit = Int32(value) ?? -1
                case "output": c.fragments.append(value)
                default: break
                }
            }
            return c
        }
    }()

    @Test func corpusHasCases() { #expect(Self.cases.count >= 10) }

    @Test(arguments: CLICorpusTests.cases)
    func caseExitsWithItsCodeAndMessage(_ c: Case) throws {
        let exe = TestSupport.dedupbench
        try #require(FileManager.default.isExecutableFile(atPath: exe), "build dedupbench first: \(exe)")
        let tmp = TestSupport.temporaryDirectory("corpus-\(c.name)")
        defer { TestSupport.remove(tmp) }
        func fill(_ s: String) -> String { s.replacing("{case}", with: c.folder).replacing("{tmp}", with: tmp) }
        let result = try ChildProcess.run(executable: exe, arguments: c.args.map(fill), timeout: 120)
        let output = String(decoding: result.stdout, as: UTF8.self) + result.stderrText
        #expect(result.exitCode == c.exit, "\(c.name): exit \(result.exitCode.map(String.init) ?? "signal"): \(output)")
        for f in c.fragments {
            #expect(output.contains(fill(f)), "\(c.name): missing \(fill(f)) in: \(output)")
        }
        #expect(!output.contains("Error Domain="), "no raw Foundation error dumps")
    }
}
