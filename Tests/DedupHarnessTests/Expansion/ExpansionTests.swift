import DedupPipeline
import Foundation
import Testing

@testable import DedupHarness

@Suite struct ExpansionTests {
    static let header = "version: 1\nname: t\npipeline: {}\nseed: 11\nrepeats: 2\n"

    func plan(_ body: String, overrides: [String] = []) throws -> ExperimentPlan {
        let spec = try TestSupport.spec(Self.header + body)
        return try ExperimentPlan(spec: spec, overrides: overrides.map { try ExperimentPlan.Override.parse($0) })
    }

    func labels(_ p: ExperimentPlan) -> [String] { p.cells.map(\.label) }

    @Test func productFollowsAxisOrderFirstAxisOutermost() throws {
        let p = try plan("matrix:\n  strategy: [a, b]\n  generation.scale: [1, 2, 3]\n")
        #expect(
            labels(p) == [
                "strategy=a generation.scale=1", "strategy=a generation.scale=2", "strategy=a generation.scale=3",
                "strategy=b generation.scale=1", "strategy=b generation.scale=2", "strategy=b generation.scale=3",
            ])
        #expect(p.cells.map(\.index) == Array(0..<6))
        #expect(p.runs().count == 12)
        #expect(p.runs().map(\.runID).prefix(2) == ["\(p.cells[0].id)-0", "\(p.cells[0].id)-1"])
    }

    @Test func stepRangeReadsBackAsWritten() throws {
        let p = try plan("matrix:\n  strategy: [a]\n  generation.chaos.dup_prob: {from: 0, to: 0.5, step: 0.1}\n")
        #expect(
            p.cells.map { $0.params["generation.chaos.dup_prob"]!.canonicalJSON } == [
                "0", "0.1", "0.2", "0.3", "0.4", "0.5",
            ])
        let ints = try plan("matrix:\n  strategy: [a]\n  batches: {from: 10, to: 1, step: -3}\n")
        #expect(ints.cells.map { $0.params["batches"]! } == [.int(10), .int(7), .int(4), .int(1)])
    }

    @Test func logRangeHitsPowersOfTen() throws {
        let p = try plan(
            "matrix:\n  strategy: [a]\n  generation.scale: {from: 10000, to: 10000000, count: 4, scale: log}\n")
        #expect(
            p.cells.map { $0.params["generation.scale"]! } == [
                .int(10_000), .int(100_000), .int(1_000_000), .int(10_000_000),
            ])
        let fractional = try plan("matrix:\n  strategy: [a]\n  x.y: {from: 0, to: 1, count: 5}\n")
        #expect(fractional.cells.map { $0.params["x.y"]!.canonicalJSON } == ["0", "0.25", "0.5", "0.75", "1"])
    }

    @Test func excludeRemovesMatchingCellsAndIncludeAddsCells() throws {
        let p = try plan(
            """
            matrix:
              strategy: [a, b]
              generation.scale: [1, 2]
            exclude:
              - {strategy: b, generation.scale: 2}
            include:
              - {strategy: c, generation.scale: 99, storage.codec: zstd}
              - {strategy: a, generation.scale: 1}
            """)
        #expect(
            labels(p) == [
                "strategy=a generation.scale=1", "strategy=a generation.scale=2", "strategy=b generation.scale=1",
                "strategy=c generation.scale=99 storage.codec=zstd",
            ])
    }

    @Test func zipMovesAxesTogether() throws {
        let p = try plan(
            """
            matrix:
              strategy: [a, b]
              hash.algorithm: [sha256, md5, xxh64]
              hash.encoding: [hex, hex, binary]
            zip:
              - [hash.algorithm, hash.encoding]
            """)
        #expect(p.cells.count == 6)
        #expect(p.cells[0].label == "strategy=a hash.algorithm=sha256 hash.encoding=hex")
        #expect(p.cells[2].label == "strategy=a hash.algorithm=xxh64 hash.encoding=binary")
    }

    @Test func setPinsAnAxisAndOverridesBaseKeys() throws {
        let body = "matrix:\n  strategy: [a, b]\n  generation.scale: [1, 2]\n"
        let p = try plan(body, overrides: ["strategy=b", "generation.batches=3"])
        #expect(
            labels(p) == [
                "strategy=b generation.scale=1 generation.batches=3",
                "strategy=b generation.scale=2 generation.batches=3",
            ])
        #expect(p.cells[0].params["generation.batches"] == .int(3))
        // A pinned cell is a different cell than the unpinned one only through its extra keys.
        let unpinned = try plan(body, overrides: ["strategy=b"])
        let full = try plan(body)
        #expect(unpinned.cells.map(\.id) == [full.cells[2].id, full.cells[3].id])
        #expect(throws: SpecError.self) { try ExperimentPlan.Override.parse("no-equals-sign") }
    }

    @Test func idsAndSeedsAreStableWhenAnAxisGrows() throws {
        let small = try plan("matrix:\n  strategy: [a, b]\n  generation.chaos.dup_prob: [0, 0.1]\n")
        let grown = try plan(
            """
            matrix:
              strategy: [a, b, c]
              generation.chaos.dup_prob: [0, 0.05, 0.1, 0.2]
              generation.scale: 1000
            """)
        let bigger = try plan("matrix:\n  strategy: [a, b, c]\n  generation.chaos.dup_prob: [0, 0.05, 0.1, 0.2]\n")
        let seeds = Dictionary(uniqueKeysWithValues: bigger.runs().map { ($0.runID, $0.seed) })
        for run in small.runs() {
            #expect(seeds[run.runID] == run.seed, "run \(run.runID) changed its seed")
        }
        // Adding an axis (even with one value) is a different cell: its parameters changed.
        #expect(Set(grown.cells.map(\.id)).isDisjoint(with: small.cells.map(\.id)))
        // Seeds differ between repeats and cells, and stay below 2^53.
        let all = bigger.runs().map(\.seed)
        #expect(Set(all).count == all.count)
        #expect(all.allSatisfy { $0 < 1 << 53 })
    }

    @Test func cellIdIsSHA256OfCanonicalParams() throws {
        let p = try plan("matrix:\n  strategy: [bronze_append]\n  generation.chaos.dup_prob: 0.10\n")
        let json = #"{"generation.chaos.dup_prob":0.1,"strategy":"bronze_append"}"#
        #expect(p.cells[0].paramsJSON == json)
        // Independent check with sha256sum.
        let r = try ChildProcess.run(executable: "/bin/sh", arguments: ["-c", "printf '%s' '\(json)' | sha256sum"])
        #expect(p.cells[0].id == String(String(decoding: r.stdout, as: UTF8.self).prefix(12)))
        // 0.1 written as 1e-1 or 0.10 is the same cell; int 0 and 0.0 too.
        let q = try plan("matrix:\n  strategy: [bronze_append]\n  generation.chaos.dup_prob: 1e-1\n")
        #expect(q.cells[0].id == p.cells[0].id)
    }

    @Test func experimentSeedChangesEveryRunSeed() throws {
        let a = try TestSupport.spec(Self.header + "matrix:\n  strategy: [a, b]\n")
        var b = a
        b.seed = 12
        let pa = try ExperimentPlan(spec: a).runs().map(\.seed)
        let pb = try ExperimentPlan(spec: b).runs().map(\.seed)
        #expect(zip(pa, pb).allSatisfy { $0 != $1 })
    }

    @Test func shardsPartitionTheCells() throws {
        let p = try plan("matrix:\n  strategy: [a, b, c]\n  generation.scale: [1, 2, 3]\n")
        let shards = (1...4).map { p.runs(shard: Shard(index: $0, count: 4)) }
        #expect(shards.map(\.count).reduce(0, +) == p.runs().count)
        #expect(Set(shards.flatMap { $0.map(\.runID) }) == Set(p.runs().map(\.runID)))
        #expect(Shard("0/2") == nil && Shard("3/2") == nil && Shard("2/2") == Shard(index: 2, count: 2))
    }

    @Test func warmupsPrecedeRepeatsAndAreMarked() throws {
        let spec = try TestSupport.spec(
            "version: 1\nname: t\npipeline: {}\nwarmup: 1\nrepeats: 2\nmatrix:\n  strategy: [a]\n")
        let runs = try ExperimentPlan(spec: spec).runs()
        #expect(runs.map(\.isWarmup) == [true, false, false])
        #expect(runs[0].seed == runs[1].seed)
        #expect(runs[0].runID.hasSuffix("-w0"))
    }
}
