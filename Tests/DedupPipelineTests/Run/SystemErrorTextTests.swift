import Foundation
import Testing

@testable import DedupPipeline

/// Issue 9 §5: errors in words, never a raw Foundation dump.
@Suite struct SystemErrorTextTests {
    @Test func foundationErrorsBecomeTheSystemsText() throws {
        let missing = NSTemporaryDirectory() + "dedupbench-no-such-dir-\(getpid())/x"
        do {
            _ = try FileManager.default.contentsOfDirectory(atPath: missing)
            Issue.record("listed a missing folder")
        } catch {
            let text = SystemErrorText.describe(error)
            #expect(text.lowercased() == "no such file or directory", "\(text)")
            #expect(SystemErrorText.isIO(error))
        }
        do {
            try FileManager.default.createDirectory(atPath: "/dev/null/sub", withIntermediateDirectories: true)
            Issue.record("created a folder under a device")
        } catch {
            #expect(!SystemErrorText.describe(error).contains("Error Domain="))
        }
        #expect(SystemErrorText.describe(NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))) == "No space left on device")
        // Our own errors keep their sentences.
        #expect(SystemErrorText.describe(SourceError(path: "a.jsonl", problem: "bad")) == "a.jsonl: bad.")
        #expect(!SystemErrorText.isIO(SourceError(path: "a.jsonl", problem: "bad")))
    }
}
