import Foundation
import Testing

@testable import DedupServe

/// Real HTTP against a server on a free loopback port: every page and API route, a path-escape
/// attempt, the Host check and a concurrent load.
@Suite(.serialized) struct DashboardServerTests {
    static func csvRows(_ path: String) -> [String] {
        (try! String(contentsOfFile: path, encoding: .utf8)).split(separator: "\n").map(String.init)
    }

    @Test func pagesAnswerWithTheirContent() async throws {
        let s = try await TestServer()
        defer { Task { await s.stop() } }
        let firstRun = Self.csvRows(s.resultsRoot + "/default/results.csv")[1].split(separator: ",")[2]

        let index = try await s.get("/")
        #expect(index.status == 200)
        #expect(index.headers["content-type"] == "text/html; charset=utf-8")
        #expect(index.text.contains("<table id=\"sets\">"))
        for id in ["default", "ci-base", "ci-cand"] { #expect(index.text.contains("href=\"/sets/\(id)\"")) }
        #expect(index.headers["content-security-policy"]?.contains("default-src 'none'") == true)
        #expect(!index.text.contains("http://") && !index.text.contains("https://"), "no external request")

        let set = try await s.get("/sets/default")
        #expect(set.status == 200)
        #expect(set.text.contains("<table id=\"runs\">"))
        #expect(set.text.contains("href=\"/sets/default/files/results.csv\""))
        #expect(set.text.contains("href=\"/sets/default/files/manifest.json\""))
        #expect(set.text.contains("id=\"report\""))
        #expect(set.text.contains("up to 3 attempt(s) per run") || set.text.contains("attempt(s) per run"))
        #expect(set.text.contains("href=\"/sets/default/runs/\(firstRun)\""))

        let csv = try await s.get("/sets/default/files/results.csv")
        #expect(csv.status == 200)
        #expect(csv.body == Array(FileManager.default.contents(atPath: s.resultsRoot + "/default/results.csv")!))
        #expect(try await s.get("/sets/default/files/manifest.json").text.contains("\"experiment\""))

        // Chart sources linked from the page are served.
        let gp = try #require(set.text.firstMatch(of: /\/sets\/default\/charts\/([A-Za-z0-9._-]+\.gp)/))
        let script = try await s.get(String(gp.0))
        #expect(script.status == 200)
        #expect(script.text.contains("set "))

        let run = try await s.get("/sets/default/runs/\(firstRun)")
        #expect(run.status == 200)
        for part in [
            "<table id=\"params\">", "<table id=\"metrics\">", "id=\"attempts\"", "rows_written", "were not kept",
        ] {
            #expect(run.text.contains(part), "run page lacks \(part)")
        }

        let progress = try await s.get("/sets/default/progress")
        #expect(progress.status == 200)
        #expect(progress.text.contains("data-state=\"finished\""))
        #expect(progress.text.contains("http-equiv=\"refresh\""))
        let fragment = try await s.get("/sets/default/progress?fragment=1")
        #expect(fragment.status == 200 && !fragment.text.contains("<!DOCTYPE"))

        let compareForm = try await s.get("/compare")
        #expect(compareForm.status == 200 && compareForm.text.contains("<select name=\"baseline\""))
        let compare = try await s.get("/compare?baseline=ci-base&candidate=ci-cand")
        #expect(compare.status == 200)
        #expect(compare.text.contains("Verdict: no regression"))
        let mismatched = try await s.get("/compare?baseline=ci-base&candidate=default")
        #expect(mismatched.status == 422, "different experiments share no cell")

        let schedules = try await s.get("/schedules")
        #expect(schedules.status == 200 && schedules.text.contains("No schedule"))

        let missing = try await s.get("/sets/no-such-set")
        #expect(missing.status == 404)
        #expect(try await s.get("/sets/default/runs/no-such-run").status == 404)
    }

    @Test func apiUsesResultsCSVFieldNames() async throws {
        let s = try await TestServer()
        defer { Task { await s.stop() } }
        let rows = Self.csvRows(s.resultsRoot + "/default/results.csv")
        let header = rows[0].split(separator: ",").map(String.init)

        let index = try #require(try await s.json("/api") as? [String: Any])
        #expect((index["routes"] as? [String])?.contains("/api/sets") == true)

        let sets = try #require((try await s.json("/api/sets") as? [String: Any])?["sets"] as? [[String: Any]])
        #expect(Set(sets.compactMap { $0["id"] as? String }) == ["default", "ci-base", "ci-cand"])
        let d = try #require(sets.first { $0["id"] as? String == "default" })
        #expect(d["runs"] as? Int == rows.count - 1)
        #expect(d["experiment"] as? String == "default")
        #expect(d["state"] as? String == "finished")

        let one = try #require(try await s.json("/api/sets/default") as? [String: Any])
        let policy = try #require(one["retry_policy"] as? [String: Any])
        #expect(policy["retries"] as? Int != nil)
        #expect(one["columns"] as? [String] == header)

        let runs = try #require(
            (try await s.json("/api/sets/default/runs") as? [String: Any])?["runs"] as? [[String: Any]])
        #expect(runs.count == rows.count - 1)
        #expect(Set(runs[0].keys) == Set(header))
        #expect(runs[0]["rows_written"] is NSNumber, "numeric columns are JSON numbers")
        #expect(runs[0]["params"] is [String: Any], "params is the object the CSV holds")
        let runId = try #require(runs[0]["run_id"] as? String)

        let run = try #require(try await s.json("/api/sets/default/runs/\(runId)") as? [String: Any])
        #expect(run["run_id"] as? String == runId)
        #expect(run["status"] as? String == "ok")

        let progress = try #require(try await s.json("/api/sets/default/progress") as? [String: Any])
        #expect(progress["done"] as? Int == rows.count - 1)
        #expect(progress["state"] as? String == "finished")

        let compare = try #require(
            try await s.json("/api/compare?baseline=ci-base&candidate=ci-cand") as? [String: Any])
        #expect(compare["verdict"] as? String == "no_regression")
        #expect(compare["format"] as? String == "dedupbench-compare/1")
        let markdown = try await s.get("/api/compare?baseline=ci-base&candidate=ci-cand&format=markdown")
        #expect(markdown.text.hasPrefix("### dedupbench compare: no regression"))
        #expect(try await s.get("/api/compare?baseline=ci-base").status == 400)

