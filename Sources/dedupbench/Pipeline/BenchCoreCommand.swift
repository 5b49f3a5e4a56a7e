import ArgumentParser
import DedupPipeline

/// `dedupbench bench-core`: times the pipeline core on its own — generation, the delivery models and
/// the hash columns — so their figures come from a command anyone can rerun (`make bench-core`).
struct BenchCoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-core",
        abstract: "Time generation, the chaos/pubsub delivery models and the hash columns (release build).")

    @Option(help: "Rows generated and hashed.")
    var rows = 1_100_000

    @Option(help: "Messages simulated by the delivery models (repeatable).")
    var simulated: [Int] = [1_000_000, 10_000_000]

    @Option(help: "Runs per measurement; the best is reported (models above 1M run once).")
    var repeats = 5

    func run() throws {
        let results = try CoreBenchmark.run(rows: rows, simulated: simulated, repeats: repeats)
        let width = results.map(\.name.count).max() ?? 0
        print("what".padding(toLength: width, withPad: " ", startingAt: 0) + "        rows   best wall s   cpu s")
        for m in results {
            let name = m.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let rows = String(m.rows).leftPadded(to: 10)
            print("\(name)  \(rows)  \(format(m.wallSeconds).leftPadded(to: 12))  \(format(m.cpuSeconds).leftPadded(to: 6))")
        }
    }

    private func format(_ seconds: Double) -> String {
        let ms = (seconds * 1000).rounded()
        return String(Int(ms) / 1000) + "." + String(Int(ms) % 1000).leftPadded(to: 3, with: "0")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
