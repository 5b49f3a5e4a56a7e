import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Measures the pipeline core (generation, delivery models, hash columns) the way the issue
/// reports them; a CLI can print the result. Best-of-`repeats` wall time plus the process CPU
/// time of that run (CPU time stays meaningful on a busy machine, wall time does not).
public enum CoreBenchmark {
    public struct Measurement: Sendable {
        public var name: String
        public var rows: Int
        public var wallSeconds: Double
        public var cpuSeconds: Double
    }

    /// `rows` for generation and hashing (the 1.1M); `simulated` message counts for the
    /// chaos/pubsub models (the 1M and 10M; runs above 1M are measured once).
    public static func run(rows: Int = 1_100_000, simulated: [Int] = [1_000_000, 10_000_000], repeats: Int = 5)
        throws -> [Measurement]
    {
        var out: [Measurement] = []
        let gen = RecordGenerator(seed: 7)
        out.append(measure("generate (speed, no chaos)", rows, repeats) { gen.generate(count: rows).rowCount })
        var config = PipelineConfig.default
        config.generation.mode = .speed
        config.generation.scale = Int((Double(rows) / 1.1).rounded())
        out.append(
            try measure("synthetic speed, dup 0.1 slow 0.1", rows, repeats) {
                try SyntheticSource(config: config, seed: 7).produce().records.rowCount
            })
        config.generation.mode = .chaos
        for n in simulated {
            config.generation.scale = n
            let r = n > 1_000_000 ? 1 : repeats
            out.append(
                try measure("synthetic chaos (virtual clock)", n, r) {
                    try SyntheticSource(config: config, seed: 7).produce().records.rowCount
                })
            out.append(
                try measure("pubsub (virtual clock)", n, r) {
                    try PubSubSource(config: config, seed: 7).produce().records.rowCount
                })
        }
        let batch = gen.generate(count: rows)
        for a in HashAlgorithm.allCases {
            for e in HashEncoding.allCases {
                out.append(
                    measure("hash \(a.rawValue) \(e.rawValue), both columns", rows, repeats) {
                        HashColumns.compute(batch, algorithm: a, encoding: e).composite.count
                    })
            }
        }
        // the verifier's fold-in digests a delivered batch in the table's shape on one thread
        let hash = HashSettings()
        let table = TableBatch.make(batch, schema: TableBatch.schema(records: batch.schema, encoding: hash.encoding), hash: hash)
        out.append(
            measure("row + identity digests (verifier fold-in, one thread)", rows, repeats) {
                RowDigest.digests(table, identity: "composite_hash", key: nil, parallel: false).rows.count
            })
        return out
    }

    static func measure(_ name: String, _ rows: Int, _ repeats: Int, _ body: () throws -> Int) rethrows -> Measurement {
        var best = Measurement(name: name, rows: rows, wallSeconds: .infinity, cpuSeconds: .infinity)
        for _ in 0..<max(1, repeats) {
            let c0 = cpuSeconds()
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = try body()
            let wall = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            if wall < best.wallSeconds { (best.wallSeconds, best.cpuSeconds) = (wall, cpuSeconds() - c0) }
        }
        return best
    }

    /// User + system CPU seconds of this process.
    static func cpuSeconds() -> Double {
        var u = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }
}