        #expect((try await s.json("/api/schedules") as? [String: Any])?["schedules"] as? [Any] != nil)
        let missing = try await s.get("/api/sets/nope")
        #expect(missing.status == 404)
        #expect(missing.text.contains("\"error\""))
    }

    @Test func requestPathsNeverLeaveTheServedFolders() async throws {
        let s = try await TestServer()
        defer { Task { await s.stop() } }
        // A secret beside the results folder, and a symbolic link to it inside a served set.
        let token = "SECRET-\(UInt64.random(in: 0...UInt64.max))"
        try token.write(toFile: s.root + "/secret.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: s.resultsRoot + "/default/pipeline.yaml", withDestinationPath: s.root + "/secret.txt")
        let attempts = [
            "/sets/default/files/..%2f..%2fsecret.txt",
            "/sets/default/files/..%2F..%2Fsecret.txt",
            "/sets/default/files/../../secret.txt",
            "/sets/..%2f..%2f/files/secret.txt",
            "/sets/%2e%2e/files/results.csv",
            "/sets/..%2f..%2fetc/files/passwd",
            "/sets/default/charts/..%2f..%2f..%2fsecret.txt",
            "/sets/default/runs/x/tables/..%2f..%2f..%2f..",
            "/sets/default/files/pipeline.yaml",
            "/../secret.txt",
            "/..%2fsecret.txt",
            "/sets/default/files/%2e%2e%2f%2e%2e%2fsecret.txt",
        ]
        for target in attempts {
            let r = try await s.get(target)
            #expect(r.status >= 400, "\(target) answered \(r.status)")
            #expect(!r.text.contains(token), "\(target) leaked the secret")
            #expect(!r.text.contains("root:x:0:0"), "\(target) leaked /etc/passwd")
        }
    }

    @Test func foreignHostHeaderIsRefused() async throws {
        let s = try await TestServer(sets: [:])
        defer { Task { await s.stop() } }
        #expect(try await s.get("/api/sets", host: "attacker.example").status == 403)
        #expect(try await s.get("/api/sets", host: "localhost:\(s.port)").status == 200)
    }

    @Test func answersAConcurrentLoad() async throws {
        let s = try await TestServer()
        defer { Task { await s.stop() } }
        _ = try await s.get("/sets/default")  // render once; the load then measures serving, not gnuplot
        let targets = [
            "/", "/api/sets", "/sets/default", "/api/sets/default/runs", "/sets/ci-base/progress",
            "/api/compare?baseline=ci-base&candidate=ci-cand", "/sets/default/files/results.csv", "/nope",
        ]
        let total = 320
        let threads = 16
        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var statuses: [Int: Int] = [:]
            var failures: [String] = []
            func status(_ s: Int) { lock.withLock { statuses[s, default: 0] += 1 } }
            func fail(_ f: String) { lock.withLock { failures.append(f) } }
        }
        let tally = Tally()
        let start = Date()
        let finished = Tally()
        for t in 0..<threads {
            Thread {
                for i in stride(from: t, to: total, by: threads) {
                    let target = targets[i % targets.count]
                    do {
                        let r = try RawHTTP.blockingGet(port: s.port, target, timeout: 60)
                        tally.status(r.status)
                        let expected = target == "/nope" ? 404 : 200
                        if r.status != expected { tally.fail("\(target) → \(r.status)") }
                    } catch {
                        tally.fail("\(target): \(error)")
                    }
                }
                finished.status(0)
            }.start()
        }
        // Wait without blocking a cooperative thread (the server's handlers resume on them).
        while finished.lock.withLock({ finished.statuses[0] ?? 0 }) < threads && Date().timeIntervalSince(start) < 120 {
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        let seconds = Date().timeIntervalSince(start)
        #expect(tally.failures.isEmpty, "\(tally.failures.prefix(5))")
        #expect(tally.statuses.values.reduce(0, +) == total)
        #expect(seconds < 120)
    }
}
