import DedupPipeline
import Foundation
import Testing

@testable import DedupHarness

/// Every file in Fixtures/bad-specs starts with `# expect: LINE:COL: message`; loading (and
/// expanding) it must fail with exactly that message, located in that file.
@Suite struct SpecErrorCorpusTests {
    static let files: [String] = {
        let dir = TestSupport.fixture("bad-specs")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }
            .sorted()
    }()

    @Test func corpusIsThere() {
        #expect(Self.files.count >= 20)
    }

    @Test(arguments: files)
    func badSpecGetsItsMessage(_ name: String) throws {
        let path = TestSupport.fixture("bad-specs/\(name)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let first = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        #expect(first.hasPrefix("# expect: "), "\(name) lacks its expectation line")
        let expected = String(first.dropFirst("# expect: ".count))
        do {
            let spec = try ExperimentSpec.load(path: path)
            _ = try ExperimentPlan(spec: spec)
            Issue.record("\(name) loaded without an error")
        } catch {
            #expect(error.file == path)
            let located = error.line > 0 ? "\(error.line):\(error.column): \(error.message)" : error.message
            #expect(located == expected)
            #expect(error.description == "\(path):\(located)")
        }
    }
}
