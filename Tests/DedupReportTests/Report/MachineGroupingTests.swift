import Foundation
import Testing

@testable import DedupReport

/// Results from two machines are never blended: each gets its own section, and the report says so
/// at the top.
struct MachineGroupingTests {
    @Test func twoMachinesGetSeparateSectionsAndAWarning() throws {
        let root = try TestSupport.temporaryDirectory()
        let runs = (0..<2).map { TestSupport.Run(cell: "c", repeatIndex: $0) }
        let a = try TestSupport.resultFile(TestSupport.csv(runs), in: root.appendingPathComponent("a"), manifest: TestSupport.manifest(cpu: "AMD EPYC", cores: 2))
        let b = try TestSupport.resultFile(TestSupport.csv(runs), in: root.appendingPathComponent("b"), manifest: TestSupport.manifest(cpu: "Intel Xeon", cores: 2))
        let experiments = ExperimentResults.group([a, b], resamples: 200)
        #expect(experiments.map(\.name) == ["crafted @ AMD EPYC (2 cores)", "crafted @ Intel Xeon (2 cores)"])
        #expect(experiments.allSatisfy { $0.cells.count == 1 && $0.cells[0].runs.count == 2 })
        let output = try PerformanceReport.write(files: [a, b], to: root.appendingPathComponent("out/R.md").path,
                                                 options: .init(gnuplot: nil, resamples: 200, projection: nil))
        let firstParagraphs = output.markdown.components(separatedBy: "## Environment")[0]
        #expect(firstParagraphs.contains("**These results come from 2 different machines**"))
        // One machine: one section, no warning.
        let same = ExperimentResults.group([a, a], resamples: 200)
        #expect(same.map(\.name) == ["crafted"])
    }
}
